package org.bridle.testkit.ios;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bridle.testkit.SqliteFixture;

/**
 * Writes Safari's {@code History.db}: one {@code history_items} row per URL and one {@code history_visits} row per
 * visit, with redirects linking visits both ways ({@code redirect_destination} on the visit that was redirected,
 * {@code redirect_source} on the one it led to). Visit times are Cocoa seconds.
 */
public final class SafariHistoryDatabase {
    /** Where iOS 14 and earlier keep the default profile's database. */
    public static final String DOMAIN = "HomeDomain";
    /** Where later versions keep it: Safari's app container. */
    public static final String APP_DOMAIN = "AppDomain-com.apple.mobilesafari";
    public static final String RELATIVE_PATH = "Library/Safari/History.db";

    private final boolean minimal;
    private final Map<String, Long> items = new LinkedHashMap<>();
    private final Map<Long, Visit> visits = new LinkedHashMap<>();

    private SafariHistoryDatabase(boolean minimal) {
        this.minimal = minimal;
    }

    /** The layout of recent iOS versions (titles, load flags, origin, attributes, score). */
    public static SafariHistoryDatabase recent() {
        return new SafariHistoryDatabase(false);
    }

    /** A layout with only the columns every known version has: no titles and no flags. */
    public static SafariHistoryDatabase minimal() {
        return new SafariHistoryDatabase(true);
    }

    /** The relative path of a named Safari profile's database (iOS 17 and later), in either domain. */
    public static String profilePath(String profileUuid) {
        return "Library/Safari/Profiles/" + profileUuid + "/History.db";
    }

    /** Adds a visit of {@code url}; visits of the same URL share one history item. */
    public SafariHistoryDatabase visit(long visitId, String url, Instant time, String title) {
        long item = items.computeIfAbsent(url, u -> (long) items.size() + 1);
        visits.put(visitId, new Visit(visitId, item, time, title));
        return this;
    }

    /** Records that visit {@code from} was redirected to visit {@code to} (both added already). */
    public SafariHistoryDatabase redirect(long from, long to) {
        visits.get(from).destination = to;
        visits.get(to).source = from;
        return this;
    }

    /** The database file's content. */
    public byte[] bytes() {
        List<String> sql = new ArrayList<>();
        if (minimal) {
            sql.add("CREATE TABLE history_items (id INTEGER PRIMARY KEY, url TEXT)");
            sql.add("CREATE TABLE history_visits (id INTEGER PRIMARY KEY, history_item INTEGER, visit_time REAL, "
                    + "redirect_source INTEGER, redirect_destination INTEGER)");
        } else {
            sql.add("CREATE TABLE history_items (id INTEGER PRIMARY KEY AUTOINCREMENT, url TEXT NOT NULL UNIQUE, "
                    + "domain_expansion TEXT NULL, visit_count INTEGER NOT NULL, daily_visit_counts BLOB NOT NULL, "
                    + "weekly_visit_counts BLOB NULL, autocomplete_triggers BLOB NULL, "
                    + "should_recompute_derived_visit_counts INTEGER NOT NULL, visit_count_score INTEGER NOT NULL, "
                    + "status_code INTEGER NOT NULL DEFAULT 0)");
            sql.add("CREATE TABLE history_visits (id INTEGER PRIMARY KEY AUTOINCREMENT, history_item INTEGER NOT NULL "
                    + "REFERENCES history_items(id) ON DELETE CASCADE, visit_time REAL NOT NULL, title TEXT NULL, "
                    + "load_successful BOOLEAN NOT NULL DEFAULT 1, http_non_get BOOLEAN NOT NULL DEFAULT 0, "
                    + "synthesized BOOLEAN NOT NULL DEFAULT 0, redirect_source INTEGER NULL UNIQUE REFERENCES "
                    + "history_visits(id) ON DELETE CASCADE, redirect_destination INTEGER NULL UNIQUE REFERENCES "
                    + "history_visits(id) ON DELETE CASCADE, origin INTEGER NOT NULL DEFAULT 0, "
                    + "generation INTEGER NOT NULL DEFAULT 0, attributes INTEGER NOT NULL DEFAULT 0, "
                    + "score INTEGER NOT NULL DEFAULT 0)");
            sql.add("CREATE TABLE history_tombstones (id INTEGER PRIMARY KEY AUTOINCREMENT, start_time REAL NOT NULL, "
                    + "end_time REAL NOT NULL, url TEXT, generation INTEGER NOT NULL DEFAULT 0)");
        }
        Map<Long, Long> counts = new HashMap<>();
        for (Visit v : visits.values()) {
            counts.merge(v.item, 1L, Long::sum);
        }
        for (Map.Entry<String, Long> item : items.entrySet()) {
            long count = counts.getOrDefault(item.getValue(), 0L);
            sql.add(minimal
                    ? "INSERT INTO history_items VALUES (" + item.getValue() + ", " + quote(item.getKey()) + ")"
                    : "INSERT INTO history_items (id, url, visit_count, daily_visit_counts, "
                            + "should_recompute_derived_visit_counts, visit_count_score) VALUES (" + item.getValue()
                            + ", " + quote(item.getKey()) + ", " + count + ", X'', 0, " + count * 100 + ")");
        }
        for (Visit v : visits.values()) {
            String time = String.valueOf(CocoaTime.seconds(v.time));
            sql.add(minimal
                    ? "INSERT INTO history_visits VALUES (" + v.id + ", " + v.item + ", " + time + ", " + v.source
                            + ", " + v.destination + ")"
                    : "INSERT INTO history_visits (id, history_item, visit_time, title, redirect_source, "
                            + "redirect_destination) VALUES (" + v.id + ", " + v.item + ", " + time + ", "
                            + quote(v.title) + ", " + v.source + ", " + v.destination + ")");
        }
        return SqliteFixture.bytes(sql.toArray(new String[0]));
    }

    private static String quote(String text) {
        return text == null ? "NULL" : "'" + text.replace("'", "''") + "'";
    }

    private static final class Visit {
        final long id;
        final long item;
        final Instant time;
        final String title;
        Long source;
        Long destination;

        Visit(long id, long item, Instant time, String title) {
            this.id = id;
            this.item = item;
            this.time = time;
            this.title = title;
        }
    }
}
