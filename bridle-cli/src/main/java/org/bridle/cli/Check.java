package org.bridle.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.model.Alert;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.core.scan.ScanEngine;
import org.bridle.core.scan.ScanResult;
import org.bridle.core.scan.ScanSink;
import org.bridle.core.source.EvidenceKind;
import org.bridle.core.source.InputException;
import org.bridle.core.source.PasswordSource;
import org.bridle.core.source.Source;
import org.bridle.report.ConsoleSummary;
import org.bridle.report.ReportWriter;
import org.bridle.report.RunInfo;

/**
 * Runs a check: opens one kind of evidence, runs its artifacts with the indicators, writes the reports and prints the
 * summary; returns the exit code. Every problem becomes one sentence and a documented exit code.
 */
final class Check {
    private final Console console;
    private final String kindId;
    private final String commandName;

    /**
     * @param kindId the {@link EvidenceKind} to check
     * @param commandName the command as the user typed it, for messages such as "Try 'bridle ios check-backup --help'"
     */
    Check(Console console, String kindId, String commandName) {
        this.console = console;
        this.kindId = kindId;
        this.commandName = commandName;
    }

    /**
     * Checks {@code input} (null: only allowed with {@code --list-artifacts}), asking {@code passwords} if it is
     * encrypted.
     */
    int run(Path input, CheckOptions options, PasswordSource passwords) {
        console.verbose(options.verbose);
        EvidenceKind kind = kind(kindId);
        if (options.listArtifacts) {
            for (Artifact<?> artifact : kind.artifacts()) {
                console.out().printf("%-32s %s%n", artifact.id(), artifact.description());
            }
            return ExitCode.CLEAN;
        }
        if (input == null) {
            return usage("Missing the evidence to check.");
        }
        List<Artifact<?>> artifacts;
        try {
            artifacts = selected(kind.artifacts(), options.artifacts);
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        if (options.output != null && Outputs.isInside(options.output, input)) {
            return usage("The output folder " + options.output + " is inside the evidence " + input
                    + ": choose a folder outside it, so the evidence stays unchanged.");
        }
        IndicatorLoading loading = IndicatorLoading.start(options.iocs, !options.noBuiltinIocs);
        Prepared prepared;
        LoadedIndicators indicators;
        try {
            prepared = prepare(kind, input, passwords, loading, artifacts, options.output != null);
            indicators = loading.await();
        } catch (InputException e) {
            console.error(e.getMessage(), e.getCause());
            return ExitCode.INPUT_ERROR;
        }
        indicators.reportProblems(console);
        try (Source source = prepared.source()) {
            console.err().println("bridle: checking " + source.description() + " (" + artifacts.size()
                    + " artifacts, " + indicators.count() + " indicators)");
            source.notes().forEach(note -> console.err().println("bridle: " + note));
            ScanResult result = scan(source, prepared.plan(), indicators, input, options);
            if (options.verbose) {
                printFailureTraces(result);
            }
            console.out().print(ConsoleSummary.render(result, options.output));
            return exitCode(result);
        } catch (IOException e) {
            console.error("The reports cannot be written to " + options.output + ": " + reason(e) + ".", e);
            return ExitCode.INPUT_ERROR;
        }
    }

    /** An opened source with the files of the artifacts to run looked up. */
    private record Prepared(Source source, ScanEngine.ScanPlan plan) {
    }

    /**
     * Opens the evidence, looks up the artifacts' files in it and, when reports will be written, sets up their
     * writing, all while the indicators load (an encrypted backup's key derivation overlaps them too), then waits
     * for the indicators. When both the opening and the indicators fail, the indicators' error is the one thrown,
     * as when they loaded first; the source is then closed.
     */
    private static Prepared prepare(EvidenceKind kind, Path input, PasswordSource passwords, IndicatorLoading loading,
                                    List<Artifact<?>> artifacts, boolean reports) throws InputException {
        Source source;
        try {
            source = kind.open(input, passwords);
        } catch (InputException e) {
            loading.await();
            throw e;
        }
        ScanEngine.ScanPlan plan = ScanEngine.plan(source, artifacts);
        if (reports) {
            ReportWriter.prepare();
        }
        try {
            loading.await();
        } catch (InputException e) {
            source.close();
            throw e;
        }
        return new Prepared(source, plan);
    }

    private ScanResult scan(Source source, ScanEngine.ScanPlan plan, LoadedIndicators indicators, Path input,
                            CheckOptions options) throws IOException {
        ScanEngine engine = new ScanEngine(indicators.set(), Runtime.getRuntime().availableProcessors());
        Progress progress = new Progress(console.err(), Progress.stderrIsTerminal());
        if (options.output == null) {
            return engine.run(source, plan, new DiscardingSink(), progress);
        }
        try (ReportWriter writer = new ReportWriter(options.output)) {
            ScanResult result = engine.run(source, plan, writer, progress);
            List<RunInfo.FileHash> hashes = options.hashes ? EvidenceHashes.all(source) : null;
            writer.finish(result, new RunInfo(Version.get(), commandName, input.toString(),
                    indicators.files(), source.notes()), hashes);
            return result;
        }
    }

    private void printFailureTraces(ScanResult result) {
        for (ArtifactOutcome o : result.outcomes()) {
            for (ArtifactOutcome.Failure f : o.failures()) {
                if (f.cause() != null) {
                    console.err().println("bridle: " + o.artifactId() + " failed on " + f.file() + ":");
                    f.cause().printStackTrace(console.err());
                }
            }
        }
    }

    /** Why a file operation failed, in words (the message of a file-system exception is only its path). */
    static String reason(IOException e) {
        if (e instanceof FileAlreadyExistsException) {
            return "a file, not a folder, has that name";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "a folder on its way does not exist";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? "an input/output error" : e.getMessage();
    }

    private static int exitCode(ScanResult result) {
        if (!result.detections().isEmpty()) {
            return ExitCode.DETECTIONS;
        }
        return result.count(ArtifactOutcome.Status.FAILED) > 0 ? ExitCode.INCOMPLETE : ExitCode.CLEAN;
    }

    private static List<Artifact<?>> selected(List<Artifact<?>> all, List<String> ids) {
        if (ids.isEmpty()) {
            return all;
        }
        Map<String, Artifact<?>> byId = new LinkedHashMap<>();
        all.forEach(a -> byId.put(a.id(), a));
        List<Artifact<?>> chosen = new ArrayList<>();
        for (String id : ids) {
            Artifact<?> artifact = byId.get(id);
            if (artifact == null) {
                throw new IllegalArgumentException("Unknown artifact '" + id + "'; known: "
                        + String.join(", ", byId.keySet()) + ".");
            }
            if (!chosen.contains(artifact)) {
                chosen.add(artifact);
            }
        }
        return chosen;
    }

    private int usage(String sentence) {
        console.err().println("bridle: " + sentence);
        console.err().println("Try '" + commandName + " --help' for usage.");
        return ExitCode.USAGE;
    }

    /** The kind of evidence of this id, found through the service loader. */
    static EvidenceKind kind(String kindId) {
        for (EvidenceKind kind : ServiceLoader.load(EvidenceKind.class)) {
            if (kind.id().equals(kindId)) {
                return kind;
            }
        }
        throw new IllegalStateException("this build of bridle lacks support for " + kindId);
    }

    /** Keeps nothing: for checks without {@code --output}, which print only the summary. */
    private static final class DiscardingSink implements ScanSink {
        @Override
        public void entry(String artifactId, Object entry, List<TimelineEvent> timeline, List<Alert> alerts) {
        }

        @Override
        public void alert(Alert alert) {
        }

        @Override
        public void evidenceRead(String devicePath, String origin, String sha256) {
        }

        @Override
        public void artifactFinished(ArtifactOutcome outcome) {
        }
    }

    /** Whether a folder lies inside another, comparing real paths where they exist. */
    static final class Outputs {
        private Outputs() {
        }

        static boolean isInside(Path output, Path evidence) {
            try {
                Path evidenceReal = evidence.toRealPath();
                return resolveExisting(output).startsWith(evidenceReal);
            } catch (IOException e) {
                return false;
            }
        }

        private static Path resolveExisting(Path path) throws IOException {
            Path absolute = path.toAbsolutePath().normalize();
            Path existing = absolute;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing == null) {
                return absolute;
            }
            return existing.toRealPath().resolve(existing.relativize(absolute));
        }
    }
}
