package org.bridle.ios.backup;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The file ids of Manifest.db's records, by position, without an object per id: an id of exactly 40 lower-case hex
 * characters (as iOS writes them) is kept as its 20 bytes and formatted again when asked; any other value, which
 * the database as evidence may hold, is kept as it is.
 */
final class FileIds {
    private static final byte[] DIGITS = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);
    /** The value of each lower-case hex digit by its character, -1 for every other character below 128. */
    private static final byte[] VALUES = new byte[128];

    static {
        Arrays.fill(VALUES, (byte) -1);
        for (int v = 0; v < DIGITS.length; v++) {
            VALUES[DIGITS[v]] = (byte) v;
        }
    }

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
        if (isFileId(id)) {
            high[size] = hexValue(id, 0, 16);
            middle[size] = hexValue(id, 16, 32);
            low[size] = (int) hexValue(id, 32, 40);
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

    /** The value of the lower-case hex digits {@code id[from, to)}, at most 16 of them. */
    private static long hexValue(String id, int from, int to) {
        long value = 0;
        for (int i = from; i < to; i++) {
            value = value << 4 | VALUES[id.charAt(i)];
        }
        return value;
    }

    /**
     * Whether {@code id} has the form of the file ids iOS writes: exactly 40 lower-case hex characters. Looks every
     * character up in {@link #VALUES} rather than comparing it: hex digits come in random order.
     */
    static boolean isFileId(String id) {
        if (id.length() != 40) {
            return false;
        }
        int invalid = 0;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            invalid |= c < VALUES.length ? VALUES[c] : -1;
        }
        return invalid >= 0;
    }
}
