package org.bridle.testkit.ios;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bridle.testkit.SqliteFixture;

/**
 * Writes Firefox for iOS's {@code browser.db}: {@code history} (one row per URL), {@code visits} (dates in
 * microseconds since the Unix epoch) and {@code favicons} (dates in Unix seconds) linked to pages. The recent layout
 * (browser schema 6 and later) has {@code visits.is_local} and {@code favicon_sites}; the early one (schema 1) has
 * neither, and links icons through {@code faviconSites}.
 */
public final class FirefoxBrowserDatabase {
    public static final String GROUP_DOMAIN = "AppDomainGroup-group.org.mozilla.ios.Firefox";
    public static final String GROUP_ID = "group.org.mozilla.ios.Firefox";
    public static final String RELATIVE_PATH = "profile.profile/browser.db";

    private final boolean recent;
    private final Map<String, Long> pages = new LinkedHashMap<>();
    private final Map<String, String> titles = new LinkedHashMap<>();
    private final List<String> rows = new ArrayList<>();
    private long icons;

    private FirefoxBrowserDatabase(boolean recent) {
        this.recent = recent;
    }

    /** The layout of current versions. */
    public static FirefoxBrowserDatabase recent() {
        return new FirefoxBrowserDatabase(true);
    }

    /** The layout of the first versions (browser schema 1). */
    public static FirefoxBrowserDatabase early() {
        return new FirefoxBrowserDatabase(false);
    }

    private long page(String url, String title) {
        titles.putIfAbsent(url, title);
        return pages.computeIfAbsent(url, u -> (long) pages.size() + 1);
    }

    /** Adds a visit of {@code url}; visits of one URL share its history row. */
    public FirefoxBrowserDatabase visit(long visitId, String url, String title, Instant time, boolean local) {
        long site = page(url, title);
        List<String> columns = new ArrayList<>(List.of("id", "siteID", "date", "type"));
        List<Object> values = new ArrayList<>(Arrays.asList(visitId, site,
                time.getEpochSecond() * 1_000_000L + time.getNano() / 1000, 1));
        if (recent) {
            columns.add("is_local");
            values.add(local);
        }
        rows.add(SqlLiterals.insert("visits", columns, values));
        return this;
    }

    /** Adds an icon {@code iconUrl} of the page {@code pageUrl}, fetched at {@code date}. */
    public FirefoxBrowserDatabase icon(String pageUrl, String iconUrl, Instant date) {
        long site = page(pageUrl, "");
        long id = ++icons;
        rows.add(SqlLiterals.insert("favicons", List.of("id", "url", "width", "height", "type", "date"),
                List.of(id, iconUrl, 32, 32, 0, date.getEpochSecond() + date.getNano() / 1e9)));
        rows.add(SqlLiterals.insert(recent ? "favicon_sites" : "faviconSites", List.of("siteID", "faviconID"),
                List.of(site, id)));
        return this;
    }

    /** The database file's bytes. */
    public byte[] bytes() {
        List<String> sql = new ArrayList<>();
        sql.add(recent
                ? "CREATE TABLE history (id INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT NOT NULL UNIQUE, url TEXT "
                        + "UNIQUE, title TEXT NOT NULL, server_modified INTEGER, local_modified INTEGER, "
                        + "is_deleted TINYINT NOT NULL DEFAULT 0, should_upload TINYINT NOT NULL DEFAULT 0, "
                        + "domain_id INTEGER)"
                : "CREATE TABLE history (id INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT NOT NULL UNIQUE, "
                        + "url TEXT NOT NULL UNIQUE, title TEXT NOT NULL)");
        sql.add("CREATE TABLE visits (id INTEGER PRIMARY KEY AUTOINCREMENT, siteID INTEGER NOT NULL, "
                + "date REAL NOT NULL, type INTEGER NOT NULL" + (recent ? ", is_local TINYINT NOT NULL" : "") + ")");
        sql.add("CREATE TABLE favicons (id INTEGER PRIMARY KEY AUTOINCREMENT, url TEXT NOT NULL UNIQUE, "
                + "width INTEGER, height INTEGER, type INTEGER NOT NULL, date REAL NOT NULL)");
        sql.add("CREATE TABLE " + (recent ? "favicon_sites" : "faviconSites") + " (id INTEGER PRIMARY KEY "
                + "AUTOINCREMENT, siteID INTEGER NOT NULL, faviconID INTEGER NOT NULL, UNIQUE (siteID, faviconID))");
        for (Map.Entry<String, Long> page : pages.entrySet()) {
            sql.add(SqlLiterals.insert("history", List.of("id", "guid", "url", "title"), List.of(page.getValue(),
                    "guid-" + page.getValue(), page.getKey(), titles.get(page.getKey()))));
        }
        sql.addAll(rows);
        return SqliteFixture.bytes(sql.toArray(new String[0]));
    }
}
