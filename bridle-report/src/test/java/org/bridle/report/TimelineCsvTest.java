package org.bridle.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.bridle.core.io.ScratchDirectory;
import org.bridle.core.model.TimelineEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimelineCsvTest {
    private static final String[] TEXTS = {"", "a", "b", "say \"hi\"", "\"", "\"\"", "line\nbreak\r", "é ü 日本語",
        "emoji 😀", "lone \ud800", "\udc00 low", "end high \ud83d", "\u0000\u001f", "x\"".repeat(40_000)};
    private static final Instant[] TIMES = {Instant.EPOCH, Instant.parse("2019-08-29T23:13:30.539788Z"),
        Instant.parse("2019-08-29T23:13:30.539789Z"), Instant.parse("+10000-01-01T00:00:00Z"),
        Instant.parse("-0001-06-01T12:00:00Z"), Instant.ofEpochSecond(-1, 999_999_999)};

    @TempDir
    Path dir;

    private static List<TimelineEvent> events(long seed, int count) {
        Random random = new Random(seed);
        List<TimelineEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // names are often the same instance, and sometimes equal texts of other instances
            events.add(new TimelineEvent(TIMES[random.nextInt(TIMES.length)], text(random, 4),
                    text(random, TEXTS.length), text(random, TEXTS.length)));
        }
        return events;
    }

    private static String text(Random random, int bound) {
        String text = TEXTS[random.nextInt(bound)];
        return random.nextInt(4) == 0 ? new String(text) : text;
    }

    /** The format spelled out with a character writer (which encodes a lone surrogate as ?): what the file holds. */
    private static byte[] plainCsv(List<TimelineEvent> sorted, Path file) throws IOException {
        try (Writer out = new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8)) {
            out.write("\"UTC Timestamp\",\"Plugin\",\"Event\",\"Description\"\n");
            for (TimelineEvent e : sorted) {
                List<String> fields = List.of(ReportJson.TIME.format(e.time()), e.artifact(), e.event(),
                        e.description());
                List<String> quoted = fields.stream().map(f -> "\"" + f.replace("\"", "\"\"") + "\"").toList();
                out.write(String.join(",", quoted) + "\n");
            }
        }
        return Files.readAllBytes(file);
    }

    @Test
    void writesTheBytesOfAPlainCharacterWriter() throws IOException {
        List<TimelineEvent> events = events(1, 2_000);
        events.sort(TimelineCsv.ORDER);
        Path file = dir.resolve("timeline.csv");
        try (TimelineCsv.Writer out = new TimelineCsv.Writer(file)) {
            TimelineRecord record = new TimelineRecord();
            for (TimelineEvent event : events) {
                record.set(event);
                out.add(record);
            }
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(plainCsv(events, dir.resolve("plain.csv")));
    }

    @Test
    void ordersByTimeThenArtifactEventAndDescription() {
        Comparator<TimelineEvent> spelledOut = Comparator.comparing(TimelineEvent::time)
                .thenComparing(TimelineEvent::artifact)
                .thenComparing(TimelineEvent::event)
                .thenComparing(TimelineEvent::description);
        List<TimelineEvent> events = events(2, 300);
        for (TimelineEvent a : events) {
            for (TimelineEvent b : events) {
                assertThat(Integer.signum(TimelineCsv.ORDER.compare(a, b)))
                        .isEqualTo(Integer.signum(spelledOut.compare(a, b)));
            }
        }
    }

    @Test
    void spilledChunksKeepEveryStringExactly() throws IOException {
        List<TimelineEvent> events = events(3, 500);
        Path spilled = dir.resolve("spilled.csv");
        Path inMemory = dir.resolve("memory.csv");
        try (ScratchDirectory scratch = ScratchDirectory.create()) {
            SortedTimeline small = new SortedTimeline(scratch, 2);
            SortedTimeline large = new SortedTimeline(scratch, 1_000_000);
            for (TimelineEvent event : events) {
                small.addAll(List.of(event));
                large.addAll(List.of(event));
            }
            try (var files = Files.walk(scratch.root())) {
                assertThat(files.filter(Files::isRegularFile).count()).as("250 spills, merged when 100")
                        .isBetween(1L, (long) SortedTimeline.MERGE_WIDTH);
            }
            small.writeCsv(spilled);
            large.writeCsv(inMemory);
        }
        List<TimelineEvent> sorted = new ArrayList<>(events);
        sorted.sort(TimelineCsv.ORDER);
        assertThat(Files.readAllBytes(spilled)).isEqualTo(Files.readAllBytes(inMemory))
                .isEqualTo(plainCsv(sorted, dir.resolve("plain.csv")));
    }
}
