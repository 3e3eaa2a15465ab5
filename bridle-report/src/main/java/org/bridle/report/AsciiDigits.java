package org.bridle.report;

import java.nio.charset.StandardCharsets;

/** Decimal numbers written as ASCII bytes straight into a buffer, without a {@code String} in between. */
final class AsciiDigits {
    /** The most bytes {@link #writeLong} writes: a minus sign and 19 digits. */
    static final int LONGEST = 20;

    /** The two ASCII digits of 0 to 99, one pair after the other. */
    private static final byte[] PAIRS = new byte[200];
    private static final byte[] MIN_LONG = Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);

    static {
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private AsciiDigits() {
    }

    /** Writes {@code value} as {@link Long#toString} does at {@code to[at]}; returns the index after it. */
    static int writeLong(long value, byte[] to, int at) {
        if (value == Long.MIN_VALUE) {
            System.arraycopy(MIN_LONG, 0, to, at, MIN_LONG.length);
            return at + MIN_LONG.length;
        }
        if (value < 0) {
            to[at++] = '-';
            value = -value;
        }
        int end = at + digitCount(value);
        int i = end;
        while (value >= 100) {
            i -= 2;
            pair(to, i, (int) (value % 100));
            value /= 100;
        }
        if (value >= 10) {
            pair(to, i - 2, (int) value);
        } else {
            to[i - 1] = (byte) ('0' + value);
        }
        return end;
    }

    /** Writes {@code value}, 0 to 99, as two digits at {@code to[at]}. */
    static void pair(byte[] to, int at, int value) {
        to[at] = PAIRS[2 * value];
        to[at + 1] = PAIRS[2 * value + 1];
    }

    /** The number of decimal digits of a value that is not negative. */
    private static int digitCount(long value) {
        int digits = 1;
        for (long power = 10; digits < 19 && value >= power; power *= 10) {
            digits++;
        }
        return digits;
    }
}
