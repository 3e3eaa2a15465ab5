package org.bridle.testkit.ios;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The encryption side of an iOS backup, for tests: a keybag whose class keys are wrapped (RFC 3394) with the key
 * derived from a password (PBKDF2-HMAC-SHA256 over DPSL/DPIC, then PBKDF2-HMAC-SHA1 over SALT/ITER), a Manifest.db key,
 * and per-file keys, each stored as a 4-byte little-endian class and the wrapped key; content is AES-256-CBC with a
 * zero IV and PKCS#7 padding. Keys come from a seeded generator, so a backup is the same on every run. Low iteration
 * counts keep tests fast; {@link #rounds} sets realistic ones.
 */
public final class BackupEncryption {
    /** The protection class the builder gives files unless told otherwise (NSFileProtectionCompleteUntilFirstUserAuthentication). */
    public static final int DEFAULT_CLASS = 3;
    /** The class of the Manifest.db key. */
    public static final int MANIFEST_CLASS = 4;

    private final byte[] password;
    private final Random random = new Random(20211);
    private final Map<Integer, byte[]> classKeys = new LinkedHashMap<>();
    private final Set<Integer> leftOut = new TreeSet<>();
    private final byte[] salt = new byte[20];
    private final byte[] dataProtectionSalt = new byte[20];
    private int dataProtectionRounds = 1000;
    private int rounds = 10;
    private boolean manifestKey = true;
    private byte[] passwordKey;

    private BackupEncryption(String password) {
        this.password = password.getBytes(StandardCharsets.UTF_8);
        random.nextBytes(salt);
        random.nextBytes(dataProtectionSalt);
        for (int cls = 1; cls <= 11; cls++) {
            classKeys.put(cls, randomBytes(32));
        }
    }

    /** Encryption under this password (any Unicode), with 1,000 SHA-256 and 10 SHA-1 rounds. */
    public static BackupEncryption password(String password) {
        return new BackupEncryption(password);
    }

    /** Sets the iteration counts: DPIC (PBKDF2-HMAC-SHA256) and ITER (PBKDF2-HMAC-SHA1). */
    public BackupEncryption rounds(int dataProtectionRounds, int rounds) {
        this.dataProtectionRounds = dataProtectionRounds;
        this.rounds = rounds;
        this.passwordKey = null;
        return this;
    }

    /** Leaves a class key out of the keybag (files of that class are still encrypted under it). */
    public BackupEncryption withoutClass(int protectionClass) {
        leftOut.add(protectionClass);
        return this;
    }

    /** Leaves ManifestKey out of Manifest.plist (Manifest.db is still encrypted). */
    public BackupEncryption withoutManifestKey() {
        manifestKey = false;
        return this;
    }

    /** Whether Manifest.plist gets a ManifestKey. */
    public boolean hasManifestKey() {
        return manifestKey;
    }

    /** The keybag, as Manifest.plist's BackupKeyBag holds it. */
    public byte[] keyBag() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        record(out, "VERS", integer(3));
        record(out, "TYPE", integer(1));
        record(out, "UUID", randomBytes(16));
        record(out, "HMCK", randomBytes(40));
        record(out, "WRAP", integer(0));
        record(out, "SALT", salt);
        record(out, "ITER", integer(rounds));
        record(out, "DPWT", integer(1));
        record(out, "DPIC", integer(dataProtectionRounds));
        record(out, "DPSL", dataProtectionSalt);
        for (Map.Entry<Integer, byte[]> classKey : classKeys.entrySet()) {
            if (leftOut.contains(classKey.getKey())) {
                continue;
            }
            record(out, "UUID", randomBytes(16));
            record(out, "CLAS", integer(classKey.getKey()));
            record(out, "WRAP", integer(2));
            record(out, "KTYP", integer(0));
            record(out, "WPKY", wrap(passwordKey(), classKey.getValue()));
        }
        return out.toByteArray();
    }

    /** A new random key wrapped with a class key, stored as a 4-byte little-endian class and the wrapped key. */
    public StoredKey newKey(int protectionClass) {
        byte[] key = randomBytes(32);
        byte[] wrapped = wrap(classKeys.get(protectionClass), key);
        byte[] stored = new byte[4 + wrapped.length];
        stored[0] = (byte) protectionClass;
        stored[1] = (byte) (protectionClass >>> 8);
        stored[2] = (byte) (protectionClass >>> 16);
        stored[3] = (byte) (protectionClass >>> 24);
        System.arraycopy(wrapped, 0, stored, 4, wrapped.length);
        return new StoredKey(key, stored);
    }

    /**
     * A key and how the backup stores it.
     *
     * @param key the 32-byte AES key
     * @param stored class and wrapped key, as ManifestKey and EncryptionKey hold it
     */
    public record StoredKey(byte[] key, byte[] stored) {
    }

    /** AES-256-CBC, zero IV, PKCS#7 padding. */
    public static byte[] encrypt(byte[] key, byte[] content) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
            return cipher.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] passwordKey() {
        if (passwordKey == null) {
            passwordKey = pbkdf2("HmacSHA1", pbkdf2("HmacSHA256", password, dataProtectionSalt, dataProtectionRounds),
                    salt, rounds);
        }
        return passwordKey;
    }

    /** PBKDF2 for a 32-byte output (one block of SHA-256, two of SHA-1), written apart from bridle's own. */
    private static byte[] pbkdf2(String algorithm, byte[] secret, byte[] salt, int iterations) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret, algorithm));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int block = 1; out.size() < 32; block++) {
                mac.update(salt);
                byte[] u = mac.doFinal(integer(block));
                byte[] t = u.clone();
                for (int i = 1; i < iterations; i++) {
                    u = mac.doFinal(u);
                    for (int j = 0; j < t.length; j++) {
                        t[j] ^= u[j];
                    }
                }
                out.writeBytes(t);
            }
            return Arrays.copyOf(out.toByteArray(), 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] wrap(byte[] kek, byte[] key) {
        try {
            Cipher cipher = Cipher.getInstance("AES/KW/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(kek, "AES"));
            return cipher.doFinal(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void record(ByteArrayOutputStream out, String tag, byte[] value) {
        out.writeBytes(tag.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(integer(value.length));
        out.writeBytes(value);
    }

    private static byte[] integer(int value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }
}
