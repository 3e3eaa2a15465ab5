package org.bridle.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.bridle.core.concurrent.TaskFailure;
import org.bridle.core.io.ScratchDirectory;
import org.bridle.core.model.Alert;
import org.bridle.core.model.MatchedIndicator;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.core.scan.ScanResult;
import org.bridle.core.scan.ScanSink;

/**
 * Writes a scan into an output folder in the shapes of MVT's output, as results arrive:
 * {@code <id>.json} (the artifact's entries, a JSON array written entry by entry), {@code <id>_detected.json} (the
 * entries that raised alerts, only when there are some), and, when the scan {@linkplain #finish finishes},
 * {@code alerts.json}, {@code timeline.csv}, {@code alerts_timeline.csv} and {@code info.json}. Memory stays bounded:
 * entries are written as they arrive and timeline events beyond a chunk are spilled, sorted, to a private scratch
 * folder that is removed on {@link #close()}.
 */
public final class ReportWriter implements ScanSink, AutoCloseable {
    /**
     * How many timeline events are held in memory before a sorted chunk is spilled to the scratch folder: about 10 MB
     * of events, small enough that the chunk does not decide the heap's size (200,000 did: a check's peak memory grew
     * with the number of chunks a full collection could catch alive), large enough that a merge of millions of events
     * reads few files.
     */
    static final int TIMELINE_CHUNK = 50_000;

    private final Path folder;
    private final ObjectMapper json = ReportJson.mapper();
    private final Map<String, ArtifactFiles> artifacts = new ConcurrentHashMap<>();
    private final ScratchDirectory scratch = ScratchDirectory.create();
    private final SortedTimeline timeline = new SortedTimeline(scratch, TIMELINE_CHUNK);
    private final SortedTimeline alertsTimeline = new SortedTimeline(scratch, TIMELINE_CHUNK);
    private final Map<String, RunInfo.FileHash> evidenceRead = new LinkedHashMap<>();

    /**
     * Sets up the JSON conventions of the reports now (a Jackson mapper: a tenth of a second in a fresh JVM) rather
     * than in the first writer, so that a command can do it while it waits for something else.
     */
    public static void prepare() {
        ReportJson.mapper();
    }

    /** A writer into {@code folder}, which is created when missing. */
    public ReportWriter(Path folder) throws IOException {
        this.folder = Files.createDirectories(folder);
    }

    /** The output folder. */
    public Path folder() {
        return folder;
    }

    @Override
    public void entry(String artifactId, Object entry, List<TimelineEvent> events, List<Alert> alerts)
            throws IOException {
        ArtifactFiles files = artifacts.get(artifactId);
        if (files == null) {
            // only then: the constructor reference captures this writer, an allocation per entry
            files = artifacts.computeIfAbsent(artifactId, ArtifactFiles::new);
        }
        files.entries().add(entry);
        if (!alerts.isEmpty()) {
            files.detected().add(entry);
        }
        timeline.addAll(events);
        if (!alerts.isEmpty()) {
            alertsTimeline.addAll(events);
        }
    }

    @Override
    public void alert(Alert alert) {
        // alerts are written from the scan result when the scan finishes
    }

    @Override
    public synchronized void evidenceRead(String devicePath, String origin, String sha256) {
        evidenceRead.put(origin, new RunInfo.FileHash(devicePath, origin, sha256));
    }

    @Override
    public void artifactFinished(ArtifactOutcome outcome) throws IOException {
        ArtifactFiles files = artifacts.remove(outcome.artifactId());
        if (files != null) {
            files.close();
        } else if (outcome.status() != ArtifactOutcome.Status.NOT_PRESENT) {
            Files.writeString(folder.resolve(outcome.artifactId() + ".json"), "[]\n");
        }
    }

