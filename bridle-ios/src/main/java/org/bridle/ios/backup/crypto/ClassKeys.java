package org.bridle.ios.backup.crypto;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The unwrapped class keys of an unlocked keybag, which unwrap the keys of Manifest.db and of each file. A stored
 * key ({@code ManifestKey}, a file's {@code EncryptionKey}) is a 4-byte little-endian protection class followed by
 * the key wrapped (RFC 3394) with that class's key.
 */
public final class ClassKeys {
    private final Map<Integer, byte[]> keys;

    ClassKeys(Map<Integer, byte[]> keys) {
        this.keys = Map.copyOf(keys);
    }

    /** The protection classes this keybag unlocks, in ascending order (for messages and tests). */
    public SortedSet<Integer> classes() {
        return new TreeSet<>(keys.keySet());
    }

    /**
     * Unwraps a stored key.
     *
     * @throws IOException with one sentence when the stored key is malformed, its class is not in the keybag, or it
     *                     fails its integrity check
     */
    public byte[] unwrap(byte[] stored) throws IOException {
        if (stored.length != 44) {
            throw new IOException("its stored key has " + stored.length + " bytes, not 44 (a class and a wrapped key)");
        }
        int protectionClass = (stored[0] & 0xff) | (stored[1] & 0xff) << 8 | (stored[2] & 0xff) << 16
                | (stored[3] & 0xff) << 24;
        byte[] classKey = keys.get(protectionClass);
        if (classKey == null) {
            throw new IOException("its key belongs to protection class " + Integer.toUnsignedString(protectionClass)
                    + ", which the backup's keybag does not unlock");
        }
        byte[] wrapped = Arrays.copyOfRange(stored, 4, stored.length);
        return AesKeyWrap.unwrap(classKey, wrapped).orElseThrow(() -> new IOException(
                "its key does not unwrap with the key of protection class " + protectionClass + " (the backup is damaged)"));
    }
}
