package org.bridle.core.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.Finding;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.indicators.Indicator;
import org.bridle.core.indicators.IndicatorMatch;
import org.bridle.core.indicators.IndicatorMatcher;
import org.bridle.core.indicators.IndicatorType;
import org.bridle.core.io.ScratchDirectory;
import org.bridle.core.model.Alert;
import org.bridle.core.model.MatchedIndicator;
import org.bridle.core.model.Observable;
import org.bridle.core.model.Severity;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;
import org.bridle.core.source.Source;

/**
 * Runs artifacts over a source: resolves each artifact's locations, parses every file, matches every entry's
 * observables against the indicators (one alert per entry for each indicator value and family, however many
 * observables or feed files match it), and hands entries, timeline events and alerts to a sink as they arrive.
 * One artifact's failure on one file is recorded in its outcome and never stops the others. Artifacts run in
 * parallel on up to {@code threads} threads; every artifact's files are looked up first, and those with the most
 * bytes to read start first, so that the longest work does not start last. Outcomes and alerts keep the order of
 * the artifact list.
 */
public final class ScanEngine {
    /** The level of an alert raised by an indicator match. */
    public static final Severity INDICATOR_MATCH_LEVEL = Severity.HIGH;

    private final IndicatorMatcher indicators;
    private final int threads;

    public ScanEngine(IndicatorMatcher indicators, int threads) {
        this.indicators = Objects.requireNonNull(indicators);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.threads = threads;
    }

    /**
     * Runs the artifacts over the source.
     *
     * @throws IOException when the sink cannot write (the report, not the evidence, failed)
     */
    public ScanResult run(Source source, List<? extends Artifact<?>> artifacts, ScanSink sink, ScanListener listener)
            throws IOException {
        return run(source, plan(source, artifacts), sink, listener);
    }

    /**
     * Looks up every artifact's files in the source: the part of a scan that needs no indicators, so a command can
     * do it while they load. A look-up that fails is kept, and reported as that artifact's failure by {@link #run}.
     */
    public static ScanPlan plan(Source source, List<? extends Artifact<?>> artifacts) {
        return new ScanPlan(artifacts.stream().map(artifact -> plan(artifact, source)).toList());
    }

    /** Every artifact of a scan with its files looked up, in the order of the artifact list. */
    public static final class ScanPlan {
        private final List<Planned> artifacts;

        private ScanPlan(List<Planned> artifacts) {
            this.artifacts = artifacts;
        }
    }

