package org.bridle.ios.artifacts;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
import org.bridle.ios.fs.DumpEntry;
import org.bridle.ios.fs.DumpListing;

/**
 * {@code datausage}: the processes that used the network and how much, from DataUsage.sqlite ({@code ZPROCESS}
 * joined with {@code ZLIVEUSAGE}). Spyware processes show up here by name even after their files are gone, and
 * deleting their rows leaves traces this artifact flags: usage whose process record is gone (HIGH), and gaps in the
 * process ids (LOW), each gap given a placeholder entry.
 *
 * <p>Entries come in process-id order: for each process its live-usage rows (or the process alone when it has
 * none), and usage rows of deleted processes where their id would be.
 *
 * <p>On a filesystem dump (a source with a {@code @listing/}), a process with no bundle id whose binary (its name
 * up to the first {@code /}) is a file name found nowhere in the dump is flagged MEDIUM on its first entry; a name
 * of 15 or 16 characters, which may be truncated, counts as found when a file name starts with it.
 *
 * <p>The same class reads networkd's netusage.sqlite, which has the same tables ({@link #netusage()}).
 */
public final class DataUsage implements Artifact<DataUsage.Usage> {
    private static final DevicePath LISTING = DevicePath.of("@listing/");

    private final String id;
    private final String description;
    private final List<DevicePath> locations;

    /** {@code datausage}: DataUsage.sqlite. */
    public DataUsage() {
        this("datausage", "Network use by process, with traces of deleted process records, from DataUsage.sqlite",
                List.of(DevicePath.of("private/var/wireless/Library/Databases/DataUsage.sqlite")));
    }

    /** An artifact reading databases of DataUsage.sqlite's layout at other locations. */
    public DataUsage(String id, String description, List<DevicePath> locations) {
        this.id = id;
        this.description = description;
        this.locations = List.copyOf(locations);
    }

    /** {@code netusage}: networkd's netusage.sqlite, which only a filesystem dump holds. */
    public static DataUsage netusage() {
        return new DataUsage("netusage", "Network use by process, from networkd's netusage.sqlite",
                List.of(DevicePath.of("private/var/networkd/netusage.sqlite"),
                        DevicePath.of("private/var/networkd/db/netusage.sqlite")));
    }

    /** What an entry stands for. */
    public enum Kind {
        /** A live-usage row with its process. */
        LIVE_USAGE,
        /** A process with no live-usage row. */
        PROCESS,
        /** A live-usage row whose process record has been deleted. */
        DELETED_PROCESS_USAGE,
        /** A placeholder for process ids missing between two existing ones: deleted process records. */
        MISSING_PROCESS
    }

