package org.bridle.ios.artifacts;

import java.time.Instant;
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
 * {@code firefox_history}: every visit in Firefox for iOS's {@code browser.db} ({@code history} and
 * {@code visits}), kept in the app group's {@code profile.profile} folder.
 */
public final class FirefoxHistory implements Artifact<FirefoxHistory.Visit> {
    /** Firefox for iOS's profile database, shared with its extensions through the app group. */
    static final DevicePath BROWSER_DB = DevicePath.of("@group/group.org.mozilla.ios.Firefox/profile.profile/browser.db");

    /**
     * One visit; absent columns are null.
     *
     * @param id the visit's id
     * @param isodate when it happened
     * @param url the URL visited
     * @param title the page title
     * @param isLocal true for a visit on this phone, false for one synced from another device
     * @param type Firefox's visit type (link, typed, redirect…)
     * @param historyId the id of the URL's history row
     */
    public record Visit(long id, Instant isodate, String url, String title, Boolean isLocal, Long type,
                        long historyId) {
    }

    @Override
    public String id() {
        return "firefox_history";
    }

    @Override
    public String description() {
        return "Firefox visits from its browser.db";
    }

    @Override
    public List<DevicePath> locations() {
        return List.of(BROWSER_DB);
    }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<Visit> out) throws Exception {
        try (SqliteEvidence db = context.database(file, out)) {
            if (!db.columns("history").containsAll(List.of("id", "url"))
                    || !db.columns("visits").containsAll(List.of("id", "siteID", "date"))) {
                out.note("browser.db has no history and visits tables with their ids, URLs and dates; no visits read");
                return;
            }
            db.query("SELECT v.id AS id, v.date AS date, h.id AS history_id, h.url AS url, "
                    + db.columnOrNull("history", "h", "title") + " AS title, "
                    + db.columnOrNull("visits", "v", "is_local") + " AS is_local, "
                    + db.columnOrNull("visits", "v", "type") + " AS type"
                    + " FROM visits v JOIN history h ON h.id = v.siteID ORDER BY v.date, v.id",
                    row -> out.entry(visit(row)));
        }
    }

    private static Visit visit(SqlRow row) throws Exception {
        Double micros = row.real("date");
        Long local = row.integer("is_local");
        return new Visit(row.integer("id"), micros == null ? null : unixMicros(micros), row.string("url"),
                row.string("title"), local == null ? null : local == 1, row.integer("type"),
                row.integer("history_id"));
    }

    /** Firefox's visit dates: microseconds since the Unix epoch. */
    private static Instant unixMicros(double micros) {
        long whole = (long) Math.floor(micros);
        return Instant.ofEpochSecond(Math.floorDiv(whole, 1_000_000L), Math.floorMod(whole, 1_000_000L) * 1000);
    }

    @Override
    public List<Observable> observables(Visit visit) {
        return visit.url() == null || visit.url().isEmpty() ? List.of() : List.of(Observable.url(visit.url()));
    }

    @Override
    public List<TimelineEvent> timeline(Visit visit) {
        if (visit.isodate() == null) {
            return List.of();
        }
        return List.of(new TimelineEvent(visit.isodate(), id(), "firefox_history",
                "Firefox visit with ID " + visit.id() + " to URL: " + visit.url()));
    }
}
