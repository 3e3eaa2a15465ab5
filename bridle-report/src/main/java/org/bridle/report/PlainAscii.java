package org.bridle.report;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The leading characters of a string that an output format writes as they are, one byte each: ASCII characters
 * other than the format's special ones. {@link #copy} takes the string's bytes in one bulk copy ({@code getBytes} of
 * ISO-8859-1, an array copy for the JVM's compact Latin-1 strings) and checks them eight at a time, so the caller's
 * loop over characters starts only where there is work for it. A character above U+00FF comes out of that copy as
 * {@code ?}: a {@code ?} is taken as plain only where the string holds a {@code ?}.
 */
final class PlainAscii {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    /** 0x01 in every byte of a word; times a byte value, that value in every byte. */
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    /** The bytes that end the plain characters: {@code ?}, those from 0x80 and the format's special ones. */
    private final boolean[] stops = new boolean[256];
    /** The number of low bytes that are special (the control characters: 32, or none). */
    private final int below;
    private final long first;
    private final long second;

    /**
     * The plain characters of a format whose special ASCII characters are those below {@code below} (0 or 32) and
     * {@code first} and {@code second} (which may be the same).
     */
    PlainAscii(int below, char first, char second) {
        this.below = below;
        this.first = ONES * first;
        this.second = ONES * second;
        for (int b = 0; b < stops.length; b++) {
            stops[b] = b < below || b >= 0x80 || b == first || b == second || b == '?';
        }
    }

    /**
     * Copies the plain characters at the start of {@code text} to {@code to[at]}, one byte each, and returns how many
     * there are. It may write up to {@code text.length()} bytes there: those after the plain ones are not defined.
     */
    int copy(String text, byte[] to, int at) {
        byte[] latin = text.getBytes(StandardCharsets.ISO_8859_1);
        int n = latin.length; // fewer than text's characters when it holds a surrogate pair, which ends the plain ones
        System.arraycopy(latin, 0, to, at, n);
        int i = 0;
        while (i + Long.BYTES <= n && !special((long) LONGS.get(latin, i))) {
            i += Long.BYTES;
        }
        for (; i < n; i++) {
            byte b = latin[i];
            if (stops[b & 0xFF] && (b != '?' || text.charAt(i) != '?')) {
                break;
            }
        }
        return i;
    }

    /**
     * Whether a word of eight bytes holds a stop: a byte from 0x80, below {@link #below}, or equal to {@code ?},
     * {@link #first} or {@link #second} (the word-wide tests for a byte below a value and for a zero byte).
     */
    private boolean special(long word) {
        long questionMarks = word ^ ONES * '?';
        long firsts = word ^ first;
        long seconds = word ^ second;
        long found = word | (word - ONES * below) & ~word | (questionMarks - ONES) & ~questionMarks
                | (firsts - ONES) & ~firsts | (seconds - ONES) & ~seconds;
        return (found & HIGH_BITS) != 0;
    }
}
