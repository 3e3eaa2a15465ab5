package org.bridle.android.artifacts;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * Times written by dumpsys as {@code yyyy-MM-dd HH:mm:ss[.fraction]}, in the device's local time, which the
 * output does not name: bridle reads them as UTC, as MVT does, so they may be off by the device's offset.
 */
final class DeviceTime {
    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .toFormatter();

    private DeviceTime() {
    }

    /** The time, or null when the text is not one. */
    static Instant parse(String text) {
        try {
            return LocalDateTime.parse(text.strip(), FORMAT).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