    /**
     * One entry; absent values are null.
     *
     * @param kind what the entry stands for
     * @param procId the process id ({@code ZPROCESS.Z_PK}); for {@link Kind#MISSING_PROCESS} the first missing id
     * @param procName the process name ({@code ZPROCNAME}), which may be {@code <uuid>/<bundle id>} or
     *     {@code <daemon>/<service>}
     * @param bundleId the app's bundle id ({@code ZBUNDLENAME})
     * @param firstIsodate when the process first used the network; for {@link Kind#MISSING_PROCESS} that of the
     *     process before the gap
     * @param isodate when the process last used the network
     * @param liveId the live-usage row ({@code ZLIVEUSAGE.Z_PK})
     * @param liveProcId the process id the live-usage row names ({@code ZHASPROCESS})
     * @param liveIsodate when the live-usage row was recorded
     * @param wifiIn bytes received over Wi-Fi (a column older layouts have)
     * @param wifiOut bytes sent over Wi-Fi (likewise)
     * @param wwanIn bytes received over the cellular network
     * @param wwanOut bytes sent over the cellular network
     * @param firstForProcess true on the first entry of a process that has a record, which puts the process's first
     *     and last use on the timeline (once per process, however many live-usage rows it has)
     */
    public record Usage(Kind kind, Long procId, String procName, String bundleId, Instant firstIsodate,
                        Instant isodate, Long liveId, Long liveProcId, Instant liveIsodate, Double wifiIn,
                        Double wifiOut, Double wwanIn, Double wwanOut, boolean firstForProcess) {
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<DevicePath> locations() {
        return locations;
    }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<Usage> out) throws Exception {
        try (SqliteEvidence db = context.database(file, out)) {
            if (!db.hasColumn("ZPROCESS", "Z_PK") || !db.hasColumn("ZLIVEUSAGE", "ZHASPROCESS")) {
                out.note(file.devicePath() + " has no ZPROCESS and ZLIVEUSAGE tables of the known layout");
                return;
            }
            String process = String.join(", ", "p.Z_PK AS proc_id",
                    db.columnOrNull("ZPROCESS", "p", "ZPROCNAME") + " AS proc_name",
                    db.columnOrNull("ZPROCESS", "p", "ZBUNDLENAME") + " AS bundle_id",
                    db.columnOrNull("ZPROCESS", "p", "ZFIRSTTIMESTAMP") + " AS first_time",
                    db.columnOrNull("ZPROCESS", "p", "ZTIMESTAMP") + " AS last_time");
            String live = String.join(", ", db.columnOrNull("ZLIVEUSAGE", "l", "Z_PK") + " AS live_id",
                    "l.ZHASPROCESS AS live_proc_id",
                    db.columnOrNull("ZLIVEUSAGE", "l", "ZTIMESTAMP") + " AS live_time",
                    db.columnOrNull("ZLIVEUSAGE", "l", "ZWIFIIN") + " AS wifi_in",
                    db.columnOrNull("ZLIVEUSAGE", "l", "ZWIFIOUT") + " AS wifi_out",
                    db.columnOrNull("ZLIVEUSAGE", "l", "ZWWANIN") + " AS wwan_in",
                    db.columnOrNull("ZLIVEUSAGE", "l", "ZWWANOUT") + " AS wwan_out");
            String noLive = "NULL AS live_id, NULL AS live_proc_id, NULL AS live_time, NULL AS wifi_in, "
                    + "NULL AS wifi_out, NULL AS wwan_in, NULL AS wwan_out";
            String sql = "SELECT * FROM ("
                    + "SELECT " + process + ", " + live
                    + " FROM ZLIVEUSAGE l LEFT JOIN ZPROCESS p ON l.ZHASPROCESS = p.Z_PK"
                    + " UNION ALL SELECT " + process + ", " + noLive + " FROM ZPROCESS p"
                    + " WHERE NOT EXISTS (SELECT 1 FROM ZLIVEUSAGE l WHERE l.ZHASPROCESS = p.Z_PK))"
                    + " ORDER BY coalesce(proc_id, live_proc_id), live_id";
            Reader reader = new Reader(out, missingBinaries(db, context));
            db.query(sql, reader::row);
        }
    }

    /**
     * The binary names of the processes without bundle id that no file of the dump is named after; empty when the
     * source is not a filesystem dump.
     */
    private static Set<String> missingBinaries(SqliteEvidence db, ParseContext context) throws Exception {
        List<EvidenceFile> listing = context.source().resolve(LISTING);
        if (listing.isEmpty() || !db.hasColumn("ZPROCESS", "ZPROCNAME")) {
            return Set.of();
        }
        Set<String> missing = new HashSet<>();
        String bundle = db.hasColumn("ZPROCESS", "ZBUNDLENAME") ? " WHERE ZBUNDLENAME IS NULL OR ZBUNDLENAME = ''" : "";
        db.query("SELECT DISTINCT ZPROCNAME AS name FROM ZPROCESS" + bundle, row -> {
            String binary = binary(row.string("name"));
            if (binary != null) {
                missing.add(binary);
            }
        });
        if (missing.isEmpty()) {
            return missing;
        }
        List<String> truncated = missing.stream().filter(DataUsage::mayBeTruncated).toList();
        try (InputStream in = listing.get(0).open()) {
            DumpListing.read(in, new DumpListing.Visitor() {
                @Override
                public void entry(DumpEntry e) {
                    if (e.type() != DumpEntry.Type.FOLDER) {
                        String name = e.name();
                        missing.remove(name);
                        truncated.stream().filter(name::startsWith).forEach(missing::remove);
                    }
                }

                @Override
                public void problem(String text) {
                    // what the dump left out is reported by the filesystem artifact
                }
            });
        }
        return missing;
    }

    /** The binary a process name stands for: the name up to its first {@code /}; null when empty. */
    private static String binary(String procName) {
        if (procName == null) {
            return null;
        }
        int slash = procName.indexOf('/');
        String name = slash < 0 ? procName : procName.substring(0, slash);
        return name.isEmpty() ? null : name;
    }

    private static boolean mayBeTruncated(String name) {
        return name.length() == 15 || name.length() == 16;
    }

    /** Turns the rows of one database into entries, remembering the last process seen to find gaps. */
    private static final class Reader {
        private final Emitter<Usage> out;
        private final Set<String> missingBinaries;
        private Usage lastProcess;

        Reader(Emitter<Usage> out, Set<String> missingBinaries) {
            this.out = out;
            this.missingBinaries = missingBinaries;
        }

