package org.bridle.testkit.ios;

import java.time.Instant;

/** Cocoa time as Apple's files store it: seconds since 2001-01-01 UTC. */
final class CocoaTime {
    private static final long EPOCH = 978_307_200L;

    private CocoaTime() {
    }

    /** The Cocoa seconds of an instant, with its fraction. */
    static double seconds(Instant time) {
        return (time.getEpochSecond() - EPOCH) + time.getNano() / 1e9;
    }
}
