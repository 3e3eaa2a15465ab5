package org.bridle.ios.artifacts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * {@code webkit_resource_load_statistics}: the domains WebKit's tracking prevention has seen load, from the
 * {@code observations.db} of Safari and of every app that shows web pages ({@code ObservedDomains}).
 */
public final class WebkitResourceLoadStatistics implements Artifact<WebkitResourceLoadStatistics.ObservedDomain> {
    /** Under a home or container folder; SafariViewService keeps it one folder up, in {@code WebsiteData}. */
    private static final String RELATIVE = "Library/WebKit/WebsiteData/**/observations.db";

    /**
     * One observed domain; absent columns are null.
     *
     * @param domainId its id in the database
     * @param registrableDomain the domain (its registrable part, such as {@code example.com})
     * @param lastSeenIsodate when WebKit last saw a load from it
     * @param hadUserInteraction true when the user interacted with a page of it
     * @param mostRecentUserInteractionTimeIsodate when the user last did, or null for never
     * @param mostRecentWebPushInteractionTimeIsodate when the user last interacted with its web push notification
     * @param isPrevalent true when WebKit classifies it as a tracker
     * @param observationsDb the device path of the database: the container or folder says which app loaded it
     */
    public record ObservedDomain(long domainId, String registrableDomain, Instant lastSeenIsodate,
                                 Boolean hadUserInteraction, Instant mostRecentUserInteractionTimeIsodate,
                                 Instant mostRecentWebPushInteractionTimeIsodate, Boolean isPrevalent,
                                 String observationsDb) {
    }

    @Override
    public String id() {
        return "webkit_resource_load_statistics";
    }

    @Override
    public String description() {
        return "Domains seen by WebKit's tracking prevention (observations.db) in Safari and in apps";
    }

    @Override
    public List<DevicePath> locations() {
        List<DevicePath> locations = new ArrayList<>();
        locations.add(DevicePath.of("private/var/mobile/" + RELATIVE));
        for (String container : List.of("@app", "@group", "@plugin", "@sysdata", "@sysshared")) {
            locations.add(DevicePath.of(container + "/*/**/" + RELATIVE));
        }
        return locations;
    }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<ObservedDomain> out) throws Exception {
        try (SqliteEvidence db = context.database(file, out)) {
            if (!db.hasColumn("ObservedDomains", "registrableDomain")) {
                out.note("observations.db has no ObservedDomains table with domains");
                return;
            }
            List<String> select = new ArrayList<>(List.of("o.registrableDomain AS registrableDomain"));
            for (String column : List.of("domainID", "lastSeen", "hadUserInteraction", "mostRecentUserInteractionTime",
                    "mostRecentWebPushInteractionTime", "isPrevalent")) {
                select.add(db.columnOrNull("ObservedDomains", "o", column) + " AS " + column);
            }
            db.query("SELECT " + String.join(", ", select) + " FROM ObservedDomains o ORDER BY o.ROWID",
                    row -> out.entry(domain(row, file.devicePath())));
        }
    }

    private static ObservedDomain domain(SqlRow row, String database) throws Exception {
        Long id = row.integer("domainID");
        return new ObservedDomain(id == null ? 0 : id, row.string("registrableDomain"), unixTime(row.real("lastSeen")),
                flag(row.integer("hadUserInteraction")), unixTime(row.real("mostRecentUserInteractionTime")),
                unixTime(row.real("mostRecentWebPushInteractionTime")), flag(row.integer("isPrevalent")), database);
    }

    private static Boolean flag(Long value) {
        return value == null ? null : value != 0;
    }

    /** WebKit's times: Unix seconds with a fraction; negative (WebKit writes -1) or 0 means never. */
    private static Instant unixTime(Double seconds) {
        return seconds == null || seconds <= 0 ? null : AppleTime.fromUnixSeconds(seconds);
    }

    @Override
    public List<Observable> observables(ObservedDomain domain) {
        String name = domain.registrableDomain();
        return name == null || name.isEmpty() ? List.of() : List.of(Observable.domain(name));
    }

    @Override
    public List<TimelineEvent> timeline(ObservedDomain domain) {
        if (domain.lastSeenIsodate() == null) {
            return List.of();
        }
        return List.of(new TimelineEvent(domain.lastSeenIsodate(), id(), "visit",
                "WebKit resource loaded from " + domain.registrableDomain() + " (" + domain.observationsDb() + ")"));
    }
}
