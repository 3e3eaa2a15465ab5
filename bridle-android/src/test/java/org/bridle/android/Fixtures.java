package org.bridle.android;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Builds Android evidence for tests: zips, tars and {@code adb backup} files. The encryption uses the JDK's own
 * PBKDF2 (which UTF-8 encodes characters, as Android does), so it checks bridle's PBKDF2 rather than reusing it.
 */
public final class Fixtures {
    private Fixtures() {
    }

    /** A zip of the given entries, in order; a value of null makes a directory entry. */
    public static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                if (e.getValue() != null) {
                    zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                }
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A tar of the given files, plus a symbolic link named {@code link} when {@code link} is not null. */
    public static byte[] tar(Map<String, byte[]> files, String link) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (var e : files.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey(), true);
                entry.setSize(e.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
            if (link != null) {
                TarArchiveEntry entry = new TarArchiveEntry(link, TarArchiveEntry.LF_SYMLINK, true);
                entry.setLinkName("/etc/passwd");
                tar.putArchiveEntry(entry);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** zlib-compressed bytes, as the telephony provider stores its backups and adb compresses its payload. */
    public static byte[] zlib(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, new Deflater())) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    /** An unencrypted {@code adb backup} of a tar payload. */
    public static byte[] ab(int version, boolean compressed, byte[] tar) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(("ANDROID BACKUP\n" + version + "\n" + (compressed ? 1 : 0) + "\nnone\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(compressed ? zlib(tar) : tar);
        return out.toByteArray();
    }

    /** An AES-256 {@code adb backup} (version 2 or later) of a compressed tar payload. */
    public static byte[] encryptedAb(int version, String password, byte[] tar) throws Exception {
        SecureRandom random = new SecureRandom();
        byte[] userSalt = random(random, 64);
        byte[] checksumSalt = random(random, 64);
        int rounds = 1000;
        byte[] userIv = random(random, 16);
        byte[] masterKey = random(random, 32);
        byte[] masterIv = random(random, 16);
        char[] keyChars = new char[masterKey.length];
        for (int i = 0; i < masterKey.length; i++) {
            keyChars[i] = (char) masterKey[i];
        }
        byte[] checksum = pbkdf2(keyChars, checksumSalt, rounds);
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        for (byte[] part : new byte[][] {masterIv, masterKey, checksum}) {
            blob.write(part.length);
            blob.write(part);
        }
        byte[] userKey = pbkdf2(password.toCharArray(), userSalt, rounds);
        byte[] encryptedBlob = aes(userKey, userIv, blob.toByteArray());
        HexFormat hex = HexFormat.of().withUpperCase();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(("ANDROID BACKUP\n" + version + "\n1\nAES-256\n" + hex.formatHex(userSalt) + "\n"
                + hex.formatHex(checksumSalt) + "\n" + rounds + "\n" + hex.formatHex(userIv) + "\n"
                + hex.formatHex(encryptedBlob) + "\n").getBytes(StandardCharsets.US_ASCII));
        out.write(aes(masterKey, masterIv, zlib(tar)));
        return out.toByteArray();
    }

    private static byte[] pbkdf2(char[] password, byte[] salt, int rounds) throws Exception {
        SecretKeyFactory factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1");
        return factory.generateSecret(new PBEKeySpec(password, salt, rounds, 256)).getEncoded();
    }

    private static byte[] aes(byte[] key, byte[] iv, byte[] data) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        return cipher.doFinal(data);
    }

    private static byte[] random(SecureRandom random, int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }

    /** An ordered map, for entries written in the order given. */
    public static <V> Map<String, V> entries(Object... keysAndValues) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            @SuppressWarnings("unchecked")
            V value = (V) keysAndValues[i + 1];
            map.put((String) keysAndValues[i], value);
        }
        return map;
    }
}
