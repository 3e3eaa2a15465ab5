package org.bridle.testkit.ios;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes an analytics journal ({@code private/var/db/analyticsd/Analytics-Journal-<n>.ips}): a JSON header line with
 * the time the journal was started, in the device's time zone, and the iOS version, then one JSON line per event.
 */
public final class AnalyticsJournal {
    /** The folder of the journals. */
    public static final String FOLDER = "private/var/db/analyticsd/";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SS xx");

    private AnalyticsJournal() {
    }

    /** The device path of journal number {@code n}. */
    public static String path(long n) {
        return FOLDER + "Analytics-Journal-" + n + ".ips";
    }

    /** A journal started at {@code time} (written at {@code offset}) on {@code osVersion}, with one event. */
    public static String journal(Instant time, ZoneOffset offset, String osVersion) {
        return "{\"bug_type\":\"211\",\"timestamp\":\"" + TIME.format(time.atOffset(offset)) + "\",\"os_version\":\""
                + osVersion + "\",\"incident_id\":\"6B3C2F0A-0000-4000-A000-000000000211\"}\n"
                + "{\"message\":{\"name\":\"com.apple.example.event\"},\"deviceId\":\"0\"}\n";
    }
}
