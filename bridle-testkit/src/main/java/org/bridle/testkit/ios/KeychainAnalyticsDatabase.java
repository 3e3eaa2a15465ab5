package org.bridle.testkit.ios;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bridle.testkit.PlistFixture;
import org.bridle.testkit.SqliteFixture;

/**
 * Writes an analytics database of the Security framework ({@code private/var/Keychains/Analytics/<name>.db}, such
 * as {@code ckks_analytics.db}): event tables with an id, a Cocoa time and a binary-plist {@code data} blob.
 * {@link Layout#RECENT} has {@code hard_failures}, {@code soft_failures} and {@code notes} (iOS 13 and later);
 * {@link Layout#WITH_ALL_EVENTS} has {@code all_events} instead of {@code notes} (iOS 12).
 */
public final class KeychainAnalyticsDatabase {
    /** The folder of these databases. */
    public static final String FOLDER = "private/var/Keychains/Analytics/";

    /** Which event tables the database has. */
    public enum Layout { RECENT, WITH_ALL_EVENTS }

    private final List<String> statements = new ArrayList<>();

    private KeychainAnalyticsDatabase(Layout layout) {
        List<String> tables = layout == Layout.RECENT ? List.of("hard_failures", "soft_failures", "notes")
                : List.of("hard_failures", "soft_failures", "all_events");
        for (String table : tables) {
            statements.add("CREATE TABLE " + table + " (id INTEGER PRIMARY KEY AUTOINCREMENT, timestamp REAL, data BLOB)");
        }
        statements.add("CREATE TABLE samples (id INTEGER PRIMARY KEY AUTOINCREMENT, timestamp REAL, name STRING, "
                + "value REAL)");
        statements.add("CREATE TABLE success_count (event_type STRING PRIMARY KEY, success_count INTEGER, "
                + "hard_failure_count INTEGER, soft_failure_count INTEGER)");
    }

    /** An empty database in the layout of a recent iOS. */
    public static KeychainAnalyticsDatabase create() {
        return new KeychainAnalyticsDatabase(Layout.RECENT);
    }

    /** An empty database in the given layout. */
    public static KeychainAnalyticsDatabase create(Layout layout) {
        return new KeychainAnalyticsDatabase(layout);
    }

    /** Adds an event whose data is a binary plist of {@code data} (see {@link PlistFixture} for the values). */
    public KeychainAnalyticsDatabase event(String table, Instant time, Map<String, Object> data) {
        return rawEvent(table, time, PlistFixture.binary(data));
    }

    /** Adds an event with a data blob as given (null for none), and a time (null for none). */
    public KeychainAnalyticsDatabase rawEvent(String table, Instant time, byte[] data) {
        statements.add(SqlLiterals.insert(table, List.of("timestamp", "data"),
                Arrays.asList(time == null ? null : CocoaTime.seconds(time), data)));
        return this;
    }

    /** The database file's bytes. */
    public byte[] bytes() {
        return SqliteFixture.bytes(statements.toArray(new String[0]));
    }
}