        void row(SqlRow row) throws Exception {
            Long procId = row.integer("proc_id");
            Long liveId = row.integer("live_id");
            Instant liveTime = cocoa(row.real("live_time"));
            if (procId == null) {
                Long liveProcId = row.integer("live_proc_id");
                out.entry(new Usage(Kind.DELETED_PROCESS_USAGE, null, null, null, null, null, liveId, liveProcId,
                        liveTime, row.real("wifi_in"), row.real("wifi_out"), row.real("wwan_in"),
                        row.real("wwan_out"), false),
                        new Finding(Severity.HIGH, "Process record deleted: network use was recorded for process id "
                                + liveProcId + ", which ZPROCESS no longer holds", liveTime));
                return;
            }
            if (lastProcess != null && procId > lastProcess.procId() + 1) {
                missing(lastProcess.procId() + 1, procId - 1);
            }
            boolean first = lastProcess == null || !procId.equals(lastProcess.procId());
            Usage usage = new Usage(liveId == null ? Kind.PROCESS : Kind.LIVE_USAGE, procId,
                    row.string("proc_name"), row.string("bundle_id"), cocoa(row.real("first_time")),
                    cocoa(row.real("last_time")), liveId, row.integer("live_proc_id"), liveTime,
                    row.real("wifi_in"), row.real("wifi_out"), row.real("wwan_in"), row.real("wwan_out"), first);
            String binary = binary(usage.procName());
            boolean noBundle = usage.bundleId() == null || usage.bundleId().isEmpty();
            if (first && noBundle && binary != null && missingBinaries.contains(binary)) {
                out.entry(usage, new Finding(Severity.MEDIUM, "No file of the dump is named " + binary
                        + ", the binary of process " + usage.procName() + " (which has no bundle id)"
                        + (mayBeTruncated(binary) ? "; the name may have been truncated in the database" : ""),
                        liveTime != null ? liveTime : usage.firstIsodate()));
            } else {
                out.entry(usage);
            }
            if (first) {
                lastProcess = usage;
            }
        }

        private void missing(long from, long to) {
            String what = from == to ? "Process id " + from + " is missing after process %d (%s): its record"
                    : "Process ids " + from + " to " + to + " are missing after process %d (%s): their records";
            out.entry(new Usage(Kind.MISSING_PROCESS, from, null, null, lastProcess.firstIsodate(), null, null, null,
                    null, null, null, null, null, false),
                    new Finding(Severity.LOW, String.format(what, lastProcess.procId(), lastProcess.procName())
                            + " may have been deleted", lastProcess.firstIsodate()));
        }

        /** A Core Data time in Cocoa seconds; 0 means none. */
        private static Instant cocoa(Double seconds) {
            return seconds == null || seconds == 0 ? null : AppleTime.fromCocoaSeconds(seconds);
        }
    }

    @Override
    public List<Observable> observables(Usage usage) {
        List<Observable> observables = new ArrayList<>(3);
        if (usage.procName() != null && !usage.procName().isEmpty()) {
            observables.add(Observable.process(usage.procName()));
        }
        if (usage.bundleId() != null && !usage.bundleId().isEmpty()) {
            observables.add(Observable.process(usage.bundleId()));
            observables.add(Observable.appId(usage.bundleId()));
        }
        return observables;
    }

    /**
     * MVT's events: a live-usage row gives {@code live_usage} (at the process's first use when the row has no
     * time), and the first entry of a process also
     * {@code first_usage} and {@code current_usage}; a process without usage gives {@code first_usage} only, a
     * missing-process placeholder {@code missing_process}.
     */
    @Override
    public List<TimelineEvent> timeline(Usage usage) {
        String who = usage.procName() + " (bundle id: " + usage.bundleId() + ", id: " + usage.procId() + ")";
        List<TimelineEvent> events = new ArrayList<>(3);
        switch (usage.kind()) {
            case LIVE_USAGE, DELETED_PROCESS_USAGE -> {
                String process = usage.kind() == Kind.LIVE_USAGE ? who
                        : "deleted process (id: " + usage.liveProcId() + ")";
                Instant time = usage.liveIsodate() != null ? usage.liveIsodate() : usage.firstIsodate();
                add(events, time, "live_usage", process + " WWAN in: " + usage.wwanIn()
                        + ", WWAN out: " + usage.wwanOut());
                if (usage.firstForProcess()) {
                    add(events, usage.firstIsodate(), "first_usage", who);
                    add(events, usage.isodate(), "current_usage", who);
                }
            }
            case PROCESS -> add(events, usage.firstIsodate(), "first_usage", who);
            case MISSING_PROCESS -> add(events, usage.firstIsodate(), "missing_process",
                    "process id " + usage.procId() + " missing");
        }
        return events;
    }

    private void add(List<TimelineEvent> events, Instant time, String event, String description) {
        if (time != null) {
            events.add(new TimelineEvent(time, id(), event, description));
        }
    }
}
