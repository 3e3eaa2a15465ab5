package org.bridle.ios.artifacts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.io.AppleTime;
import org.bridle.core.io.EvidenceFormatException;
import org.bridle.core.io.PlistValues;
import org.bridle.core.io.Plists;
import org.bridle.core.io.SqliteEvidence;
import org.bridle.core.model.Observable;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * {@code safari_browser_state}: Safari's open tabs from {@code BrowserState.db} (each profile's), with the pages of
 * each tab's back-forward history decoded from its session data.
 */
public final class SafariBrowserState implements Artifact<SafariBrowserState.Tab> {
    private static final Pattern PROFILE = Pattern.compile("/Profiles/([^/]+)/BrowserState\\.db$");
    private static final byte[] BPLIST = "bplist".getBytes(StandardCharsets.US_ASCII);
    /** Safari writes a 4-byte header before the property list of a session. */
    private static final int SESSION_HEADER = 4;

    /**
     * One open tab; absent columns are null.
     *
     * @param tabTitle the page title
     * @param tabUrl the page URL
     * @param tabVisibleUrl the URL the address bar shows
     * @param lastViewedTimestamp when the tab was last looked at
     * @param privateBrowsing true for a private tab
     * @param sessionData the tab's back-forward history, oldest first
     * @param safariProfile the Safari profile's folder name, or null for the default profile
     * @param safariBrowserStateDb the device path of the database
     */
    public record Tab(String tabTitle, String tabUrl, String tabVisibleUrl, Instant lastViewedTimestamp,
                      Boolean privateBrowsing, List<SessionEntry> sessionData, String safariProfile,
                      String safariBrowserStateDb) {
    }

    /**
     * One page of a tab's back-forward history.
     *
     * @param entryTitle its title
     * @param entryUrl its URL
     * @param entryOriginalUrl the URL first asked for, before any redirect
     * @param dataLength the size of the page state WebKit keeps for it
     */
    public record SessionEntry(String entryTitle, String entryUrl, String entryOriginalUrl, int dataLength) {
    }

    @Override
    public String id() {
        return "safari_browser_state";
    }

    @Override
    public String description() {
        return "Safari open tabs and their back-forward history from BrowserState.db";
    }

    @Override
    public List<DevicePath> locations() {
        return List.of(
                DevicePath.of("private/var/mobile/Library/Safari/BrowserState.db"),
                DevicePath.of("private/var/mobile/Library/Safari/Profiles/*/BrowserState.db"),
                DevicePath.of("@app/com.apple.mobilesafari/Library/Safari/BrowserState.db"),
                DevicePath.of("@app/com.apple.mobilesafari/Library/Safari/Profiles/*/BrowserState.db"));
    }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<Tab> out) throws Exception {
        try (SqliteEvidence db = context.database(file, out)) {
            if (!db.hasColumn("tabs", "url")) {
                out.note("BrowserState.db has no tabs table with URLs; no tabs read");
                return;
            }
            List<String> select = new ArrayList<>();
            for (String column : List.of("title", "url", "user_visible_url", "last_viewed_time", "private_browsing")) {
                select.add(db.columnOrNull("tabs", "t", column) + " AS " + column);
            }
            String from = " FROM tabs t";
            if (db.hasColumn("tabs", "session_data")) {
                select.add("t.session_data AS session_data");
            } else if (db.hasColumn("tab_sessions", "session_data") && db.hasColumn("tab_sessions", "tab_uuid")
                    && db.hasColumn("tabs", "uuid")) {
                select.add("s.session_data AS session_data");
                from += " LEFT JOIN tab_sessions s ON s.tab_uuid = t.uuid";
            }
            String profile = profile(file.devicePath());
            int[] undecodable = {0};
            db.query("SELECT " + String.join(", ", select) + from + " ORDER BY last_viewed_time", row -> {
                byte[] session = row.bytes("session_data");
                List<SessionEntry> entries = List.of();
                if (session != null && session.length > 0) {
                    entries = sessionEntries(session);
                    if (entries == null) {
                        undecodable[0]++;
                        entries = List.of();
                    }
                }
                Double viewed = row.real("last_viewed_time");
                Long privateTab = row.integer("private_browsing");
                out.entry(new Tab(row.string("title"), row.string("url"), row.string("user_visible_url"),
                        viewed == null ? null : AppleTime.fromCocoaSeconds(viewed),
                        privateTab == null ? null : privateTab == 1, entries, profile, file.devicePath()));
            });
            if (undecodable[0] > 0) {
                out.note(undecodable[0] + " tab session(s) are not a property list (with or without Safari's "
                        + "4-byte header); their back-forward history is left empty");
            }
        }
    }

    /** The back-forward entries of a session blob, or null when it is not a property list. */
    static List<SessionEntry> sessionEntries(byte[] session) {
        byte[] plist = startsWithBplist(session, 0) ? session
                : startsWithBplist(session, SESSION_HEADER) ? Arrays.copyOfRange(session, SESSION_HEADER, session.length)
                : null;
        if (plist == null) {
            return null;
        }
        Map<String, Object> root;
        try {
            root = Plists.parseMap(plist);
        } catch (EvidenceFormatException notAPlist) {
            return null;
        }
        List<SessionEntry> entries = new ArrayList<>();
        for (Object item : PlistValues.list(PlistValues.dictionary(root, "SessionHistory"), "SessionHistoryEntries")) {
            if (item instanceof Map<?, ?>) {
                @SuppressWarnings("unchecked")
                Map<String, Object> entry = (Map<String, Object>) item;
                Object data = entry.get("SessionHistoryEntryData");
                entries.add(new SessionEntry(PlistValues.string(entry, "SessionHistoryEntryTitle"),
                        PlistValues.string(entry, "SessionHistoryEntryURL"),
                        PlistValues.string(entry, "SessionHistoryEntryOriginalURL"),
                        data instanceof byte[] bytes ? bytes.length : 0));
            }
        }
        return List.copyOf(entries);
    }

    private static boolean startsWithBplist(byte[] data, int offset) {
        return data.length >= offset + BPLIST.length
                && Arrays.equals(data, offset, offset + BPLIST.length, BPLIST, 0, BPLIST.length);
    }

    private static String profile(String devicePath) {
        Matcher m = PROFILE.matcher(devicePath);
        return m.find() ? m.group(1) : null;
    }

    @Override
    public List<Observable> observables(Tab tab) {
        Set<String> urls = new LinkedHashSet<>();
        urls.add(tab.tabUrl());
        urls.add(tab.tabVisibleUrl());
        for (SessionEntry entry : tab.sessionData()) {
            urls.add(entry.entryUrl());
            urls.add(entry.entryOriginalUrl());
        }
        List<Observable> observables = new ArrayList<>(urls.size());
        for (String url : urls) {
            if (url != null && !url.isEmpty()) {
                observables.add(Observable.url(url));
            }
        }
        return observables;
    }

    @Override
    public List<TimelineEvent> timeline(Tab tab) {
        if (tab.lastViewedTimestamp() == null) {
            return List.of();
        }
        return List.of(new TimelineEvent(tab.lastViewedTimestamp(), id(), "tab",
                "Safari tab viewed: " + tab.tabTitle() + " - " + tab.tabUrl()));
    }
}
