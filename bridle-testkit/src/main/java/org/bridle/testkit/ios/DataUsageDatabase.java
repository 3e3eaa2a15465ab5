package org.bridle.testkit.ios;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bridle.testkit.SqliteFixture;

/**
 * Writes a {@code DataUsage.sqlite} (Core Data: {@code ZPROCESS} and {@code ZLIVEUSAGE}, times in Cocoa seconds);
 * {@code NetUsage.sqlite} has the same schema. {@link Layout#WWAN_ONLY} is the layout of recent iOS versions, which
 * dropped the {@code ZWIFIIN}/{@code ZWIFIOUT} columns that {@link Layout#WIFI_AND_WWAN} (iOS 14) still has.
 */
public final class DataUsageDatabase {
    /** Which traffic columns ZLIVEUSAGE has. */
    public enum Layout { WWAN_ONLY, WIFI_AND_WWAN }

    private final Layout layout;
    private final List<String> statements = new ArrayList<>();

    private DataUsageDatabase(Layout layout) {
        this.layout = layout;
        statements.add("CREATE TABLE ZPROCESS (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, "
                + "ZFIRSTTIMESTAMP TIMESTAMP, ZTIMESTAMP TIMESTAMP, ZBUNDLENAME VARCHAR, ZPROCNAME VARCHAR)");
        statements.add("CREATE TABLE ZLIVEUSAGE (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, "
                + "ZKIND INTEGER, ZMETADATA INTEGER, ZTAG INTEGER, ZHASPROCESS INTEGER, ZBILLCYCLEEND TIMESTAMP, "
                + "ZTIMESTAMP TIMESTAMP, " + (layout == Layout.WIFI_AND_WWAN ? "ZWIFIIN FLOAT, ZWIFIOUT FLOAT, " : "")
                + "ZWWANIN FLOAT, ZWWANOUT FLOAT)");
    }

    /** An empty database in the layout of a recent iOS. */
    public static DataUsageDatabase create() {
        return new DataUsageDatabase(Layout.WWAN_ONLY);
    }

    /** An empty database in the given layout. */
    public static DataUsageDatabase create(Layout layout) {
        return new DataUsageDatabase(layout);
    }

    /** Adds a process record (bundle id null for a daemon), first and last seen at the given times. */
    public DataUsageDatabase process(long pk, String name, String bundleId, Instant first, Instant last) {
        statements.add(SqlLiterals.insert("ZPROCESS",
                List.of("Z_PK", "Z_ENT", "Z_OPT", "ZFIRSTTIMESTAMP", "ZTIMESTAMP", "ZBUNDLENAME", "ZPROCNAME"),
                Arrays.asList(pk, 11, 1, cocoaSeconds(first), cocoaSeconds(last), bundleId, name)));
        return this;
    }

    /**
     * Adds a live-usage record of process {@code processPk} (which need not exist, as when its record was deleted).
     * The Wi-Fi byte counts are dropped in the {@link Layout#WWAN_ONLY} layout.
     */
    public DataUsageDatabase liveUsage(long pk, long processPk, Instant time, double wifiIn, double wifiOut,
                                       double wwanIn, double wwanOut) {
        List<String> columns = new ArrayList<>(List.of("Z_PK", "Z_ENT", "Z_OPT", "ZKIND", "ZHASPROCESS",
                "ZTIMESTAMP", "ZWWANIN", "ZWWANOUT"));
        List<Object> values = new ArrayList<>(Arrays.asList(pk, 6, 1, 0, processPk, cocoaSeconds(time), wwanIn,
                wwanOut));
        if (layout == Layout.WIFI_AND_WWAN) {
            columns.addAll(List.of("ZWIFIIN", "ZWIFIOUT"));
            values.addAll(List.of(wifiIn, wifiOut));
        }
        statements.add(SqlLiterals.insert("ZLIVEUSAGE", columns, values));
        return this;
    }

    /** The database file's bytes. */
    public byte[] bytes() {
        return SqliteFixture.bytes(statements.toArray(new String[0]));
    }

    /** Seconds (with fractions) since 2001-01-01 UTC, as Core Data stores a date; null stays null. */
    private static Double cocoaSeconds(Instant time) {
        if (time == null) {
            return null;
        }
        return (time.getEpochSecond() - 978_307_200L) + time.getNano() / 1e9;
    }
}
