package org.bridle.ios.artifacts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.Finding;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.io.PlistValues;
import org.bridle.core.io.Plists;
import org.bridle.core.model.Observable;
import org.bridle.core.model.Severity;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * {@code profile_events}: when configuration profiles were installed or removed, and by which process, from
 * {@code MCProfileEvents.plist}.
 *
 * <p>Heuristic: every event is flagged INFORMATIONAL (MVT flags it LOW): a profile install is worth a look, but
 * managed phones install profiles routinely, so it alone must not turn a check's verdict into a detection.
 */
public final class ProfileEvents implements Artifact<ProfileEvents.Event> {
    private static final String EVENTS = "ProfileEvents";

    /**
     * One event; values the file lacks read as null.
     *
     * @param profileId the profile's identifier
     * @param timestamp when it happened
     * @param operation what happened, such as {@code install} or {@code remove}
     * @param process the process that did it
     */
    public record Event(String profileId, Instant timestamp, String operation, String process) {
    }

    @Override
    public String id() {
        return "profile_events";
    }

    @Override
    public String description() {
        return "Installs and removals of configuration profiles, from MCProfileEvents.plist";
    }

    @Override
    public List<DevicePath> locations() {
        return List.of(
                DevicePath.of("@sysshared/systemgroup.com.apple.configurationprofiles/Library/ConfigurationProfiles/"
                        + "MCProfileEvents.plist"),
                DevicePath.of("private/var/mobile/Library/ConfigurationProfiles/MCProfileEvents.plist"));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void parse(EvidenceFile file, ParseContext context, Emitter<Event> out) throws Exception {
        Map<String, Object> plist = Plists.parseMap(file.readAllBytes());
        if (!(plist.get(EVENTS) instanceof List<?>)) {
            out.note("the file has no " + EVENTS + " list; no events read");
            return;
        }
        int skipped = 0;
        for (Object item : PlistValues.list(plist, EVENTS)) {
            if (item instanceof Map<?, ?> event && event.size() == 1
                    && event.values().iterator().next() instanceof Map<?, ?> details) {
                Event entry = event((String) event.keySet().iterator().next(), (Map<String, Object>) details);
                out.entry(entry, new Finding(Severity.INFORMATIONAL, "Process \"" + entry.process() + "\" started operation \""
                        + entry.operation() + "\" of profile \"" + entry.profileId() + "\"", entry.timestamp()));
            } else {
                skipped++;
            }
        }
        if (skipped > 0) {
            out.note(skipped + " item(s) of " + EVENTS + " are not one profile id with its details; skipped");
        }
    }

    /** An event from its details, whose keys are compared without case. */
    private static Event event(String profileId, Map<String, Object> details) {
        Instant timestamp = null;
        String operation = null;
        String process = null;
        for (Map.Entry<String, Object> e : details.entrySet()) {
            switch (e.getKey().toLowerCase(Locale.ROOT)) {
                case "timestamp" -> timestamp = PlistValues.time(e.getValue());
                case "operation" -> operation = e.getValue() instanceof String s ? s : null;
                case "process" -> process = e.getValue() instanceof String s ? s : null;
                default -> {
                    // other details are not part of the entry
                }
            }
        }
        return new Event(profileId, timestamp, operation, process);
    }

    @Override
    public List<Observable> observables(Event event) {
        List<Observable> observables = new ArrayList<>(3);
        String process = event.process();
        if (process != null && !process.isEmpty()) {
            observables.add(Observable.process(process));
            String name = process.substring(process.lastIndexOf('/') + 1);
            if (!name.equals(process) && !name.isEmpty()) {
                observables.add(Observable.process(name));
            }
        }
        if (event.profileId() != null && !event.profileId().isEmpty()) {
            observables.add(Observable.profileId(event.profileId()));
        }
        return observables;
    }

    @Override
    public List<TimelineEvent> timeline(Event event) {
        if (event.timestamp() == null) {
            return List.of();
        }
        return List.of(new TimelineEvent(event.timestamp(), id(), "profile_operation", "Process " + event.process()
                + " started operation " + event.operation() + " of profile " + event.profileId()));
    }
}
