package org.bridle.testkit.ios;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bridle.testkit.SqliteFixture;

/**
 * Writes a CFNetwork {@code Cache.db} (found in apps' and daemons' {@code Library/Caches/<bundle id>/}):
 * {@code cfurl_cache_response} with the request URL ({@code request_key}) and the time as SQLite's
 * {@code CURRENT_TIMESTAMP} text, plus the blob, receiver-data and schema-version tables. {@link Layout#PARTITIONED}
 * (recent iOS) has the {@code partition} column that {@link Layout#UNPARTITIONED} (older iOS) lacks.
 */
public final class CacheDatabase {
    /** Whether cfurl_cache_response has a partition column. */
    public enum Layout { PARTITIONED, UNPARTITIONED }

    /** The usual place of an app's cache, relative to its data container. */
    public static String appCachePath(String bundleId) {
        return "Library/Caches/" + bundleId + "/Cache.db";
    }

    private static final DateTimeFormatter SQLITE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final Layout layout;
    private final List<String> statements = new ArrayList<>();

    private CacheDatabase(Layout layout) {
        this.layout = layout;
        statements.add("CREATE TABLE cfurl_cache_response(entry_ID INTEGER PRIMARY KEY AUTOINCREMENT UNIQUE, "
                + "version INTEGER, hash_value INTEGER, storage_policy INTEGER, request_key TEXT UNIQUE, "
                + "time_stamp NOT NULL DEFAULT CURRENT_TIMESTAMP"
                + (layout == Layout.PARTITIONED ? ", partition TEXT)" : ")"));
        statements.add("CREATE TABLE cfurl_cache_blob_data(entry_ID INTEGER PRIMARY KEY, response_object BLOB, "
                + "request_object BLOB, proto_props BLOB, user_info BLOB)");
        statements.add("CREATE TABLE cfurl_cache_receiver_data(entry_ID INTEGER PRIMARY KEY, isDataOnFS INTEGER, "
                + "receiver_data BLOB)");
        statements.add("CREATE TABLE cfurl_cache_schema_version(schema_version INTEGER)");
        statements.add("INSERT INTO cfurl_cache_schema_version VALUES (202)");
    }

    /** An empty database in the layout of a recent iOS. */
    public static CacheDatabase create() {
        return new CacheDatabase(Layout.PARTITIONED);
    }

    /** An empty database in the given layout. */
    public static CacheDatabase create(Layout layout) {
        return new CacheDatabase(layout);
    }

    /** Adds a cached response for {@code url}, stored at {@code time} (whole seconds, as SQLite writes them). */
    public CacheDatabase response(long entryId, String url, Instant time) {
        return response(entryId, url, time, null);
    }

    /** Adds a cached response in a cache partition (ignored in the {@link Layout#UNPARTITIONED} layout). */
    public CacheDatabase response(long entryId, String url, Instant time, String partition) {
        List<String> columns = new ArrayList<>(List.of("entry_ID", "version", "hash_value", "storage_policy",
                "request_key", "time_stamp"));
        List<Object> values = new ArrayList<>(Arrays.asList(entryId, 0, url.hashCode(), 0, url,
                SQLITE_TIME.format(time)));
        if (layout == Layout.PARTITIONED) {
            columns.add("partition");
            values.add(partition);
        }
        statements.add(SqlLiterals.insert("cfurl_cache_response", columns, values));
        statements.add(SqlLiterals.insert("cfurl_cache_receiver_data", List.of("entry_ID", "isDataOnFS",
                "receiver_data"), Arrays.asList(entryId, 0, new byte[] {'{', '}'})));
        return this;
    }

    /** The database file's bytes. */
    public byte[] bytes() {
        return SqliteFixture.bytes(statements.toArray(new String[0]));
    }
}
