package org.bridle.ios.artifacts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.io.AppleTime;
import org.bridle.core.io.SqlRow;
import org.bridle.core.io.SqliteEvidence;
import org.bridle.core.model.Observable;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * {@code firefox_favicon}: the icons Firefox for iOS keeps for the pages of its history ({@code browser.db}:
 * {@code favicons}, linked to {@code history} through {@code favicon_sites}, {@code faviconSites} in early versions).
 */
public final class FirefoxFavicon implements Artifact<FirefoxFavicon.Favicon> {

    /**
     * One icon of one page; absent columns are null.
     *
     * @param id the icon's id
     * @param url the icon's URL
     * @param width its width
     * @param height its height
     * @param type Firefox's icon type
     * @param isodate when it was fetched
     * @param historyId the page's history id
     * @param historyUrl the page's URL
     */
    public record Favicon(long id, String url, Long width, Long height, Long type, Instant isodate, long historyId,
                          String historyUrl) {
    }

    @Override
    public String id() {
        return "firefox_favicon";
    }

    @Override
    public String description() {
        return "Icons of the pages in Firefox's browser.db";
    }

    @Override
    public List<DevicePath> locations() {
        return List.of(FirefoxHistory.BROWSER_DB);
    }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<Favicon> out) throws Exception {
        try (SqliteEvidence db = context.database(file, out)) {
            String link = db.hasColumn("favicon_sites", "faviconID") ? "favicon_sites"
                    : db.hasColumn("faviconSites", "faviconID") ? "faviconSites" : null;
            if (link == null || !db.columns("favicons").containsAll(List.of("id", "url"))
                    || !db.columns("history").containsAll(List.of("id", "url"))) {
                out.note("browser.db has no favicons, favicon_sites and history tables; no icons read");
                return;
            }
            List<String> select = new ArrayList<>(List.of("f.id AS id", "f.url AS url", "h.id AS history_id",
                    "h.url AS history_url"));
            for (String column : List.of("width", "height", "type", "date")) {
                select.add(db.columnOrNull("favicons", "f", column) + " AS " + column);
            }
            db.query("SELECT " + String.join(", ", select) + " FROM favicons f JOIN " + link
                    + " s ON s.faviconID = f.id JOIN history h ON h.id = s.siteID ORDER BY f.id, h.id",
                    row -> out.entry(favicon(row)));
        }
    }

    private static Favicon favicon(SqlRow row) throws Exception {
        Double date = row.real("date");
        return new Favicon(row.integer("id"), row.string("url"), row.integer("width"), row.integer("height"),
                row.integer("type"), date == null || date <= 0 ? null : AppleTime.fromUnixSeconds(date),
                row.integer("history_id"), row.string("history_url"));
    }

    @Override
    public List<Observable> observables(Favicon favicon) {
        return Observable.urls(favicon.url(), favicon.historyUrl());
    }

    @Override
    public List<TimelineEvent> timeline(Favicon favicon) {
        if (favicon.isodate() == null) {
            return List.of();
        }
        return List.of(new TimelineEvent(favicon.isodate(), id(), "firefox_favicon",
                "Firefox icon " + favicon.url() + " when visiting " + favicon.historyUrl()));
    }
}
