package org.bridle.ios.backup.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * PBKDF2 (RFC 8018) over {@link Mac}, on a password of raw bytes. The JDK's {@code PBEKeySpec} takes characters,
 * which cannot carry the raw 32-byte output of one derivation into the next, as iOS backups need.
 */
public final class Pbkdf2 {
    /** The HMAC of SHA-256. */
    public static final String HMAC_SHA256 = "HmacSHA256";
    /** The HMAC of SHA-1. */
    public static final String HMAC_SHA1 = "HmacSHA1";

    private Pbkdf2() {
    }

    /**
     * Derives {@code length} bytes.
     *
     * @param hmac {@link #HMAC_SHA256} or {@link #HMAC_SHA1}
     * @param password the password bytes; not empty
     * @param rounds the iteration count, at least 1
     */
    public static byte[] derive(String hmac, byte[] password, byte[] salt, int rounds, int length) {
        if (rounds < 1 || length < 1 || password.length == 0) {
            throw new IllegalArgumentException("PBKDF2 needs a password, at least one round and one byte of output");
        }
        try {
            Mac mac = Mac.getInstance(hmac);
            mac.init(new SecretKeySpec(password, hmac));
            int macLength = mac.getMacLength();
            byte[] out = new byte[length];
            byte[] u = new byte[macLength];
            byte[] block = new byte[macLength];
            for (int index = 1, offset = 0; offset < length; index++, offset += macLength) {
                mac.update(salt);
                mac.update(new byte[] {(byte) (index >>> 24), (byte) (index >>> 16), (byte) (index >>> 8), (byte) index});
                mac.doFinal(u, 0);
                System.arraycopy(u, 0, block, 0, macLength);
                for (int round = 1; round < rounds; round++) {
                    mac.update(u);
                    mac.doFinal(u, 0);
                    for (int i = 0; i < macLength; i++) {
                        block[i] ^= u[i];
                    }
                }
                System.arraycopy(block, 0, out, offset, Math.min(macLength, length - offset));
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + hmac, e);
        }
    }
}
