package org.bridle.testkit.ios;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bridle.testkit.SqliteFixture;

/**
 * Writes Chrome for iOS's {@code History} ({@code urls}, {@code visits}) and {@code Favicons} ({@code icon_mapping},
 * {@code favicons}, {@code favicon_bitmaps}) databases. Times are microseconds since 1601-01-01 UTC. The recent layout
 * has {@code visits.external_referrer_url} (Chrome 115) and {@code favicon_bitmaps.last_requested} (Chrome 73); the
 * legacy one has neither.
 */
public final class ChromeDatabases {
    public static final String DOMAIN = "AppDomain-com.google.chrome.ios";
    public static final String BUNDLE_ID = "com.google.chrome.ios";
    public static final String HISTORY_PATH = "Library/Application Support/Google/Chrome/Default/History";
    public static final String FAVICONS_PATH = "Library/Application Support/Google/Chrome/Default/Favicons";
    private static final Instant EPOCH_1601 = Instant.parse("1601-01-01T00:00:00Z");

    private final boolean recent;
    private final Map<String, Long> urls = new LinkedHashMap<>();
    private final List<String> visits = new ArrayList<>();
    private final List<String> icons = new ArrayList<>();

    private ChromeDatabases(boolean recent) {
        this.recent = recent;
    }

    /** The layout of a current Chrome. */
    public static ChromeDatabases recent() {
        return new ChromeDatabases(true);
    }

    /** The layout of Chrome before version 73. */
    public static ChromeDatabases legacy() {
        return new ChromeDatabases(false);
    }

    /** Chrome's time of an instant: microseconds since 1601. */
    public static long chromeTime(Instant time) {
        Duration since = Duration.between(EPOCH_1601, time);
        return since.getSeconds() * 1_000_000L + since.getNano() / 1000;
    }

    /**
     * Adds a visit of {@code url} (visits of one URL share its {@code urls} row).
     *
     * @param fromVisit the visit that led to it, 0 for none
     * @param externalReferrer the referrer an app gave, or null (written only in the recent layout)
     */
    public ChromeDatabases visit(long visitId, String url, String title, Instant time, long fromVisit,
                                 String externalReferrer) {
        long urlId = urls.computeIfAbsent(url, u -> (long) urls.size() + 1);
        List<String> columns = new ArrayList<>(List.of("id", "url", "visit_time", "from_visit", "transition",
                "segment_id", "visit_duration"));
        List<Object> values = new ArrayList<>(Arrays.asList(visitId, urlId, chromeTime(time), fromVisit, 805306368,
                0, 0));
        if (recent) {
            columns.add("external_referrer_url");
            values.add(externalReferrer == null ? "" : externalReferrer);
        }
        visits.add(SqlLiterals.insert("visits", columns, values));
        visits.add("UPDATE urls SET title = " + SqlLiterals.of(title) + " WHERE id = " + urlId);
        return this;
    }

    /** Adds an icon {@code iconUrl} of page {@code pageUrl}, fetched at {@code updated} and shown at {@code requested}. */
    public ChromeDatabases icon(String pageUrl, String iconUrl, Instant updated, Instant requested) {
        long id = icons.size() / 3 + 1;
        icons.add(SqlLiterals.insert("favicons", List.of("id", "url", "icon_type"), List.of(id, iconUrl, 1)));
        icons.add(SqlLiterals.insert("icon_mapping", List.of("id", "page_url", "icon_id"), List.of(id, pageUrl, id)));
        List<String> columns = new ArrayList<>(List.of("id", "icon_id", "last_updated", "width", "height"));
        List<Object> values = new ArrayList<>(Arrays.asList(id, id, updated == null ? 0 : chromeTime(updated), 16, 16));
        if (recent) {
            columns.add("last_requested");
            values.add(requested == null ? 0 : chromeTime(requested));
        }
        icons.add(SqlLiterals.insert("favicon_bitmaps", columns, values));
        return this;
    }

    /** The {@code History} database's bytes. */
    public byte[] history() {
        List<String> sql = new ArrayList<>();
        sql.add("CREATE TABLE meta (key LONGVARCHAR NOT NULL UNIQUE PRIMARY KEY, value LONGVARCHAR)");
        sql.add("CREATE TABLE urls (id INTEGER PRIMARY KEY AUTOINCREMENT, url LONGVARCHAR, title LONGVARCHAR, "
                + "visit_count INTEGER DEFAULT 0 NOT NULL, typed_count INTEGER DEFAULT 0 NOT NULL, "
                + "last_visit_time INTEGER NOT NULL DEFAULT 0, hidden INTEGER DEFAULT 0 NOT NULL)");
        sql.add("CREATE TABLE visits (id INTEGER PRIMARY KEY AUTOINCREMENT, url INTEGER NOT NULL, "
                + "visit_time INTEGER NOT NULL, from_visit INTEGER, transition INTEGER DEFAULT 0 NOT NULL, "
                + "segment_id INTEGER, visit_duration INTEGER DEFAULT 0 NOT NULL"
                + (recent ? ", incremented_omnibox_typed_score BOOLEAN DEFAULT FALSE NOT NULL, "
                        + "opener_visit INTEGER, originator_cache_guid TEXT, originator_visit_id INTEGER, "
                        + "is_known_to_sync BOOLEAN DEFAULT FALSE NOT NULL, consider_for_ntp_most_visited BOOLEAN "
                        + "DEFAULT FALSE NOT NULL, external_referrer_url TEXT, visited_link_id INTEGER DEFAULT 0 "
                        + "NOT NULL, app_id TEXT" : "") + ")");
        for (Map.Entry<String, Long> url : urls.entrySet()) {
            sql.add(SqlLiterals.insert("urls", List.of("id", "url"), List.of(url.getValue(), url.getKey())));
        }
        sql.addAll(visits);
        return SqliteFixture.bytes(sql.toArray(new String[0]));
    }

    /** The {@code Favicons} database's bytes. */
    public byte[] favicons() {
        List<String> sql = new ArrayList<>();
        sql.add("CREATE TABLE icon_mapping (id INTEGER PRIMARY KEY, page_url LONGVARCHAR NOT NULL, icon_id INTEGER)");
        sql.add("CREATE TABLE favicons (id INTEGER PRIMARY KEY, url LONGVARCHAR NOT NULL, icon_type INTEGER DEFAULT 1)");
        sql.add("CREATE TABLE favicon_bitmaps (id INTEGER PRIMARY KEY, icon_id INTEGER NOT NULL, "
                + "last_updated INTEGER DEFAULT 0, image_data BLOB, width INTEGER DEFAULT 0, height INTEGER DEFAULT 0"
                + (recent ? ", last_requested INTEGER DEFAULT 0" : "") + ")");
        sql.addAll(icons);
        return SqliteFixture.bytes(sql.toArray(new String[0]));
    }
}
