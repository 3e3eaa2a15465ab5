package org.bridle.core.source;

/**
 * One file of a decrypted copy of evidence: written, or left out because it could not be decrypted.
 *
 * @param path the file's path inside the copy, with {@code /} between folders
 * @param sha256 the SHA-256 of what was written, in lowercase hex; null when the file was left out
 * @param failure why the file was left out, one sentence; null when it was written
 */
public record CopiedFile(String path, String sha256, String failure) {

    /** A file written into the copy. */
    public static CopiedFile written(String path, String sha256) {
        return new CopiedFile(path, sha256, null);
    }

    /** A file left out of the copy. */
    public static CopiedFile failed(String path, String failure) {
        return new CopiedFile(path, null, failure);
    }

    /** True when the file was written. */
    public boolean ok() {
        return failure == null;
    }
}
