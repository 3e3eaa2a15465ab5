package org.bridle.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.bridle.core.model.TimelineEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimelineRecordTest {
    /** Pieces whose order in UTF-8 and in UTF-16 differ or that make a row inexact. */
    private static final String[] PIECES = {"", "a", "b", "ab", "\"", "é", "\u07ff", "\u0800", "\ud7ff", "\ue000",
        "\uffff", "\ufffd", "😀", "\ud800\udc00", "\udbff\udfff", "\ud800", "\udc00", ",", "\n", "\u0000", "?"};

    @TempDir
    Path dir;

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(4); i > 0; i--) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }

    private static List<TimelineEvent> events(long seed, int count) {
        Random random = new Random(seed);
        Instant[] times = {Instant.EPOCH, Instant.ofEpochSecond(0, 1), Instant.parse("+10000-01-01T00:00:00Z")};
        List<TimelineEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new TimelineEvent(times[random.nextInt(times.length)], text(random), text(random),
                    text(random)));
        }
        return events;
    }

    private static TimelineRecord record(TimelineEvent event) {
        TimelineRecord record = new TimelineRecord();
        record.set(event);
        return record;
    }

    @Test
    void comparesAsTheEventsCompare() {
        List<TimelineEvent> events = events(1, 400);
        for (TimelineEvent a : events) {
            TimelineRecord ra = record(a);
            for (TimelineEvent b : events) {
                assertThat(Integer.signum(ra.compareTo(record(b))))
                        .as("%s vs %s", a, b)
                        .isEqualTo(Integer.signum(TimelineCsv.ORDER.compare(a, b)));
            }
        }
    }

    @Test
    void rowIsTheQuotedFieldsAsUtf8() {
        List<TimelineEvent> events = events(2, 500);
        events.add(5, new TimelineEvent(Instant.EPOCH, "long", "\"", "é\"😀\ud800".repeat(3_000)));
        TimelineRecord record = new TimelineRecord();
        for (TimelineEvent e : events) {
            String expected = "\"" + ReportJson.format(e.time()) + "\",\"" + quoted(e.artifact()) + "\",\""
                    + quoted(e.event()) + "\",\"" + quoted(e.description()) + "\"\n";
            record.set(e);
            assertThat(Arrays.copyOf(record.body, record.rowLength)).as(e.toString())
                    .isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
            boolean exact = survivesUtf8(e.artifact()) && survivesUtf8(e.event()) && survivesUtf8(e.description());
            assertThat(record.rowLength == record.length).as(e.toString()).isEqualTo(exact);
        }
    }

    @Test
    void fieldsWithEveryKindOfCharacterAtEveryPlace() {
        TimelineRecord record = new TimelineRecord();
        for (String text : Utf8JsonOutputTest.mixedStrings()) {
            record.set(new TimelineEvent(Instant.EPOCH, text, "e", text));
            String expected = "\"1970-01-01 00:00:00.000000\",\"" + quoted(text) + "\",\"e\",\"" + quoted(text)
                    + "\"\n";
            assertThat(Arrays.copyOf(record.body, record.rowLength)).as(text)
                    .isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
            assertThat(record.rowLength == record.length).as(text).isEqualTo(survivesUtf8(text));
        }
    }

    private static boolean survivesUtf8(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(text);
    }

    private static String quoted(String text) {
        return text.replace("\"", "\"\"");
    }

    @Test
    void spilledRecordsReadBackTheSame() throws IOException {
        List<TimelineEvent> events = events(3, 2_000);
        events.add(new TimelineEvent(Instant.EPOCH, "long", "", "x\"".repeat(50_000)));
        Path file = dir.resolve("chunk");
        try (TimelineSpill.Writer out = new TimelineSpill.Writer(file)) {
            TimelineRecord record = new TimelineRecord();
            for (TimelineEvent e : events) {
                record.set(e);
                out.add(record);
            }
        }
        try (TimelineSpill.Reader in = new TimelineSpill.Reader(file, 1 << 10)) {
            TimelineRecord read = new TimelineRecord();
            for (TimelineEvent e : events) {
                assertThat(in.next(read)).isTrue();
                TimelineRecord written = record(e);
                assertThat(read.compareTo(written)).isZero();
                assertThat(new String(read.body, 0, read.length, StandardCharsets.ISO_8859_1))
                        .isEqualTo(new String(written.body, 0, written.length, StandardCharsets.ISO_8859_1));
                assertThat(List.of(read.seconds, read.nanos, read.rowLength, read.artifactAt, read.eventAt,
                        read.descriptionAt)).isEqualTo(List.of(written.seconds, written.nanos, written.rowLength,
                        written.artifactAt, written.eventAt, written.descriptionAt));
            }
            assertThat(in.next(read)).isFalse();
        }
    }
}
