package org.bridle.android.backup;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * PBKDF2 with HMAC-SHA1 over a password given as bytes, since Android's backup keys depend on exactly which bytes
 * a password becomes (see {@link AbCipher}).
 */
final class Pbkdf2 {
    private static final int SHA1_LENGTH = 20;

    private Pbkdf2() {
    }

    /** Derives {@code length} bytes; the password must not be empty. */
    static byte[] derive(byte[] password, byte[] salt, int rounds, int length) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(password, "HmacSHA1"));
        byte[] out = new byte[length];
        for (int block = 1; (block - 1) * SHA1_LENGTH < length; block++) {
            mac.update(salt);
            mac.update(new byte[] {(byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8), (byte) block});
            byte[] u = mac.doFinal();
            byte[] t = u.clone();
            for (int round = 1; round < rounds; round++) {
                u = mac.doFinal(u);
                for (int i = 0; i < t.length; i++) {
                    t[i] ^= u[i];
                }
            }
            int offset = (block - 1) * SHA1_LENGTH;
            System.arraycopy(t, 0, out, offset, Math.min(SHA1_LENGTH, length - offset));
        }
        return out;
    }
}
