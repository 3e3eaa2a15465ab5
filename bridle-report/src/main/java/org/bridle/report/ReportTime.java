package org.bridle.report;

import static org.bridle.report.AsciiDigits.pair;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

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
    /** The days from 0000-03-01 (proleptic Gregorian) to 1970-01-01. */
    private static final long MARCH_0000_TO_1970 = 719_468;
    /** The days of 400 Gregorian years. */
    private static final int DAYS_PER_CYCLE = 146_097;

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
        // the date as LocalDate.ofEpochDay finds it, in years that start on 1 March (the leap day ends them)
        long day = Math.floorDiv(seconds, SECONDS_PER_DAY) + MARCH_0000_TO_1970;
        long year = (400 * day + 591) / DAYS_PER_CYCLE;
        long dayOfYear = day - (365 * year + year / 4 - year / 100 + year / 400);
        if (dayOfYear < 0) {
            year--;
            dayOfYear = day - (365 * year + year / 4 - year / 100 + year / 400);
        }
        int marchMonth = ((int) dayOfYear * 5 + 2) / 153;
        int month = (marchMonth + 2) % 12 + 1;
        int dayOfMonth = (int) dayOfYear - (marchMonth * 306 + 5) / 10 + 1;
        int calendarYear = (int) year + marchMonth / 10;
        int second = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        int micros = time.getNano() / 1000;
        pair(to, at, calendarYear / 100);
        pair(to, at + 2, calendarYear % 100);
        to[at + 4] = '-';
        pair(to, at + 5, month);
        to[at + 7] = '-';
        pair(to, at + 8, dayOfMonth);
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
}