    /**
     * Runs the planned artifacts over the source they were planned on.
     *
     * @throws IOException when the sink cannot write (the report, not the evidence, failed)
     */
    public ScanResult run(Source source, ScanPlan plan, ScanSink sink, ScanListener listener) throws IOException {
        List<Planned> plans = plan.artifacts;
        Instant started = Instant.now();
        listener.started(plans.size());
        List<ArtifactOutcome> outcomes = new ArrayList<>();
        List<List<Alert>> alerts = new ArrayList<>();
        try (ScratchDirectory scratch = ScratchDirectory.create()) {
            ParseContext context = new ParseContext(source, scratch, indicators);
            EvidenceHashes hashes = new EvidenceHashes();
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, plans.size())),
                    runnable -> {
                        Thread t = new Thread(runnable, "bridle-artifact");
                        t.setDaemon(true);
                        return t;
                    });
            try {
                List<Future<Run>> futures = new ArrayList<>(Collections.nCopies(plans.size(), null));
                for (int i : largestFirst(plans)) {
                    Planned planned = plans.get(i);
                    futures.set(i, pool.submit(() -> runArtifact(planned.artifact(), planned.lookups(), context,
                            hashes, sink, listener)));
                }
                for (Future<Run> future : futures) {
                    Run run = await(future);
                    outcomes.add(run.outcome);
                    alerts.add(run.alerts);
                }
            } finally {
                pool.shutdownNow();
            }
        }
        List<Alert> all = new ArrayList<>();
        alerts.forEach(all::addAll);
        return new ScanResult(source.description(), started, Instant.now(), List.copyOf(outcomes),
                Collections.unmodifiableList(all));
    }

    private static Run await(Future<Run> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("the scan was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("the scan engine failed", e.getCause());
        }
    }

    private record Run(ArtifactOutcome outcome, List<Alert> alerts) {
    }

    /** The files of one location, or why they could not be looked up. */
    private record Lookup(DevicePath location, List<EvidenceFile> files, Exception failure) {
    }

    /** An artifact with its files looked up, and how many bytes of them are present. */
    private record Planned(Artifact<?> artifact, List<Lookup> lookups, long bytes) {
    }

    private static Planned plan(Artifact<?> artifact, Source source) {
        List<Lookup> lookups = new ArrayList<>();
        long bytes = 0;
        for (DevicePath location : artifact.locations()) {
            try {
                List<EvidenceFile> files = source.resolve(location);
                lookups.add(new Lookup(location, files, null));
                for (EvidenceFile file : files) {
                    bytes += file.present() ? sizeOrZero(file) : 0;
                }
            } catch (IOException | RuntimeException e) {
                lookups.add(new Lookup(location, List.of(), e));
            }
        }
        return new Planned(artifact, lookups, bytes);
    }

    private static long sizeOrZero(EvidenceFile file) {
        try {
            return file.size();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The plans' indexes, those with the most bytes first (ties in list order): the longest work starts first. */
    private static List<Integer> largestFirst(List<Planned> plans) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong((Integer i) -> plans.get(i).bytes()).reversed());
        return order;
    }

    private <E> Run runArtifact(Artifact<E> artifact, List<Lookup> lookups, ParseContext context,
                                EvidenceHashes hashes, ScanSink sink, ScanListener listener) throws IOException {
        listener.artifactStarted(artifact.id());
        long start = System.nanoTime();
        ArtifactEmitter<E> emitter = new ArtifactEmitter<>(artifact, sink);
        List<String> files = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<ArtifactOutcome.Failure> failures = new ArrayList<>();
        for (Lookup lookup : lookups) {
            if (lookup.failure() != null) {
                failures.add(new ArtifactOutcome.Failure(lookup.location().toString(),
                        "cannot look up the file: " + reason(lookup.failure()), lookup.failure()));
                continue;
            }
            for (EvidenceFile file : lookup.files()) {
                if (!file.present()) {
                    missing.add(file.devicePath() + " (" + file.origin() + ")");
                    continue;
                }
                files.add(file.origin());
                try {
                    sink.evidenceRead(file.devicePath(), file.origin(), hashes.sha256(file));
                    artifact.parse(file, context, emitter);
                } catch (OutOfMemoryError e) {
                    failures.add(new ArtifactOutcome.Failure(file.origin(), "the file is too large to parse", e));
                } catch (SinkFailure e) {
                    throw e.getCause();
                } catch (Exception | StackOverflowError e) {
                    failures.add(new ArtifactOutcome.Failure(file.origin(), reason(e), e));
                }
            }
        }
        ArtifactOutcome.Status status = !failures.isEmpty() ? ArtifactOutcome.Status.FAILED
                : files.isEmpty() ? ArtifactOutcome.Status.NOT_PRESENT : ArtifactOutcome.Status.FOUND;
        ArtifactOutcome outcome = new ArtifactOutcome(artifact.id(), status, List.copyOf(files), emitter.entries,
                emitter.alerts.size(), List.copyOf(missing), List.copyOf(failures), List.copyOf(emitter.notes),
                Duration.ofNanos(System.nanoTime() - start));
        sink.artifactFinished(outcome);
        listener.artifactFinished(outcome);
        return new Run(outcome, emitter.alerts);
    }

    /**
     * Why a file failed, for people: the exception's message, except for file-system errors, whose message is only
     * the path (the reason is said instead).
     */
    static String reason(Throwable e) {
        if (e instanceof AccessDeniedException) {
            return "the file cannot be read: permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "the file cannot be read: it does not exist";
        }
        if (e instanceof FileSystemException fs) {
            return "the file cannot be read" + (fs.getReason() == null ? "" : ": " + fs.getReason());
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return message;
    }

    /** The sink failed: the report cannot be written, which stops the scan. */
    private static final class SinkFailure extends RuntimeException {
        SinkFailure(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    /** What makes two matches of one entry the same alert: the indicator's type, value and family. */
    private record MatchKey(IndicatorType type, String value, String family) {
        static MatchKey of(Indicator indicator) {
            return new MatchKey(indicator.type(), indicator.value(), indicator.family());
        }
    }

    /** Receives one artifact's entries, matches them and forwards them to the sink. */
    private final class ArtifactEmitter<E> implements Emitter<E> {
        private final Artifact<E> artifact;
        private final ScanSink sink;
        private final List<Alert> alerts = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private long entries;

        ArtifactEmitter(Artifact<E> artifact, ScanSink sink) {
            this.artifact = artifact;
            this.sink = sink;
        }

        @Override
        public void entry(E entry) {
            emit(entry, null);
        }

        @Override
        public void entry(E entry, Finding finding) {
            emit(entry, Objects.requireNonNull(finding, "finding"));
        }

        @Override
        public void alert(Finding finding) {
            Alert alert = new Alert(finding.level(), artifact.id(), finding.message(), finding.time(), null, null);
            alerts.add(alert);
            try {
                sink.alert(alert);
            } catch (IOException e) {
                throw new SinkFailure(e);
            }
        }

        @Override
        public void note(String message) {
            notes.add(message);
        }

        private void emit(E entry, Finding finding) {
            Objects.requireNonNull(entry, "entry");
            entries++;
            List<TimelineEvent> timeline = artifact.timeline(entry);
            Instant eventTime = timeline.isEmpty() ? null : timeline.get(0).time();
            List<Alert> raised = List.of();
            if (finding != null) {
                Instant time = finding.time() != null ? finding.time() : eventTime;
                raised = new ArrayList<>(2);
                raised.add(new Alert(finding.level(), artifact.id(), finding.message(), time, entry, null));
            }
            Map<MatchKey, IndicatorMatch> matches = null;
            List<Observable> observables = artifact.observables(entry);
            // an index loop: under the product's shallow inlining an iterator is an allocation per entry
            for (int i = 0; i < observables.size(); i++) {
                List<IndicatorMatch> found = indicators.match(observables.get(i));
                if (found.isEmpty()) {
                    continue;
                }
                if (matches == null) {
                    matches = new LinkedHashMap<>();
                }
                for (IndicatorMatch match : found) {
                    matches.putIfAbsent(MatchKey.of(match.indicator()), match);
                }
            }
            if (matches != null) {
                if (raised.isEmpty()) {
                    raised = new ArrayList<>(matches.size());
                }
                for (IndicatorMatch match : matches.values()) {
                    raised.add(indicatorAlert(match, eventTime, entry));
                }
            }
            if (!raised.isEmpty()) {
                alerts.addAll(raised);
            }
            try {
                sink.entry(artifact.id(), entry, timeline, raised);
            } catch (IOException e) {
                throw new SinkFailure(e);
            }
        }

        private Alert indicatorAlert(IndicatorMatch match, Instant time, Object entry) {
            Indicator indicator = match.indicator();
            String message = "\"" + match.observed() + "\" matches the " + indicator.type().stixKey()
                    + " indicator \"" + indicator.value() + "\" of " + indicator.family()
                    + " (" + indicator.sourceFile() + ")";
            return new Alert(INDICATOR_MATCH_LEVEL, artifact.id(), message, time, entry,
                    new MatchedIndicator(indicator.value(), indicator.type().stixKey(), indicator.family(),
                            indicator.sourceFile()));
        }
    }
}
