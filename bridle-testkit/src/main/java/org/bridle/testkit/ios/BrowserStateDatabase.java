package org.bridle.testkit.ios;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bridle.testkit.PlistFixture;
import org.bridle.testkit.SqliteFixture;

/**
 * Writes Safari's {@code BrowserState.db}: open tabs in {@code tabs}, each tab's session (its back-forward history,
 * a binary property list after a 4-byte header) in {@code tab_sessions} since iOS 12, or in {@code tabs} itself
 * before. Times are Cocoa seconds.
 */
public final class BrowserStateDatabase {
    /** Where iOS 14 and earlier keep the default profile's database. */
    public static final String DOMAIN = "HomeDomain";
    /** Where later versions keep it: Safari's app container. */
    public static final String APP_DOMAIN = "AppDomain-com.apple.mobilesafari";
    public static final String RELATIVE_PATH = "Library/Safari/BrowserState.db";

    private final boolean legacy;
    private final List<String> statements = new ArrayList<>();
    private int tabs;

    private BrowserStateDatabase(boolean legacy) {
        this.legacy = legacy;
        statements.add("CREATE TABLE browser_windows (id INTEGER PRIMARY KEY AUTOINCREMENT, uuid TEXT NOT NULL, "
                + "type INTEGER DEFAULT 0, active_document_index INTEGER DEFAULT 0)");
        statements.add("INSERT INTO browser_windows (id, uuid) VALUES (1, 'B1A2C3D4-0000-4000-8000-000000000001')");
        statements.add("CREATE TABLE tabs (id INTEGER PRIMARY KEY AUTOINCREMENT, uuid TEXT NOT NULL UNIQUE, "
                + "title TEXT, url TEXT COLLATE NOCASE, user_visible_url TEXT COLLATE NOCASE, "
                + "order_index INTEGER NOT NULL, last_viewed_time REAL DEFAULT NULL, "
                + "private_browsing BOOL DEFAULT 0, browser_window_uuid TEXT NOT NULL, "
                + "browser_window_id INTEGER NOT NULL" + (legacy ? ", session_data BLOB" : "") + ")");
        if (!legacy) {
            statements.add("CREATE TABLE tab_sessions (id INTEGER PRIMARY KEY AUTOINCREMENT, tab_uuid TEXT NOT NULL "
                    + "UNIQUE, session_data BLOB DEFAULT NULL, uncompressed_session_data_size INTEGER NOT NULL "
                    + "DEFAULT 0)");
        }
    }

    /** The layout of iOS 12 and later: sessions in {@code tab_sessions}. */
    public static BrowserStateDatabase recent() {
        return new BrowserStateDatabase(false);
    }

    /** The layout before iOS 12: sessions in a column of {@code tabs}. */
    public static BrowserStateDatabase legacy() {
        return new BrowserStateDatabase(true);
    }

    /** The relative path of a named Safari profile's database (iOS 17 and later), in either domain. */
    public static String profilePath(String profileUuid) {
        return "Library/Safari/Profiles/" + profileUuid + "/BrowserState.db";
    }

    /**
     * Adds an open tab.
     *
     * @param session its session blob, such as {@link #session(String...)}, or null
     */
    public BrowserStateDatabase tab(String title, String url, Instant lastViewed, byte[] session) {
        tabs++;
        String uuid = String.format("7AB00000-0000-4000-8000-%012d", tabs);
        List<String> columns = new ArrayList<>(List.of("uuid", "title", "url", "user_visible_url", "order_index",
                "last_viewed_time", "browser_window_uuid", "browser_window_id"));
        List<Object> values = new ArrayList<>(Arrays.asList(uuid, title, url, url, tabs,
                lastViewed == null ? null : CocoaTime.seconds(lastViewed), "B1A2C3D4-0000-4000-8000-000000000001", 1));
        if (legacy) {
            columns.add("session_data");
            values.add(session);
        } else {
            statements.add(SqlLiterals.insert("tab_sessions", List.of("tab_uuid", "session_data"),
                    Arrays.asList(uuid, session)));
        }
        statements.add(SqlLiterals.insert("tabs", columns, values));
        return this;
    }

    /**
     * A session blob as Safari writes it: a 4-byte header, then a binary property list whose
     * {@code SessionHistory.SessionHistoryEntries} hold one entry per page, given as title/URL/original URL triples
     * ({@code "Title", "https://b/", "https://a/"}).
     */
    public static byte[] session(String... titleUrlOriginal) {
        List<Object> entries = new ArrayList<>();
        for (int i = 0; i + 2 < titleUrlOriginal.length; i += 3) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("SessionHistoryEntryTitle", titleUrlOriginal[i]);
            entry.put("SessionHistoryEntryURL", titleUrlOriginal[i + 1]);
            entry.put("SessionHistoryEntryOriginalURL", titleUrlOriginal[i + 2]);
            entry.put("SessionHistoryEntryData", new byte[16]);
            entries.add(entry);
        }
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("SessionHistoryCurrentIndex", Math.max(0, entries.size() - 1));
        history.put("SessionHistoryEntries", entries);
        history.put("SessionHistoryVersion", 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 0, 0, 2});
        out.writeBytes(PlistFixture.binary(Map.of("IsAppExtension", false, "SessionHistory", history)));
        return out.toByteArray();
    }

    /** The database file's bytes. */
    public byte[] bytes() {
        return SqliteFixture.bytes(statements.toArray(new String[0]));
    }
}
