package org.bridle.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hex digests of streams and strings. */
public final class Hashing {
    private Hashing() {
    }

    /** The lower-case hex SHA-256 of everything the stream yields; the caller closes it. */
    public static String sha256(InputStream in) throws IOException {
        MessageDigest digest = digest("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) > 0) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The lower-case hex digest of a byte array with the named algorithm ({@code SHA-1}, {@code SHA-256}). */
    public static String hex(String algorithm, byte[] data) {
        return HexFormat.of().formatHex(digest(algorithm).digest(data));
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }
}
