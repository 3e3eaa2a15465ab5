package org.bridle.ios.artifacts;

import java.time.Instant;
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

/**
 * {@code chrome_favicon}: the pages Chrome keeps an icon for ({@code Favicons}: {@code icon_mapping},
 * {@code favicons}, {@code favicon_bitmaps}), which outlive the history of the visits.
 */
public final class ChromeFavicon implements Artifact<ChromeFavicon.Favicon> {

    /**
     * One icon bitmap of a page; absent columns are null.
     *
     * @param url the page URL
     * @param iconUrl the icon's URL
     * @param lastUpdated when the icon was last fetched
     * @param lastRequested when it was last shown (Chrome 73 and later)
     * @param isodate when the page was last seen: the update time, else the request time
     */
    public record Favicon(String url, String iconUrl, Instant lastUpdated, Instant lastRequested, Instant isodate) {
    }

    @Override
    public String id() {
        return "chrome_favicon";
    }

    @Override
    public String description() {
        return "Pages with a cached icon in Chrome's Favicons database";
    }

    @Override
    public List<DevicePath> locations() {
        return List.of(DevicePath.of(
                "@app/com.google.chrome.ios/Library/Application Support/Google/Chrome/Default/Favicons"));
    }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<Favicon> out) throws Exception {
        try (SqliteEvidence db = context.database(file, out)) {
            if (!db.columns("icon_mapping").containsAll(List.of("page_url", "icon_id"))
                    || !db.columns("favicons").containsAll(List.of("id", "url"))
                    || !db.hasColumn("favicon_bitmaps", "icon_id")) {
                out.note("Favicons has no icon_mapping, favicons and favicon_bitmaps tables; no icons read");
                return;
            }
            String updated = db.columnOrNull("favicon_bitmaps", "b", "last_updated");
            String requested = db.columnOrNull("favicon_bitmaps", "b", "last_requested");
            db.query("SELECT m.page_url AS page_url, f.url AS icon_url, " + updated + " AS last_updated, " + requested
                    + " AS last_requested FROM icon_mapping m JOIN favicon_bitmaps b ON b.icon_id = m.icon_id"
                    + " JOIN favicons f ON f.id = m.icon_id"
                    + " ORDER BY COALESCE(NULLIF(" + updated + ", 0), " + requested + "), m.id",
                    row -> out.entry(favicon(row)));
        }
    }

    private static Favicon favicon(SqlRow row) throws Exception {
        Instant updated = chromeTime(row.integer("last_updated"));
        Instant requested = chromeTime(row.integer("last_requested"));
        return new Favicon(row.string("page_url"), row.string("icon_url"), updated, requested,
                updated != null ? updated : requested);
    }

    private static Instant chromeTime(Long micros) {
        return micros == null ? null : ChromeTime.fromMicros(micros);
    }

    @Override
    public List<Observable> observables(Favicon favicon) {
        return Observable.urls(favicon.url(), favicon.iconUrl());
    }

    @Override
    public List<TimelineEvent> timeline(Favicon favicon) {
        if (favicon.isodate() == null) {
            return List.of();
        }
        return List.of(new TimelineEvent(favicon.isodate(), id(), "new_favicon",
                "Chrome icon " + favicon.iconUrl() + " of " + favicon.url()));
    }
}
