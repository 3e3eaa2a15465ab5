package org.bridle.ios.backup;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The file ids of Manifest.db's records, by position, without an object per id: an id of exactly 40 lower-case hex
 * characters (as iOS writes them) is kept as its 20 bytes and formatted again when asked; any other value, which
 * the database as evidence may hold, is kept as it is.
 */
final class FileIds {
    private static final byte[] DIGITS = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

    private long[] high = new long[16];
    private long[] middle = new long[16];
    private int[] low = new int[16];
    /** The ids that are not 40 lower-case hex characters, by position; null until there is one. */
    private String[] other;
    private int size;

    /** Appends the id of the next position. */
    void add(String id) {
        if (size == high.length) {
            int capacity = size * 2;
            high = Arrays.copyOf(high, capacity);
            middle = Arrays.copyOf(middle, capacity);
            low = Arrays.copyOf(low, capacity);
            other = other == null ? null : Arrays.copyOf(other, capacity);
        }
        if (isLowerCaseSha1(id)) {
            high[size] = HexFormat.fromHexDigitsToLong(id, 0, 16);
            middle[size] = HexFormat.fromHexDigitsToLong(id, 16, 32);
            low[size] = HexFormat.fromHexDigits(id, 32, 40);
        } else {
            if (other == null) {
                other = new String[high.length];
            }
            other[size] = id;
        }
        size++;
    }

    /** The id at a position, exactly as it was added. */
    String get(int position) {
        if (other != null && other[position] != null) {
            return other[position];
        }
        byte[] hex = new byte[40];
        putHex(hex, 0, high[position], 16);
        putHex(hex, 16, middle[position], 16);
        putHex(hex, 32, low[position], 8);
        return new String(hex, StandardCharsets.ISO_8859_1);
    }

    private static void putHex(byte[] hex, int at, long value, int digits) {
        long rest = value;
        for (int i = at + digits - 1; i >= at; i--) {
            hex[i] = DIGITS[(int) rest & 15];
            rest >>>= 4;
        }
    }

    private static boolean isLowerCaseSha1(String id) {
        if (id.length() != 40) {
            return false;
        }
        for (int i = 0; i < 40; i++) {
            char c = id.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }
}
