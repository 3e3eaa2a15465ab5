package org.bridle.ios.backup.crypto;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A backup keybag ({@code BackupKeyBag} in Manifest.plist), read as untrusted input: a sequence of records, each a
 * four-letter tag, a 4-byte big-endian length and that many bytes. The records before the second {@code UUID} describe
 * the keybag ({@code SALT} and {@code ITER} for the PBKDF2-HMAC-SHA1 round, and since iOS 10.2 {@code DPSL} and
 * {@code DPIC} for the PBKDF2-HMAC-SHA256 round before it); each later {@code UUID} starts a class key ({@code CLAS},
 * {@code WRAP}, {@code KTYP}, {@code WPKY}). Iteration counts above {@link #MAX_ROUNDS} are refused, so a crafted
 * backup cannot keep bridle deriving keys for hours.
 *
 * @param salt the salt of the SHA-1 round
 * @param rounds the iteration count of the SHA-1 round
 * @param dataProtectionSalt the salt of the SHA-256 round; null before iOS 10.2
 * @param dataProtectionRounds the iteration count of the SHA-256 round; 0 when there is none
 * @param classKeys the class keys, in keybag order
 */
public record KeyBag(byte[] salt, int rounds, byte[] dataProtectionSalt, int dataProtectionRounds,
                     List<WrappedClassKey> classKeys) {
    /** The most iterations accepted for either round (iOS writes 10,000,000 for SHA-256 and 10,000 for SHA-1). */
    public static final int MAX_ROUNDS = 50_000_000;
    /** WRAP bit: the class key is wrapped with the key derived from the password. */
    static final int WRAP_PASSCODE = 2;
    private static final int MAX_SALT = 1024;
    private static final int WRAPPED_KEY_LENGTH = 40;

    /**
     * A class key as the keybag stores it.
     *
     * @param protectionClass the data-protection class it unlocks (CLAS)
     * @param wrap how it is wrapped (WRAP); bit 2: with the password key
     * @param wrappedKey the wrapped key (WPKY)
     */
    public record WrappedClassKey(int protectionClass, int wrap, byte[] wrappedKey) {
    }

    /** Parses a keybag. */
    public static KeyBag parse(byte[] data) throws KeyBagException {
        Map<String, byte[]> top = new HashMap<>();
        List<Map<String, byte[]>> classes = new ArrayList<>();
        Map<String, byte[]> current = top;
        boolean seenUuid = false;
        int pos = 0;
        while (pos < data.length) {
            if (data.length - pos < 8) {
                throw new KeyBagException("it ends inside a record header at byte " + pos);
            }
            String tag = tag(data, pos);
            long length = Integer.toUnsignedLong(bigEndian(data, pos + 4));
            if (length > data.length - pos - 8L) {
                throw new KeyBagException("the record " + tag + " at byte " + pos + " claims " + length
                        + " bytes, but only " + (data.length - pos - 8) + " follow");
            }
            byte[] value = Arrays.copyOfRange(data, pos + 8, pos + 8 + (int) length);
            pos += 8 + (int) length;
            if (tag.equals("UUID") && seenUuid) {
                current = new LinkedHashMap<>();
                classes.add(current);
            }
            seenUuid |= tag.equals("UUID");
            current.putIfAbsent(tag, value);
        }
        return fromRecords(top, classes);
    }

    private static KeyBag fromRecords(Map<String, byte[]> top, List<Map<String, byte[]>> classes)
            throws KeyBagException {
        byte[] salt = salt(top, "SALT");
        int rounds = rounds(top, "ITER");
        byte[] dpSalt = top.containsKey("DPSL") ? salt(top, "DPSL") : null;
        int dpRounds = top.containsKey("DPIC") ? rounds(top, "DPIC") : 0;
        if ((dpSalt == null) != (dpRounds == 0)) {
            throw new KeyBagException("it has only one of DPSL and DPIC");
        }
        if (classes.isEmpty()) {
            throw new KeyBagException("it holds no class keys");
        }
        List<WrappedClassKey> keys = new ArrayList<>();
        for (Map<String, byte[]> record : classes) {
            int protectionClass = integer(record, "CLAS");
            int wrap = integer(record, "WRAP");
            byte[] wrapped = required(record, "WPKY");
            if ((wrap & WRAP_PASSCODE) != 0 && wrapped.length != WRAPPED_KEY_LENGTH) {
                throw new KeyBagException("the wrapped key of class " + protectionClass + " has " + wrapped.length
                        + " bytes, not " + WRAPPED_KEY_LENGTH);
            }
            if (keys.stream().anyMatch(k -> k.protectionClass() == protectionClass)) {
                throw new KeyBagException("it holds class " + protectionClass + " twice");
            }
            keys.add(new WrappedClassKey(protectionClass, wrap, wrapped));
        }
        return new KeyBag(salt, rounds, dpSalt, dpRounds, List.copyOf(keys));
    }

    /**
     * Derives the password key (one derivation) and unwraps every class key wrapped with it.
     *
     * @param password the password as UTF-8
     * @throws WrongPasswordException when no class key passes its integrity check
     */
    public ClassKeys unlock(byte[] password) throws WrongPasswordException {
        byte[] key = passwordKey(password);
        Map<Integer, byte[]> unwrapped = new HashMap<>();
        for (WrappedClassKey classKey : classKeys) {
            if ((classKey.wrap() & WRAP_PASSCODE) != 0) {
                Optional<byte[]> k = AesKeyWrap.unwrap(key, classKey.wrappedKey());
                k.ifPresent(bytes -> unwrapped.put(classKey.protectionClass(), bytes));
            }
        }
        Arrays.fill(key, (byte) 0);
        if (unwrapped.isEmpty()) {
            throw new WrongPasswordException();
        }
        return new ClassKeys(unwrapped);
    }

    /** PBKDF2-HMAC-SHA256 over DPSL and DPIC (when present), then PBKDF2-HMAC-SHA1 over SALT and ITER: 32 bytes. */
    byte[] passwordKey(byte[] password) {
        if (dataProtectionSalt == null) {
            return Pbkdf2.derive(Pbkdf2.HMAC_SHA1, password, salt, rounds, 32);
        }
        byte[] first = Pbkdf2.derive(Pbkdf2.HMAC_SHA256, password, dataProtectionSalt, dataProtectionRounds, 32);
        try {
            return Pbkdf2.derive(Pbkdf2.HMAC_SHA1, first, salt, rounds, 32);
        } finally {
            Arrays.fill(first, (byte) 0);
        }
    }

    private static String tag(byte[] data, int pos) throws KeyBagException {
        for (int i = pos; i < pos + 4; i++) {
            if (data[i] < 'A' || data[i] > 'Z') {
                throw new KeyBagException("the record at byte " + pos + " has no four-letter tag");
            }
        }
        return new String(data, pos, 4, StandardCharsets.US_ASCII);
    }

    private static int bigEndian(byte[] data, int pos) {
        return (data[pos] & 0xff) << 24 | (data[pos + 1] & 0xff) << 16 | (data[pos + 2] & 0xff) << 8 | data[pos + 3] & 0xff;
    }

    private static byte[] required(Map<String, byte[]> record, String tag) throws KeyBagException {
        byte[] value = record.get(tag);
        if (value == null) {
            throw new KeyBagException(record.containsKey("CLAS") || record.containsKey("WPKY")
                    ? "a class key lacks its " + tag + " record" : "it lacks the " + tag + " record");
        }
        return value;
    }

    private static int integer(Map<String, byte[]> record, String tag) throws KeyBagException {
        byte[] value = required(record, tag);
        if (value.length != 4) {
            throw new KeyBagException("the " + tag + " record has " + value.length + " bytes, not 4");
        }
        return bigEndian(value, 0);
    }

    private static int rounds(Map<String, byte[]> record, String tag) throws KeyBagException {
        int rounds = integer(record, tag);
        if (rounds < 1 || rounds > MAX_ROUNDS) {
            throw new KeyBagException("its " + tag + " asks for " + Integer.toUnsignedString(rounds)
                    + " iterations, outside 1 to " + MAX_ROUNDS);
        }
        return rounds;
    }

    private static byte[] salt(Map<String, byte[]> record, String tag) throws KeyBagException {
        byte[] salt = required(record, tag);
        if (salt.length == 0 || salt.length > MAX_SALT) {
            throw new KeyBagException("its " + tag + " has " + salt.length + " bytes, outside 1 to " + MAX_SALT);
        }
        return salt;
    }
}
