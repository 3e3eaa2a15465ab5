package org.bridle.core.source;

/**
 * One file written into a decrypted copy of evidence.
 *
 * @param path the file's path inside the copy, with {@code /} between folders
 * @param sha256 the SHA-256 of what was written, in lowercase hex
 */
public record CopiedFile(String path, String sha256) {
}
