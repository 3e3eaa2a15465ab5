package org.bridle.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.core.scan.ScanResult;
import org.bridle.ios.artifacts.Sms;
import org.bridle.report.ReportJson;
import org.bridle.report.ReportWriter;
import org.bridle.report.RunInfo;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The report side of a check, on one thread, with 10,000 SMS entries shaped like those of the end-to-end benchmark
 * (two timeline events each). {@code entries}: the entries written to {@code sms.json} by {@link ReportWriter};
 * {@code entriesWithDatabind}: the same file written as the report wrote it before, by databind through Jackson's
 * pretty printer, for comparison; {@code timeline}: the entries and their 20,000 events, then {@code timeline.csv}
 * (sorted, merged from spilled chunks when they exceed a chunk); {@code spilledTimeline}: the same with 20 events an
 * entry, 200,000 in all, so that four chunks are sorted, encoded and spilled and then merged into {@code timeline.csv}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
public class ReportWriterBenchmark {
    private static final int ENTRIES = 10_000;
    private static final Instant START = Instant.parse("2023-01-01T00:00:00Z");

    private final List<Sms.Message> messages = new ArrayList<>();
    private final List<List<TimelineEvent>> events = new ArrayList<>();
    private final List<List<TimelineEvent>> manyEvents = new ArrayList<>();
    private Path folder;

    @Setup
    public void setUp() throws IOException {
        folder = Files.createTempDirectory("report-bench");
        for (int i = 1; i <= ENTRIES; i++) {
            String link = "https://news" + i + ".example.org/story/" + i;
            Instant time = START.plusSeconds(60L * i);
            messages.add(new Sms.Message((long) i, String.format("00000000-0000-4000-8000-%012d", i),
                    "Message " + i + ": see " + link + " later", "SMS", "P:+15555550100", 1L, "+15555550123",
                    "received", time, i % 3 == 0 ? time.plusSeconds(5) : null, List.of(link)));
            events.add(List.of(new TimelineEvent(time, "sms", "sms_received", "+15555550123: Message " + i),
                    new TimelineEvent(time.plusSeconds(5), "sms", "sms_read", "+15555550123: Message " + i)));
            List<TimelineEvent> many = new ArrayList<>();
            for (int j = 0; j < 20; j++) {
                // entries interleave in time, as those of several artifacts do
                many.add(new TimelineEvent(START.plusSeconds((i * 7919L + j * 104_729L) % 2_000_000), "sms",
                        j % 2 == 0 ? "sms_received" : "sms_read", "+15555550123: Message " + i + "/" + j));
            }
            manyEvents.add(many);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (var files = Files.walk(folder)) {
            for (Path p : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public long entries() throws IOException {
        Path out = folder.resolve("entries");
        try (ReportWriter writer = new ReportWriter(out)) {
            for (Sms.Message message : messages) {
                writer.entry("sms", message, List.of(), List.of());
            }
            writer.artifactFinished(outcome());
        }
        return Files.size(out.resolve("sms.json"));
    }

    @Benchmark
    public long entriesWithDatabind() throws IOException {
        Path file = folder.resolve("databind.json");
        ObjectMapper json = ReportJson.mapper();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             JsonGenerator generator = json.getFactory().createGenerator(out)) {
            generator.setCodec(json);
            generator.useDefaultPrettyPrinter();
            generator.writeStartArray();
            for (Sms.Message message : messages) {
                generator.writeObject(message);
            }
            generator.writeEndArray();
            generator.writeRaw('\n');
        }
        return Files.size(file);
    }

    @Benchmark
    public long timeline() throws IOException {
        return writeWithTimeline(events);
    }

    @Benchmark
    public long spilledTimeline() throws IOException {
        return writeWithTimeline(manyEvents);
    }

    private long writeWithTimeline(List<List<TimelineEvent>> eventsOfEntries) throws IOException {
        Path out = folder.resolve("timeline");
        try (ReportWriter writer = new ReportWriter(out)) {
            for (int i = 0; i < ENTRIES; i++) {
                writer.entry("sms", messages.get(i), eventsOfEntries.get(i), List.of());
            }
            writer.artifactFinished(outcome());
            writer.finish(new ScanResult("bench", START, START, List.of(outcome()), List.of()),
                    new RunInfo("bench", "bench", "bench", List.of(), List.of()), null);
        }
        return Files.size(out.resolve("timeline.csv"));
    }

    private static ArtifactOutcome outcome() {
        return new ArtifactOutcome("sms", ArtifactOutcome.Status.FOUND, List.of("sms.db"), ENTRIES, 0, List.of(),
                List.of(), List.of(), Duration.ZERO);
    }
}
