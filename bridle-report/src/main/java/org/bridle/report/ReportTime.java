package org.bridle.report;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Formats times as {@link ReportJson#TIME} does, byte for byte, without its general-purpose formatter: reports write
 * one or more times per entry, and this runs several times faster. Years outside 1 to 9999 go to the formatter.
 */
final class ReportTime {
    /** The length of a formatted time of the years 1 to 9999. */
    static final int LENGTH = 26;

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
        LocalDateTime t = LocalDateTime.ofEpochSecond(time.getEpochSecond(), time.getNano(), ZoneOffset.UTC);
        if (t.getYear() < 1 || t.getYear() > 9999) {
            return false;
        }
        digits(to, at, t.getYear(), 4);
        to[at + 4] = '-';
        digits(to, at + 5, t.getMonthValue(), 2);
        to[at + 7] = '-';
        digits(to, at + 8, t.getDayOfMonth(), 2);
        to[at + 10] = ' ';
        digits(to, at + 11, t.getHour(), 2);
        to[at + 13] = ':';
        digits(to, at + 14, t.getMinute(), 2);
        to[at + 16] = ':';
        digits(to, at + 17, t.getSecond(), 2);
        to[at + 19] = '.';
        digits(to, at + 20, t.getNano() / 1000, 6);
        return true;
    }

    private static void digits(byte[] to, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            to[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }
}
