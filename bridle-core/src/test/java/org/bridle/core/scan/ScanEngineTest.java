package org.bridle.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.Finding;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.indicators.Indicator;
import org.bridle.core.indicators.IndicatorMatch;
import org.bridle.core.indicators.IndicatorMatcher;
import org.bridle.core.indicators.IndicatorType;
import org.bridle.core.model.Alert;
import org.bridle.core.model.Observable;
import org.bridle.core.model.ObservableKind;
import org.bridle.core.model.Severity;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;
import org.bridle.core.source.LocalEvidenceFile;
import org.bridle.core.source.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanEngineTest {
    @TempDir
    Path dir;

    /** A folder whose files are the device: device path = path under the folder. */
    private final class FolderSource implements Source {
        @Override
        public String description() {
            return "test folder";
        }

        @Override
        public List<EvidenceFile> resolve(DevicePath location) throws IOException {
            if (location.path().equals("broken/lookup")) {
                throw new IOException("the index is damaged");
            }
            Path file = dir.resolve(location.path());
            if (location.path().startsWith("listed/") || Files.exists(file)) {
                return List.of(new LocalEvidenceFile(location.path(), location.path(), file, s -> Optional.empty()));
            }
            return List.of();
        }

        @Override
        public void forEachFile(Consumer<EvidenceFile> visitor) {
        }

        @Override
        public void close() {
        }
    }

    record Line(int number, String text) {
    }

    /** Records the order in which artifacts start. */
    private static final class StartOrder implements ScanListener {
        private final List<String> started = new ArrayList<>();

        @Override
        public synchronized void artifactStarted(String artifactId) {
            started.add(artifactId);
        }
    }

    /** Reads a text file, one entry per line; a line "boom" makes the parse throw after what came before. */
    private static final class LinesArtifact implements Artifact<Line> {
        private final String id;
        private final List<DevicePath> locations;

        LinesArtifact(String id, String... paths) {
            this.id = id;
            this.locations = java.util.Arrays.stream(paths).map(DevicePath::of).toList();
        }

        @Override public String id() { return id; }
        @Override public String description() { return "lines"; }
        @Override public List<DevicePath> locations() { return locations; }

        @Override
        public void parse(EvidenceFile file, ParseContext context, Emitter<Line> out) throws Exception {
            String[] lines = new String(file.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].equals("boom")) {
                    throw new IllegalStateException("line " + (i + 1) + " is corrupt");
                }
                if (lines[i].startsWith("ALERT")) {
                    out.entry(new Line(i + 1, lines[i]), new Finding(Severity.MEDIUM, "suspicious line", null));
                } else {
                    out.entry(new Line(i + 1, lines[i]));
                }
            }
            out.note("read " + lines.length + " lines");
            out.alert(new Finding(Severity.LOW, "file-level finding", Instant.EPOCH));
        }

        @Override
        public List<Observable> observables(Line line) {
            return List.of(new Observable(ObservableKind.DOMAIN, line.text()),
                    new Observable(ObservableKind.TEXT, line.text()));
        }

        @Override
        public List<TimelineEvent> timeline(Line line) {
            return List.of(new TimelineEvent(Instant.ofEpochSecond(line.number()), id, "line", line.text()));
        }
    }

    private static final Indicator EVIL = new Indicator(IndicatorType.DOMAIN, "evil.example", "Pegasus",
            "test.stix2", "indicator--1");

    /** The same indicator published again in another feed file. */
    private static final Indicator EVIL_AGAIN = new Indicator(IndicatorType.DOMAIN, "evil.example", "Pegasus",
            "other.stix2", "indicator--2");

    /**
     * Matches the literal value "evil.example" whatever the observable kind, from two feed files: the engine must
     * raise one alert.
     */
    private static final IndicatorMatcher MATCHER = o -> o.value().equals("evil.example")
            ? List.of(new IndicatorMatch(EVIL, o.value()), new IndicatorMatch(EVIL_AGAIN, o.value())) : List.of();

    @Test
    void oneFailingArtifactNeverStopsTheOthers() throws Exception {
        Files.writeString(dir.resolve("good.txt"), "hello\nevil.example\nALERT here");
        Files.writeString(dir.resolve("bad.txt"), "first\nboom\nnever read");
        MemorySink sink = new MemorySink();
        StartOrder listener = new StartOrder();

        ScanResult result = new ScanEngine(MATCHER, 3).run(new FolderSource(), List.of(
                new LinesArtifact("good", "good.txt"),
                new LinesArtifact("bad", "bad.txt"),
                new LinesArtifact("absent", "nothing.txt"),
                new LinesArtifact("missing", "listed/gone.txt"),
                new LinesArtifact("lookup", "broken/lookup")), sink, listener);

        assertThat(listener.started).containsExactlyInAnyOrder("good", "bad", "absent", "missing", "lookup");
        assertThat(result.outcomes()).extracting(ArtifactOutcome::artifactId)
                .containsExactly("good", "bad", "absent", "missing", "lookup");
        assertThat(sink.outcome("good").status()).isEqualTo(ArtifactOutcome.Status.FOUND);
        assertThat(sink.outcome("good").entries()).isEqualTo(3);
        assertThat(sink.outcome("good").notes()).containsExactly("read 3 lines");

        ArtifactOutcome bad = sink.outcome("bad");
        assertThat(bad.status()).isEqualTo(ArtifactOutcome.Status.FAILED);
        assertThat(bad.entries()).isEqualTo(1);
        assertThat(bad.failures()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("bad.txt");
            assertThat(f.reason()).isEqualTo("line 2 is corrupt");
        });
        assertThat(sink.<Line>entries("bad")).containsExactly(new Line(1, "first"));

        assertThat(sink.outcome("absent").status()).isEqualTo(ArtifactOutcome.Status.NOT_PRESENT);
        assertThat(sink.outcome("absent").missing()).isEmpty();
        assertThat(sink.outcome("missing").status()).isEqualTo(ArtifactOutcome.Status.NOT_PRESENT);
        assertThat(sink.outcome("missing").missing()).containsExactly("listed/gone.txt (listed/gone.txt)");
        assertThat(sink.outcome("lookup").status()).isEqualTo(ArtifactOutcome.Status.FAILED);
        assertThat(sink.outcome("lookup").failures().get(0).reason()).contains("the index is damaged");

        assertThat(result.count(ArtifactOutcome.Status.FAILED)).isEqualTo(2);
        assertThat(sink.evidence()).containsOnlyKeys("good.txt", "bad.txt");
    }

    @Test
    void theArtifactsWithTheMostBytesStartFirstAndOutcomesKeepTheListOrder() throws Exception {
        Files.writeString(dir.resolve("small.txt"), "a");
        Files.writeString(dir.resolve("large.txt"), "a\nb\nc\nd\ne\nf");
        Files.writeString(dir.resolve("medium.txt"), "a\nb");
        StartOrder listener = new StartOrder();

        ScanResult result = new ScanEngine(MATCHER, 1).run(new FolderSource(), List.of(
                new LinesArtifact("small", "small.txt"),
                new LinesArtifact("absent", "nothing.txt"),
                new LinesArtifact("large", "large.txt"),
                new LinesArtifact("both", "small.txt", "medium.txt")), new MemorySink(), listener);

        assertThat(listener.started).containsExactly("large", "both", "small", "absent");
        assertThat(result.outcomes()).extracting(ArtifactOutcome::artifactId)
                .containsExactly("small", "absent", "large", "both");
    }

    @Test
    void matchesObservablesOncePerIndicatorAndKeepsHeuristicFindings() throws Exception {
        Files.writeString(dir.resolve("good.txt"), "hello\nevil.example\nALERT here");
        MemorySink sink = new MemorySink();

        ScanResult result = new ScanEngine(MATCHER, 1).run(new FolderSource(),
                List.of(new LinesArtifact("good", "good.txt")), sink, ScanListener.NONE);

        List<Alert> alerts = result.alerts();
        assertThat(alerts).hasSize(3);
        Alert match = alerts.stream().filter(a -> a.matchedIndicator() != null).findFirst().orElseThrow();
        assertThat(match.level()).isEqualTo(Severity.HIGH);
        assertThat(match.event()).isEqualTo(new Line(2, "evil.example"));
        assertThat(match.eventTime()).isEqualTo(Instant.ofEpochSecond(2));
        assertThat(match.matchedIndicator().name()).isEqualTo("Pegasus");
        assertThat(match.matchedIndicator().stix2FileName()).isEqualTo("test.stix2");
        Alert heuristic = alerts.stream().filter(a -> a.level() == Severity.MEDIUM).findFirst().orElseThrow();
        assertThat(heuristic.event()).isEqualTo(new Line(3, "ALERT here"));
        assertThat(heuristic.eventTime()).isEqualTo(Instant.ofEpochSecond(3));
        assertThat(alerts).anySatisfy(a -> {
            assertThat(a.level()).isEqualTo(Severity.LOW);
            assertThat(a.event()).isNull();
        });
        assertThat(result.detections()).hasSize(3);
        assertThat(result.alertsBySeverity()).containsEntry(Severity.HIGH, 1L).containsEntry(Severity.CRITICAL, 0L);
        assertThat(sink.timeline()).hasSize(3);
    }

    @Test
    void aFileSystemErrorIsGivenAsAReasonNotAsAPath() {
        assertThat(ScanEngine.reason(new AccessDeniedException("/b/3d/3d0d")))
                .isEqualTo("the file cannot be read: permission denied");
        assertThat(ScanEngine.reason(new NoSuchFileException("/b/3d/3d0d")))
                .isEqualTo("the file cannot be read: it does not exist");
        assertThat(ScanEngine.reason(new FileSystemException("/b/3d/3d0d", null, "Is a directory")))
                .isEqualTo("the file cannot be read: Is a directory");
        assertThat(ScanEngine.reason(new IOException("disk I/O error"))).isEqualTo("disk I/O error");
    }
}