    /**
     * Writes the files that need the whole scan: alerts, timelines and info.json. {@code timeline.csv}, the largest,
     * is written by a thread of its own meanwhile; this returns when every file is written.
     *
     * @param hashes the SHA-256 of every file of the evidence ({@code --hashes}), or null to list only the files read
     */
    public void finish(ScanResult result, RunInfo run, Collection<RunInfo.FileHash> hashes) throws IOException {
        FutureTask<Void> timelineCsv = new FutureTask<>(() -> {
            timeline.writeCsv(folder.resolve("timeline.csv"));
            return null;
        });
        Thread writer = new Thread(timelineCsv, "bridle-timeline");
        writer.start();
        try {
            writeAlertsAndInfo(result, run, hashes);
        } finally {
            awaitTimeline(timelineCsv);
        }
    }

    private void writeAlertsAndInfo(ScanResult result, RunInfo run, Collection<RunInfo.FileHash> hashes)
            throws IOException {
        List<AlertJson> alerts = result.alerts().stream().map(AlertJson::of).toList();
        json.writeValue(folder.resolve("alerts.json").toFile(), alerts);
        alertsTimeline.writeCsv(folder.resolve("alerts_timeline.csv"));
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("bridle_version", run.version());
        info.put("command", run.command());
        info.put("target_path", run.input());
        info.put("source", result.source());
        info.put("date", ReportJson.format(result.started()));
        info.put("finished", ReportJson.format(result.finished()));
        info.put("ioc_files", run.indicatorFiles());
        info.put("source_notes", run.sourceNotes());
        info.put("artifacts", result.outcomes().stream().map(OutcomeJson::of).toList());
        synchronized (this) {
            // artifacts read their files on several threads: in the order of their paths, not of the reads
            info.put("hashes", hashes != null ? List.copyOf(hashes) : evidenceRead.values().stream()
                    .sorted(Comparator.comparing(RunInfo.FileHash::filePath).thenComparing(RunInfo.FileHash::origin))
                    .toList());
        }
        json.writeValue(folder.resolve("info.json").toFile(), info);
    }

    /** Waits for {@code timeline.csv} to be written (even when interrupted) and rethrows what its writing threw. */
    private static void awaitTimeline(FutureTask<Void> timelineCsv) throws IOException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    timelineCsv.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw TaskFailure.rethrow(e.getCause(), IOException.class, IOException::new);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Closes the files of artifacts that did not finish (after a failure of the scan itself) and removes spills. */
    @Override
    public void close() throws IOException {
        try {
            for (ArtifactFiles files : artifacts.values()) {
                files.close();
            }
            artifacts.clear();
        } finally {
            scratch.close();
        }
    }

    /** The entry files of one artifact; used by one thread at a time. */
    private final class ArtifactFiles {
        private final String id;
        private EntryArrayFile entries;
        private EntryArrayFile detected;

        ArtifactFiles(String id) {
            this.id = id;
        }

        EntryArrayFile entries() throws IOException {
            if (entries == null) {
                entries = new EntryArrayFile(folder.resolve(id + ".json"));
            }
            return entries;
        }

        EntryArrayFile detected() throws IOException {
            if (detected == null) {
                detected = new EntryArrayFile(folder.resolve(id + "_detected.json"));
            }
            return detected;
        }

        void close() throws IOException {
            try (EntryArrayFile first = entries; EntryArrayFile second = detected) {
                // both files are closed, each once, even when the first fails
            }
        }
    }

    /** An alert in MVT's alerts.json shape. */
    record AlertJson(String level, String module, String message, Instant eventTime, Object event,
                     MatchedIndicator matchedIndicator) {
        static AlertJson of(Alert alert) {
            return new AlertJson(alert.level().name(), alert.artifact(), alert.message(), alert.eventTime(),
                    alert.event(), alert.matchedIndicator());
        }
    }

    /** An artifact's outcome as info.json lists it. */
    record OutcomeJson(String id, String status, long entries, long alerts, List<String> files, List<String> missing,
                       List<FailureJson> failures, List<String> notes, long milliseconds) {
        static OutcomeJson of(ArtifactOutcome o) {
            return new OutcomeJson(o.artifactId(), o.status().name(), o.entries(), o.alerts(), o.files(), o.missing(),
                    o.failures().stream().map(f -> new FailureJson(f.file(), f.reason())).toList(), o.notes(),
                    o.elapsed().toMillis());
        }
    }

    /** A failure as info.json lists it. */
    record FailureJson(String file, String reason) {
    }
}
