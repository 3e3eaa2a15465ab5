package org.bridle.report;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Formats times as {@link ReportJson#TIME} does, byte for byte, without its general-purpose formatter: reports write
 * one or more times per entry, and this runs several times faster. Years outside 1 to 9999 go to the formatter.
 */
final class ReportTime {
    /** The length of a formatted time of the years 1 to 9999. */
    static final int LENGTH = 26;

    private static final int SECONDS_PER_DAY = 86_400;
    /** 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z, in seconds from the epoch. */
    private static final long FIRST = -62_135_596_800L;
    private static final long LAST = 253_402_300_799L;
    /** The two ASCII digits of 0 to 99, one pair after the other. */
    private static final byte[] PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private ReportTime() {
    }

    static String format(Instant time) {
        byte[] text = new byte[LENGTH];
        return write(time, text, 0) ? new String(text, StandardCharsets.ISO_8859_1) : ReportJson.TIME.format(time);
    }

    /**
     * Writes the formatted time as {@link #LENGTH} ASCII bytes at {@code to[at]}, unless its year is outside 1 to
     * 9999: then it writes nothing and returns false.
     */
    static boolean write(Instant time, byte[] to, int at) {
        long seconds = time.getEpochSecond();
        if (seconds < FIRST || seconds > LAST) {
            return false;
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
        int second = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        int micros = time.getNano() / 1000;
        pair(to, at, date.getYear() / 100);
        pair(to, at + 2, date.getYear() % 100);
        to[at + 4] = '-';
        pair(to, at + 5, date.getMonthValue());
        to[at + 7] = '-';
        pair(to, at + 8, date.getDayOfMonth());
        to[at + 10] = ' ';
        pair(to, at + 11, second / 3600);
        to[at + 13] = ':';
        pair(to, at + 14, second / 60 % 60);
        to[at + 16] = ':';
        pair(to, at + 17, second % 60);
        to[at + 19] = '.';
        pair(to, at + 20, micros / 10_000);
        pair(to, at + 22, micros / 100 % 100);
        pair(to, at + 24, micros % 100);
        return true;
    }

    private static void pair(byte[] to, int at, int value) {
        to[at] = PAIRS[2 * value];
        to[at + 1] = PAIRS[2 * value + 1];
    }
}
