package org.bridle.ios.artifacts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * {@code safari_favicon}: the pages Safari fetched an icon for, from {@code Favicons.db} (dump only): valid icons
 * ({@code page_url} joined with {@code icon_info} on {@code uuid}) and, where the database has the table, rejected
 * ones ({@code rejected_resources}). A page stays here after it is deleted from the history.
 */
public final class SafariFavicon implements Artifact<SafariFavicon.Favicon> {
    private static final String REJECTED = "rejected_resources";

    /** Whether the icon was kept. */
    public enum Type {
        /** An icon in {@code icon_info}. */
        VALID,
        /** An icon Safari rejected ({@code rejected_resources}). */
        REJECTED
    }

    /**
     * One page and its icon.
     *
     * @param url the page URL
     * @param iconUrl the icon URL
     * @param isodate when the icon was fetched ({@code timestamp}, Cocoa seconds)
     * @param type whether the icon was kept or rejected
     * @param safariFaviconDbPath the device path of the database
     */
    public record Favicon(String url, String iconUrl, Instant isodate, Type type, String safariFaviconDbPath) {
    }

    @Override
    public String id() {
        return "safari_favicon";
    }

    @Override
    public String description() {
        return "Pages and their icons from Safari's Favicons.db";
    }

    @Override
    public List<DevicePath> locations() {
        return List.of(DevicePath.of("private/var/mobile/Library/Image Cache/Favicons/Favicons.db"),
                DevicePath.of("@app/*/Library/Image Cache/Favicons/Favicons.db"));
    }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<Favicon> out) throws Exception {
        try (SqliteEvidence db = context.database(file, out)) {
            String path = file.devicePath();
            if (db.columns("page_url").containsAll(List.of("uuid", "url"))
                    && db.columns("icon_info").containsAll(List.of("uuid", "url"))) {
                db.query("SELECT p.url AS url, i.url AS icon_url, "
                        + db.columnOrNull("icon_info", "i", "timestamp") + " AS time"
                        + " FROM page_url p JOIN icon_info i ON p.uuid = i.uuid ORDER BY time, p.rowid",
                        row -> out.entry(favicon(row, Type.VALID, path)));
            } else {
                out.note(path + " has no page_url and icon_info tables; no valid icons read");
            }
            if (db.columns(REJECTED).containsAll(List.of("page_url", "icon_url"))) {
                db.query("SELECT r.page_url AS url, r.icon_url AS icon_url, "
                        + db.columnOrNull(REJECTED, "r", "timestamp") + " AS time"
                        + " FROM " + REJECTED + " r ORDER BY time, r.rowid",
                        row -> out.entry(favicon(row, Type.REJECTED, path)));
            } else {
                out.note(path + " has no " + REJECTED + " table; no rejected icons read");
            }
        }
    }

    private static Favicon favicon(SqlRow row, Type type, String path) throws Exception {
        Double time = row.real("time");
        return new Favicon(row.string("url"), row.string("icon_url"),
                time == null ? null : AppleTime.fromCocoaSeconds(time), type, path);
    }

    @Override
    public List<Observable> observables(Favicon favicon) {
        List<Observable> observables = new ArrayList<>(2);
        if (favicon.url() != null) {
            observables.add(Observable.url(favicon.url()));
        }
        if (favicon.iconUrl() != null) {
            observables.add(Observable.url(favicon.iconUrl()));
        }
        return observables;
    }

    @Override
    public List<TimelineEvent> timeline(Favicon favicon) {
        if (favicon.isodate() == null) {
            return List.of();
        }
        return List.of(new TimelineEvent(favicon.isodate(), id(), "safari_favicon", "Safari favicon from "
                + favicon.url() + " with icon URL " + favicon.iconUrl() + " (" + favicon.type().name()
                .toLowerCase(Locale.ROOT) + ")"));
    }
}
