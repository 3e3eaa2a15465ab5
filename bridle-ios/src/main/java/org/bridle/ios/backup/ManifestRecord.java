package org.bridle.ios.backup;

/**
 * One row of a backup's Manifest.db, without its metadata blob.
 *
 * @param fileId the SHA-1 hex name the content is stored under
 * @param domain the backup domain
 * @param relativePath the path inside the domain
 * @param flags 1 file, 2 directory, 4 symbolic link
 */
public record ManifestRecord(String fileId, String domain, String relativePath, int flags) {
    /** Manifest flag of a regular file. */
    public static final int FILE = 1;

    /** True for a regular file. */
    public boolean isFile() {
        return flags == FILE;
    }
}
