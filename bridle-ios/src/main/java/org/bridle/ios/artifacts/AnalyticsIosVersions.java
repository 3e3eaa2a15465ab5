package org.bridle.ios.artifacts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * {@code analytics_ios_versions}: which iOS builds the phone ran and when, from the {@code build} that the Security
 * framework's analytics databases record with each event (dump only). A phone that ran an old, exploitable build
 * during a period of interest shows it here. Entries are per database: each keeps its own span of events.
 */
public final class AnalyticsIosVersions implements Artifact<AnalyticsIosVersions.Build> {

    /**
     * One build seen in one database.
     *
     * @param build the iOS build, such as {@code 18C66}
     * @param isodate the earliest event time with this build
     * @param lastSeen the latest event time with this build
     * @param events how many events carry this build
     * @param artifact the database's file name
     */
    public record Build(String build, Instant isodate, Instant lastSeen, long events, String artifact) {
    }

    @Override
    public String id() {
        return "analytics_ios_versions";
    }

    @Override
    public String description() {
        return "iOS builds the phone ran, and when, from the Keychains/Analytics databases";
    }

    @Override
    public List<DevicePath> locations() {
        return KeychainAnalyticsStore.LOCATIONS;
    }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<Build> out) throws Exception {
        String name = file.devicePath().substring(file.devicePath().lastIndexOf('/') + 1);
        Map<String, Build> builds = new TreeMap<>();
        KeychainAnalyticsStore.read(file, context, out, (table, rowId, time, data) -> {
            if (data instanceof Map<?, ?> map && map.get("build") instanceof String build && !build.isBlank()
                    && time != null) {
                builds.merge(build, new Build(build, time, time, 1, name), AnalyticsIosVersions::merge);
            }
        });
        builds.values().stream().sorted((a, b) -> a.isodate().compareTo(b.isodate())).forEach(out::entry);
    }

    private static Build merge(Build a, Build b) {
        return new Build(a.build(), a.isodate().isBefore(b.isodate()) ? a.isodate() : b.isodate(),
                a.lastSeen().isAfter(b.lastSeen()) ? a.lastSeen() : b.lastSeen(), a.events() + b.events(),
                a.artifact());
    }

    @Override
    public List<TimelineEvent> timeline(Build build) {
        return List.of(new TimelineEvent(build.isodate(), id(), "analytics_ios_version",
                "iOS build " + build.build() + " first seen in " + build.artifact() + " (last seen "
                        + build.lastSeen() + ", " + build.events() + " events)"));
    }
}
