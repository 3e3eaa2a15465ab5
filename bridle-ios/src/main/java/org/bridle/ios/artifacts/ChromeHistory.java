package org.bridle.ios.artifacts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.io.ChromeTime;
import org.bridle.core.io.SqlRow;
import org.bridle.core.io.SqliteEvidence;
import org.bridle.core.model.Observable;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/** {@code chrome_history}: every visit in Chrome's {@code History} database ({@code urls} and {@code visits}). */
public final class ChromeHistory implements Artifact<ChromeHistory.Visit> {

    /**
     * One visit; absent columns are null.
     *
     * @param id the URL's id
     * @param url the URL visited
     * @param title the page title
     * @param visitId the visit's id
     * @param isodate when the visit happened
     * @param redirectSource the visit that led to this one ({@code from_visit}), 0 for none
     * @param transition Chrome's page transition code (link, typed, redirect qualifiers…)
     * @param externalReferrerUrl the referrer an app gave when it opened the page in Chrome (Chrome 115 and later)
     */
    public record Visit(long id, String url, String title, long visitId, Instant isodate, Long redirectSource,
                        Long transition, String externalReferrerUrl) {
    }

    @Override
    public String id() {
        return "chrome_history";
    }

    @Override
    public String description() {
        return "Chrome visits from its History database";
    }

    @Override
    public List<DevicePath> locations() {
        return List.of(DevicePath.of(
                "@app/com.google.chrome.ios/Library/Application Support/Google/Chrome/Default/History"));
    }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<Visit> out) throws Exception {
        try (SqliteEvidence db = context.database(file, out)) {
            if (!db.columns("urls").containsAll(List.of("id", "url"))
                    || !db.columns("visits").containsAll(List.of("id", "url", "visit_time"))) {
                out.note("History has no urls and visits tables with their ids, URLs and times; no visits read");
                return;
            }
            List<String> select = new ArrayList<>(List.of("u.id AS id", "u.url AS url", "v.id AS visit_id",
                    "v.visit_time AS visit_time", db.columnOrNull("urls", "u", "title") + " AS title"));
            for (String column : List.of("from_visit", "transition", "external_referrer_url")) {
                select.add(db.columnOrNull("visits", "v", column) + " AS " + column);
            }
            db.query("SELECT " + String.join(", ", select) + " FROM visits v JOIN urls u ON u.id = v.url"
                    + " ORDER BY v.visit_time, v.id", row -> out.entry(visit(row)));
        }
    }

    private static Visit visit(SqlRow row) throws Exception {
        Long time = row.integer("visit_time");
        String referrer = row.string("external_referrer_url");
        return new Visit(row.integer("id"), row.string("url"), row.string("title"), row.integer("visit_id"),
                time == null ? null : ChromeTime.fromMicros(time), row.integer("from_visit"),
                row.integer("transition"), referrer == null || referrer.isEmpty() ? null : referrer);
    }

    @Override
    public List<Observable> observables(Visit visit) {
        List<Observable> observables = new ArrayList<>(2);
        if (visit.url() != null && !visit.url().isEmpty()) {
            observables.add(Observable.url(visit.url()));
        }
        if (visit.externalReferrerUrl() != null) {
            observables.add(Observable.url(visit.externalReferrerUrl()));
        }
        return observables;
    }

    @Override
    public List<TimelineEvent> timeline(Visit visit) {
        if (visit.isodate() == null) {
            return List.of();
        }
        return List.of(new TimelineEvent(visit.isodate(), id(), "visit", "Chrome visit to " + visit.url() + " (ID: "
                + visit.id() + ", visit ID: " + visit.visitId() + ", redirect source: " + visit.redirectSource() + ")"));
    }
}
