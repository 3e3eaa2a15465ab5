package org.bridle.ios.artifacts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.Finding;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.io.AppleTime;
import org.bridle.core.io.SqlRow;
import org.bridle.core.io.SqliteEvidence;
import org.bridle.core.model.Observable;
import org.bridle.core.model.Severity;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * {@code safari_history}: every visit in Safari's {@code History.db} (each profile's), with the visits it was
 * redirected from and to.
 *
 * <p>Heuristic (Amnesty's method for network injection, as used against Pegasus targets): a visit to an
 * {@code http://} URL that was redirected, less than a second later, to a visit on another host (a leading
 * {@code www.} ignored) may have been hijacked on the network.
 */
public final class SafariHistory implements Artifact<SafariHistory.Visit> {
    private static final Duration INJECTION_WINDOW = Duration.ofSeconds(1);
    private static final Pattern PROFILE = Pattern.compile("/Profiles/([^/]+)/History\\.db$");

    /**
     * One visit; a column the database lacks reads as null.
     *
     * @param id the history item (URL) id
     * @param url the URL visited
     * @param visitId the visit id
     * @param isodate when the visit happened
     * @param title the page title
     * @param redirectSource the visit that was redirected to this one
     * @param redirectSourceUrl that visit's URL
     * @param redirectSourceTime that visit's time
     * @param redirectDestination the visit this one was redirected to
     * @param redirectDestinationUrl that visit's URL
     * @param redirectDestinationTime that visit's time
     * @param safariProfile the Safari profile's folder name, or null for the default profile
     * @param safariHistoryDb the device path of the database
     */
    public record Visit(long id, String url, long visitId, Instant isodate, String title,
                        Long redirectSource, String redirectSourceUrl, Instant redirectSourceTime,
                        Long redirectDestination, String redirectDestinationUrl, Instant redirectDestinationTime,
                        String safariProfile, String safariHistoryDb) {
    }

    @Override
    public String id() {
        return "safari_history";
    }

    @Override
    public String description() {
        return "Safari visits and redirects from History.db, with network-injection redirects flagged";
    }

    @Override
    public List<DevicePath> locations() {
        return List.of(
                DevicePath.of("private/var/mobile/Library/Safari/History.db"),
                DevicePath.of("private/var/mobile/Library/Safari/Profiles/*/History.db"),
                DevicePath.of("@app/com.apple.mobilesafari/Library/Safari/History.db"),
                DevicePath.of("@app/com.apple.mobilesafari/Library/Safari/Profiles/*/History.db"));
    }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<Visit> out) throws Exception {
        try (SqliteEvidence db = context.database(file, out)) {
            Set<String> items = db.columns("history_items");
            Set<String> visits = db.columns("history_visits");
            if (!items.containsAll(List.of("id", "url"))
                    || !visits.containsAll(List.of("id", "history_item", "visit_time"))) {
                out.note("History.db has no history_items and history_visits tables with their ids, URLs and "
                        + "visit times; no visits read");
                return;
            }
            String profile = profile(file.devicePath());
            db.query(query(visits), row -> emit(row, profile, file.devicePath(), out));
        }
    }

    private static String query(Set<String> visitColumns) {
        List<String> select = new ArrayList<>(List.of("i.id AS id", "i.url AS url", "v.id AS visit_id",
                "v.visit_time AS visit_time"));
        StringBuilder from = new StringBuilder(" FROM history_visits v JOIN history_items i ON i.id = v.history_item");
        if (visitColumns.contains("title")) {
            select.add("v.title AS title");
        }
        for (String link : List.of("redirect_source", "redirect_destination")) {
            if (visitColumns.contains(link)) {
                String visit = link + "_v";
                String item = link + "_i";
                select.add("v." + link + " AS " + link);
                select.add(item + ".url AS " + link + "_url");
                select.add(visit + ".visit_time AS " + link + "_time");
                from.append(" LEFT JOIN history_visits ").append(visit).append(" ON ").append(visit)
                        .append(".id = v.").append(link)
                        .append(" LEFT JOIN history_items ").append(item).append(" ON ").append(item)
                        .append(".id = ").append(visit).append(".history_item");
            }
        }
        return "SELECT " + String.join(", ", select) + from + " ORDER BY v.visit_time, v.id";
    }

    private void emit(SqlRow row, String profile, String database, Emitter<Visit> out) throws Exception {
        Visit visit = new Visit(row.integer("id"), row.string("url"), row.integer("visit_id"),
                cocoa(row.real("visit_time")), row.string("title"),
                row.integer("redirect_source"), row.string("redirect_source_url"),
                cocoa(row.real("redirect_source_time")),
                row.integer("redirect_destination"), row.string("redirect_destination_url"),
                cocoa(row.real("redirect_destination_time")), profile, database);
        Finding injection = injection(visit);
        if (injection == null) {
            out.entry(visit);
        } else {
            out.entry(visit, injection);
        }
    }

    /** The finding when the visit looks like a network injection, else null. */
    static Finding injection(Visit visit) {
        if (visit.url() == null || !visit.url().toLowerCase(Locale.ROOT).startsWith("http://")
                || visit.redirectDestinationUrl() == null || visit.isodate() == null
                || visit.redirectDestinationTime() == null) {
            return null;
        }
        String from = host(visit.url());
        String to = host(visit.redirectDestinationUrl());
        if (from.equals(to)) {
            return null;
        }
        Duration elapsed = Duration.between(visit.isodate(), visit.redirectDestinationTime());
        if (elapsed.isNegative() || elapsed.compareTo(INJECTION_WINDOW) >= 0) {
            return null;
        }
        return new Finding(Severity.MEDIUM, "Possible network injection: the HTTP visit to " + visit.url()
                + " was redirected to " + visit.redirectDestinationUrl() + " (another domain) in "
                + elapsed.toMillis() + " ms", visit.isodate());
    }

    /** The host of a URL in lower case, without user info, port or a leading {@code www.}; empty when none. */
    static String host(String url) {
        int start = url.indexOf("://");
        String rest = start < 0 ? url : url.substring(start + 3);
        int end = 0;
        while (end < rest.length() && "/?#".indexOf(rest.charAt(end)) < 0) {
            end++;
        }
        String authority = rest.substring(0, end);
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = host.lastIndexOf(':');
        if (colon >= 0 && !host.endsWith("]")) {
            host = host.substring(0, colon);
        }
        host = host.toLowerCase(Locale.ROOT);
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    private static String profile(String devicePath) {
        Matcher m = PROFILE.matcher(devicePath);
        return m.find() ? m.group(1) : null;
    }

    private static Instant cocoa(Double seconds) {
        return seconds == null ? null : AppleTime.fromCocoaSeconds(seconds);
    }

    @Override
    public List<Observable> observables(Visit visit) {
        return Observable.urls(visit.url(), visit.redirectSourceUrl(), visit.redirectDestinationUrl());
    }

    @Override
    public List<TimelineEvent> timeline(Visit visit) {
        if (visit.isodate() == null) {
            return List.of();
        }
        String url = String.valueOf(visit.url());
        // sized at once (two numbers of up to 20 characters): the concatenation's builder would grow, copying
        String description = new StringBuilder(url.length() + 80).append("Safari visit to ").append(url)
                .append(" (ID: ").append(visit.id()).append(", Visit ID: ").append(visit.visitId()).append(')')
                .toString();
        return List.of(new TimelineEvent(visit.isodate(), id(), "safari_history", description));
    }
}
