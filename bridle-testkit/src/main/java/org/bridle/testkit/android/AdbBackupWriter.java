package org.bridle.testkit.android;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes {@code adb backup} files of a tar payload: plain (compressed or not) or AES-256 encrypted. The
 * encryption uses the JDK's own PBKDF2 (which UTF-8 encodes characters, as Android does) and Android's
 * byte-to-char conversion of the master key for its checksum, so it checks a reader rather than reusing one.
 */
public final class AdbBackupWriter {
    private static final int ROUNDS = 1000;

    private AdbBackupWriter() {
    }

    /** An unencrypted backup of a tar payload. */
    public static byte[] plain(int version, boolean compressed, byte[] tar) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("ANDROID BACKUP\n" + version + "\n" + (compressed ? 1 : 0) + "\nnone\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(compressed ? AndroidArchives.zlib(tar) : tar);
        return out.toByteArray();
    }

    /** An AES-256 backup (version 2 or later) of a compressed tar payload, with the given password. */
    public static byte[] encrypted(int version, String password, byte[] tar) throws GeneralSecurityException {
        SecureRandom random = new SecureRandom();
        byte[] userSalt = random(random, 64);
        byte[] checksumSalt = random(random, 64);
        byte[] userIv = random(random, 16);
        byte[] masterKey = random(random, 32);
        byte[] masterIv = random(random, 16);
        char[] keyChars = new char[masterKey.length];
        for (int i = 0; i < masterKey.length; i++) {
            keyChars[i] = (char) masterKey[i];
        }
        byte[] checksum = pbkdf2(keyChars, checksumSalt);
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        for (byte[] part : new byte[][] {masterIv, masterKey, checksum}) {
            blob.write(part.length);
            blob.writeBytes(part);
        }
        byte[] encryptedBlob = aes(pbkdf2(password.toCharArray(), userSalt), userIv, blob.toByteArray());
        HexFormat hex = HexFormat.of().withUpperCase();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("ANDROID BACKUP\n" + version + "\n1\nAES-256\n" + hex.formatHex(userSalt) + "\n"
                + hex.formatHex(checksumSalt) + "\n" + ROUNDS + "\n" + hex.formatHex(userIv) + "\n"
                + hex.formatHex(encryptedBlob) + "\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(aes(masterKey, masterIv, AndroidArchives.zlib(tar)));
        return out.toByteArray();
    }

    private static byte[] pbkdf2(char[] password, byte[] salt) throws GeneralSecurityException {
        SecretKeyFactory factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1");
        return factory.generateSecret(new PBEKeySpec(password, salt, ROUNDS, 256)).getEncoded();
    }

    private static byte[] aes(byte[] key, byte[] iv, byte[] data) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        return cipher.doFinal(data);
    }

    private static byte[] random(SecureRandom random, int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }
}
