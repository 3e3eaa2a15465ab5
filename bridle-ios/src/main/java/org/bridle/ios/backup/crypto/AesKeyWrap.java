package org.bridle.ios.backup.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Optional;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.spec.SecretKeySpec;

/** AES key unwrap (RFC 3394, the JDK's {@code AES/KW/NoPadding} with the default initial value). */
public final class AesKeyWrap {
    private AesKeyWrap() {
    }

    /**
     * Unwraps a key; empty when the integrity check fails (the wrapping key is not the one used to wrap).
     *
     * @param kek the key-encryption key: 16, 24 or 32 bytes
     * @param wrapped the wrapped key: a multiple of 8 bytes, at least 24
     */
    public static Optional<byte[]> unwrap(byte[] kek, byte[] wrapped) {
        if (wrapped.length < 24 || wrapped.length % 8 != 0) {
            return Optional.empty();
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/KW/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(kek, "AES"));
            return Optional.of(cipher.doFinal(wrapped));
        } catch (IllegalBlockSizeException | BadPaddingException e) {
            return Optional.empty();
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("not an AES key: " + kek.length + " bytes", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks AES key wrap", e);
        }
    }
}
