package org.bridle.core.indicators;

import java.util.Objects;
import org.bridle.core.io.Hashing;

/**
 * The length and SHA-256 of an indicator file's bytes. Made from the bytes, it computes the digest the first time it
 * is asked for (and then lets the bytes go): a check needs it only for its report, written after the scan, when
 * hashing the evidence has made the JIT compile SHA-256 to its fast form; hashed while the indicators load, a
 * generated 9.5 MB file took a tenth of a second of CPU in interpreted and profiled code. Thread-safe.
 */
public final class ContentDigest {
    private final long length;
    private byte[] content;
    private String sha256;

    private ContentDigest(long length, byte[] content, String sha256) {
        this.length = length;
        this.content = content;
        this.sha256 = sha256;
    }

    /** The digest of these bytes, which it keeps (unchanged by the caller) until the digest is computed. */
    public static ContentDigest of(byte[] content) {
        return new ContentDigest(content.length, content, null);
    }

    /** A digest computed before, of bytes of this length. */
    public static ContentDigest known(String sha256, long length) {
        return new ContentDigest(length, null, Objects.requireNonNull(sha256, "sha256"));
    }

    /** The number of bytes. */
    public long length() {
        return length;
    }

    /** The lower-case hex SHA-256 of the bytes. */
    public synchronized String sha256() {
        if (sha256 == null) {
            sha256 = Hashing.hex("SHA-256", content);
            content = null;
        }
        return sha256;
    }

    /** Equal when of the same bytes: of the same length and digest (computed only when the lengths agree). */
    @Override
    public boolean equals(Object other) {
        return other instanceof ContentDigest digest && length == digest.length && sha256().equals(digest.sha256());
    }

    @Override
    public int hashCode() {
        return Long.hashCode(length);
    }

    @Override
    public String toString() {
        return length + " bytes, SHA-256 " + sha256();
    }
}
