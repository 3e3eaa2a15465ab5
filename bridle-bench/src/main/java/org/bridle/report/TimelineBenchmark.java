package org.bridle.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bridle.core.io.ScratchDirectory;
import org.bridle.core.model.TimelineEvent;
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
 * The timeline of the end-to-end benchmark's case, on one thread ({@link SortedTimeline} is package-private, hence
 * the package): 100,000 {@code manifest} events of one time in no order of their descriptions, added alternately
 * with 200,000 {@code sms} events a minute apart, then 100,000 {@code safari_history} events 30 seconds apart; in
 * chunks of {@link ReportWriter#TIMELINE_CHUNK}, sorted, encoded, spilled, then merged into {@code timeline.csv}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
public class TimelineBenchmark {
    private static final Instant FILES = Instant.parse("2021-01-15T10:00:00Z");
    private static final Instant START = Instant.parse("2023-01-01T00:00:00Z");

    /** The events of each entry, in the order they are added. */
    private final List<List<TimelineEvent>> entries = new ArrayList<>();
    private ScratchDirectory scratch;
    private Path csv;

    @Setup
    public void setUp() throws IOException {
        scratch = ScratchDirectory.create();
        csv = Files.createTempFile("timeline-bench", ".csv");
        List<Integer> files = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            files.add(i);
        }
        Collections.shuffle(files, new Random(6));
        for (int i = 0; i < 200_000; i++) {
            if (i % 2 == 0) {
                int file = files.get(i / 2);
                entries.add(List.of(new TimelineEvent(FILES, "manifest", "M-CB", "Documents/f" + file % 100 + "/file"
                        + file + ".dat - AppDomain-com.example.app" + file % 200)));
            }
            entries.add(List.of(new TimelineEvent(START.plusSeconds(60L * (i + 1)), "sms", "sms_received",
                    "SMS message received from +15555550123: \"\"Message " + i + ": see https://news" + i
                            + ".example.org/story/" + i + " later\"\"")));
        }
        for (int i = 0; i < 100_000; i++) {
            entries.add(List.of(new TimelineEvent(START.plusSeconds(30L * (i + 1)), "safari_history",
                    "safari_history", "Safari visit to https://site" + i + ".example.com/page/" + i + " (ID: " + i
                            + ", Visit ID: " + i + ")")));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        scratch.close();
        Files.delete(csv);
    }

    @Benchmark
    public long caseTimeline() throws IOException {
        SortedTimeline timeline = new SortedTimeline(scratch, ReportWriter.TIMELINE_CHUNK);
        for (List<TimelineEvent> events : entries) {
            timeline.addAll(events);
        }
        timeline.writeCsv(csv);
        return Files.size(csv);
    }
}
