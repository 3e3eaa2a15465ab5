package org.bridle.android.backup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bridle.core.source.InputException;
import org.bridle.core.source.PasswordSource;

/**
 * The AES-256 encryption of an {@code adb backup}. After the common header come five lines: the user-key salt,
 * the checksum salt, the PBKDF2 round count, the IV and the encrypted master-key blob (all hex). The user key is
 * PBKDF2-HMAC-SHA1 of the password; it decrypts the blob into the payload IV, the master key and its checksum.
 * The checksum is PBKDF2 of the master key turned into characters: from version 2 on, each byte is sign-extended
 * to a Java {@code char} and the characters are UTF-8 encoded (Android's quirk); in version 1 the bytes are used
 * as they are, and the password is taken one byte per character.
 */
final class AbCipher {
    private AbCipher() {
    }

    /** Reads the encryption lines from {@code in} and returns the decrypted payload stream. */
    static InputStream decrypt(InputStream in, int version, String what, PasswordSource passwords)
            throws InputException, IOException {
        HexFormat hex = HexFormat.of();
        byte[] userSalt;
        byte[] checksumSalt;
        int rounds;
        byte[] userIv;
        byte[] blob;
        try {
            userSalt = hex.parseHex(AbHeader.line(in));
            checksumSalt = hex.parseHex(AbHeader.line(in));
            rounds = Integer.parseInt(AbHeader.line(in));
            userIv = hex.parseHex(AbHeader.line(in));
            blob = hex.parseHex(AbHeader.line(in));
        } catch (IllegalArgumentException e) {
            throw new InputException(what + " has a damaged encryption header.", e);
        }
        if (rounds < 1 || rounds > 10_000_000) {
            throw new InputException(what + " has a damaged encryption header (" + rounds + " rounds).");
        }
        char[] password = passwords.password(what);
        try {
            byte[] userKey = Pbkdf2.derive(passwordBytes(password, version), userSalt, rounds, 32);
            byte[] plain = decrypt(userKey, userIv, blob, what);
            ByteBuffer b = ByteBuffer.wrap(plain);
            byte[] iv = take(b, what);
            byte[] masterKey = take(b, what);
            byte[] checksum = take(b, what);
            byte[] expected = Pbkdf2.derive(checksumBytes(masterKey, version), checksumSalt, rounds, 32);
            if (!MessageDigest.isEqual(expected, checksum)) {
                throw wrongPassword(what);
            }
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(masterKey, "AES"), new IvParameterSpec(iv));
            return new CipherInputStream(in, cipher);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw wrongPassword(what);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static byte[] decrypt(byte[] key, byte[] iv, byte[] data, String what) throws InputException {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw wrongPassword(what);
        }
    }

    private static byte[] take(ByteBuffer b, String what) throws InputException {
        if (!b.hasRemaining()) {
            throw wrongPassword(what);
        }
        int length = b.get() & 0xff;
        if (length > b.remaining()) {
            throw wrongPassword(what);
        }
        byte[] out = new byte[length];
        b.get(out);
        return out;
    }

    private static InputException wrongPassword(String what) {
        return new InputException("The password is wrong for " + what + ".");
    }

    static byte[] passwordBytes(char[] password, int version) {
        if (version == 1) {
            byte[] out = new byte[password.length];
            for (int i = 0; i < password.length; i++) {
                out[i] = (byte) password[i];
            }
            return out;
        }
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] out = new byte[encoded.remaining()];
        encoded.get(out);
        return out;
    }

    /** The bytes Android hashes for the master-key checksum (see the type's Javadoc). */
    static byte[] checksumBytes(byte[] masterKey, int version) {
        if (version == 1) {
            return masterKey.clone();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : masterKey) {
            char c = (char) b;
            if (c < 0x80) {
                out.write(c);
            } else {
                out.write(0xE0 | (c >> 12));
                out.write(0x80 | ((c >> 6) & 0x3F));
                out.write(0x80 | (c & 0x3F));
            }
        }
        return out.toByteArray();
    }
}
