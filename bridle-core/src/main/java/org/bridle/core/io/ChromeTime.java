package org.bridle.core.io;

import java.time.Instant;

/** Chrome's ("WebKit") time stamps: microseconds since 1601-01-01 UTC, as Chrome's databases store them. */
public final class ChromeTime {
    /** Seconds from 1601-01-01T00:00:00Z to the Unix epoch. */
    private static final long EPOCH_OFFSET = 11_644_473_600L;

    private ChromeTime() {
    }

    /** The instant of a Chrome time; null for 0, which Chrome writes for "never". */
    public static Instant fromMicros(long micros) {
        if (micros == 0) {
            return null;
        }
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L) - EPOCH_OFFSET,
                Math.floorMod(micros, 1_000_000L) * 1000);
    }
}
