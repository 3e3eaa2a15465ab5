package org.bridle.core.io;

import java.time.Instant;

/**
 * Converts the time stamps Apple's databases use. Cocoa ("Mac absolute") time counts from 2001-01-01 UTC; since
 * iOS 11 some columns hold nanoseconds instead of seconds.
 */
public final class AppleTime {
    /** Seconds from the Unix epoch to 2001-01-01T00:00:00Z. */
    public static final long COCOA_EPOCH_OFFSET = 978_307_200L;
    private static final double NANOSECONDS_THRESHOLD = 1e11;

    private AppleTime() {
    }

    /**
     * A Cocoa time in seconds (fractions allowed), rounded to the microsecond: a double holds no more precision than
     * that for dates of this century, and finer digits would only be rounding noise.
     */
    public static Instant fromCocoaSeconds(double seconds) {
        long whole = (long) Math.floor(seconds);
        long micros = Math.round((seconds - whole) * 1e6);
        return Instant.ofEpochSecond(COCOA_EPOCH_OFFSET + whole, micros * 1000);
    }

    /**
     * A Cocoa time that is in nanoseconds when it is too large to be seconds (as iOS 11 and later write
     * message dates), else in seconds.
     */
    public static Instant fromCocoaSecondsOrNanos(long value) {
        if (Math.abs(value) > NANOSECONDS_THRESHOLD) {
            return Instant.ofEpochSecond(COCOA_EPOCH_OFFSET).plusNanos(value);
        }
        return Instant.ofEpochSecond(COCOA_EPOCH_OFFSET + value);
    }

    /** A Unix time in seconds. */
    public static Instant fromUnixSeconds(long seconds) {
        return Instant.ofEpochSecond(seconds);
    }

    /** A Unix time in seconds with a fraction (as WebKit writes them), rounded to the microsecond. */
    public static Instant fromUnixSeconds(double seconds) {
        long whole = (long) Math.floor(seconds);
        return Instant.ofEpochSecond(whole, Math.round((seconds - whole) * 1e6) * 1000);
    }
}
