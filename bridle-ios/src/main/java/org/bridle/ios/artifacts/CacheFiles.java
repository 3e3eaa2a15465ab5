package org.bridle.ios.artifacts;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.io.SqlRow;
import org.bridle.core.io.SqliteEvidence;
import org.bridle.core.model.Observable;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * {@code cache_files}: the URLs whose responses CFNetwork cached, from every {@code Cache.db} of the device (apps',
 * extensions' and daemons'; dump only), table {@code cfurl_cache_response}. Links a spyware process fetched can
 * remain here after its other traces are gone.
 */
public final class CacheFiles implements Artifact<CacheFiles.CachedResponse> {
    private static final String TABLE = "cfurl_cache_response";
    /** SQLite's {@code CURRENT_TIMESTAMP} text, UTC, which CFNetwork stores; fractions of a second allowed. */
    private static final DateTimeFormatter SQLITE_TIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss").optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd().toFormatter();

    /**
     * One cached response; a column the database lacks reads as null.
     *
     * @param cacheDb the device path of the {@code Cache.db}
     * @param entryId the row id ({@code entry_ID})
     * @param version {@code version}
     * @param hashValue {@code hash_value}
     * @param storagePolicy {@code storage_policy}
     * @param url the request URL ({@code request_key})
     * @param partition the cache partition ({@code partition}, a column of newer iOS versions), as stored
     * @param isodate when the response was cached ({@code time_stamp}); null when it is not a time
     */
    public record CachedResponse(String cacheDb, Long entryId, Long version, Long hashValue, Long storagePolicy,
                                 String url, String partition, Instant isodate) {
    }

    @Override
    public String id() {
        return "cache_files";
    }

    @Override
    public String description() {
        return "URLs of cached network responses, from every Cache.db";
    }

    @Override
    public List<DevicePath> locations() {
        return List.of(DevicePath.of("**/Cache.db"));
    }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<CachedResponse> out) throws Exception {
        try (SqliteEvidence db = context.database(file, out)) {
            if (!db.hasColumn(TABLE, "request_key")) {
                out.note(file.devicePath() + " has no " + TABLE + " table with request URLs");
                return;
            }
            String sql = "SELECT " + String.join(", ",
                    db.columnOrNull(TABLE, "r", "entry_ID") + " AS entry_id",
                    db.columnOrNull(TABLE, "r", "version") + " AS version",
                    db.columnOrNull(TABLE, "r", "hash_value") + " AS hash_value",
                    db.columnOrNull(TABLE, "r", "storage_policy") + " AS storage_policy",
                    "r.request_key AS url",
                    db.columnOrNull(TABLE, "r", "partition") + " AS cache_partition",
                    db.columnOrNull(TABLE, "r", "time_stamp") + " AS time_stamp")
                    + " FROM " + TABLE + " r ORDER BY r.rowid";
            db.query(sql, row -> out.entry(new CachedResponse(file.devicePath(), row.integer("entry_id"),
                    row.integer("version"), row.integer("hash_value"), row.integer("storage_policy"),
                    row.string("url"), row.string("cache_partition"), time(row))));
        }
    }

    private static Instant time(SqlRow row) throws Exception {
        String text = row.string("time_stamp");
        if (text == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.trim(), SQLITE_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notATime) {
            return null;
        }
    }

    @Override
    public List<Observable> observables(CachedResponse response) {
        if (response.url() == null) {
            return List.of();
        }
        return List.of(Observable.url(response.url()));
    }

    @Override
    public List<TimelineEvent> timeline(CachedResponse response) {
        if (response.isodate() == null) {
            return List.of();
        }
        return List.of(new TimelineEvent(response.isodate(), id(), "cache_response",
                response.cacheDb() + " cached a response for " + response.url()));
    }
}
