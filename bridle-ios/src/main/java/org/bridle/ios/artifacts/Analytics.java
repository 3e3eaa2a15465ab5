package org.bridle.ios.artifacts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.model.Observable;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * {@code analytics}: the events of the Security framework's analytics databases (keychain, CloudKit sync, trust,
 * networking; dump only). Their failure reports name processes and hosts, so every string in an event is checked
 * as a process name and as a URL or domain.
 */
public final class Analytics implements Artifact<Analytics.Event> {

    /**
     * One event.
     *
     * @param artifact the database's file name, such as {@code ckks_analytics.db}
     * @param table the table it came from ({@code hard_failures}, {@code soft_failures}, {@code notes},
     *     {@code all_events})
     * @param rowId the row id ({@code id})
     * @param isodate when it was recorded ({@code timestamp})
     * @param data the decoded {@code data} (usually a dictionary with keys such as {@code eventType},
     *     {@code build}, {@code errorDomain}); null when absent or undecodable
     */
    public record Event(String artifact, String table, Long rowId, Instant isodate, Object data) {
    }

    @Override
    public String id() {
        return "analytics";
    }

    @Override
    public String description() {
        return "Events of the Security framework's analytics databases (Keychains/Analytics/*.db)";
    }

    @Override
    public List<DevicePath> locations() {
        return KeychainAnalyticsStore.LOCATIONS;
    }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<Event> out) throws Exception {
        String name = file.devicePath().substring(file.devicePath().lastIndexOf('/') + 1);
        KeychainAnalyticsStore.read(file, context, out,
                (table, rowId, time, data) -> out.entry(new Event(name, table, rowId, time, data)));
    }

    @Override
    public List<Observable> observables(Event event) {
        Set<String> strings = new LinkedHashSet<>();
        collectStrings(event.data(), strings);
        List<Observable> observables = new ArrayList<>(strings.size() * 2);
        for (String s : strings) {
            observables.add(Observable.process(s));
            observables.add(Observable.url(s));
        }
        return observables;
    }

    private static void collectStrings(Object value, Set<String> strings) {
        if (value instanceof String s && !s.isBlank()) {
            strings.add(s);
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> collectStrings(v, strings));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collectStrings(v, strings));
        }
    }

    @Override
    public List<TimelineEvent> timeline(Event event) {
        if (event.isodate() == null) {
            return List.of();
        }
        String type = event.data() instanceof Map<?, ?> map && map.get("eventType") instanceof String s ? s : null;
        return List.of(new TimelineEvent(event.isodate(), id(), event.table(), event.artifact() + " " + event.table()
                + (type == null ? "" : ": " + type)));
    }
}
