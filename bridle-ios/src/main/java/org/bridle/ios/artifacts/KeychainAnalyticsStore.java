package org.bridle.ios.artifacts;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.io.AppleTime;
import org.bridle.core.io.EvidenceFormatException;
import org.bridle.core.io.PlistValues;
import org.bridle.core.io.Plists;
import org.bridle.core.io.SqliteEvidence;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * Reads the event tables of the Security framework's analytics databases ({@code private/var/Keychains/Analytics/
 * *.db}, written by SFAnalytics): {@code hard_failures}, {@code soft_failures}, {@code notes} and, before iOS 13,
 * {@code all_events}, each row a time stamp (Cocoa seconds) and a {@code data} blob, a property list (JSON in a few
 * stores). Shared by {@link Analytics} and {@link AnalyticsIosVersions}.
 */
final class KeychainAnalyticsStore {
    static final List<DevicePath> LOCATIONS = List.of(DevicePath.of("private/var/Keychains/Analytics/*.db"));
    static final List<String> TABLES = List.of("hard_failures", "soft_failures", "notes", "all_events");
    private static final ObjectMapper JSON = new ObjectMapper();

    private KeychainAnalyticsStore() {
    }

    /** Receives the events of one database, table by table, each in time order. */
    @FunctionalInterface
    interface EventHandler {
        /** One row; {@code data} is the decoded blob (plain Java values) or null when absent or undecodable. */
        void event(String table, Long rowId, Instant time, Object data) throws Exception;
    }

    /**
     * Reads every event of a database. A database with none of the tables gets a note; rows whose blob cannot be
     * decoded are given with null data and counted in one note.
     *
     * @throws EvidenceFormatException when the file is not a readable SQLite database
     */
    static void read(EvidenceFile file, ParseContext context, Emitter<?> out, EventHandler handler)
            throws Exception {
        try (SqliteEvidence db = context.database(file, out)) {
            int[] undecodable = {0};
            boolean any = false;
            for (String table : TABLES) {
                if (!db.hasColumn(table, "data")) {
                    continue;
                }
                any = true;
                String time = db.columnOrNull(table, "t", "timestamp");
                db.query("SELECT " + db.columnOrNull(table, "t", "id") + " AS id, " + time + " AS time, t.data AS data"
                        + " FROM " + table + " t ORDER BY " + time + ", t.rowid", row -> {
                            Double seconds = row.real("time");
                            byte[] blob = row.bytes("data");
                            Object data = blob == null ? null : decode(blob);
                            if (blob != null && data == null) {
                                undecodable[0]++;
                            }
                            handler.event(table, row.integer("id"), seconds == null ? null
                                    : AppleTime.fromCocoaSeconds(seconds), data);
                        });
            }
            if (!any) {
                out.note(file.devicePath() + " has none of the event tables " + String.join(", ", TABLES));
            }
            if (undecodable[0] > 0) {
                out.note(file.devicePath() + ": " + undecodable[0]
                        + " event(s) whose data is neither a property list nor JSON");
            }
        }
    }

    /** The blob as plain Java values, or null when it is neither a property list nor JSON. */
    private static Object decode(byte[] blob) {
        int first = 0;
        while (first < blob.length && Character.isWhitespace(blob[first])) {
            first++;
        }
        if (first < blob.length && (blob[first] == '{' || blob[first] == '[')) {
            try {
                return JSON.readValue(blob, Object.class);
            } catch (IOException notJson) {
                return null;
            }
        }
        try {
            return PlistValues.toJava(Plists.parse(blob));
        } catch (EvidenceFormatException notPlist) {
            return null;
        }
    }
}
