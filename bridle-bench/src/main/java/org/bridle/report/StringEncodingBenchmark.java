package org.bridle.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bridle.core.model.TimelineEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * The two string encoders of the report, over 10,000 strings shaped like those of a check's reports (SMS texts,
 * GUIDs, phone numbers, backup paths and domains, URLs and page titles, short words), one in ten with a non-ASCII
 * character (Latin-1, other scripts, emoji), a quote, a line break or a lone surrogate. {@code json}: each string
 * escaped by {@link Utf8JsonOutput#string} (into a buffer written to a stream that drops it); {@code timeline}: a
 * timeline event of three of the strings encoded by {@link TimelineRecord#set}, the CSV row with its time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class StringEncodingBenchmark {
    private static final int STRINGS = 10_000;
    private static final String[] UNUSUAL = {"Café à 8h, ça va ?", "Привет, как дела?", "See you 😀 tomorrow",
        "He said \"hi\"\nthen left", "tab\tseparated\\path", "lone \ud83d surrogate", "naïve résumé", "日本語のテキスト"};

    private final List<String> strings = new ArrayList<>();
    private final List<TimelineEvent> events = new ArrayList<>();
    private final Utf8JsonOutput json = new Utf8JsonOutput(OutputStream.nullOutputStream());
    private final TimelineRecord record = new TimelineRecord();

    @Setup
    public void setUp() {
        Instant start = Instant.parse("2023-01-01T00:00:00Z");
        for (int i = 0; i < STRINGS; i++) {
            String string = switch (i % 8) {
                case 0 -> "Message " + i + ": see https://news" + i + ".example.org/story/" + i + " later";
                case 1 -> String.format("00000000-0000-4000-8000-%012d", i);
                case 2 -> "+1555555" + (1000 + i % 9000);
                case 3 -> "Documents/f" + i % 10 + "/file" + i + ".dat";
                case 4 -> "AppDomain-com.example.app" + i % 200;
                case 5 -> "https://site" + i + ".example.com/page/" + i + "?ref=home&id=" + i;
                case 6 -> "Page " + i;
                default -> i % 16 == 7 ? "received" : "sms_read";
            };
            if (i % 10 == 9) {
                string = string + " " + UNUSUAL[i / 10 % UNUSUAL.length];
            }
            strings.add(string);
        }
        for (int i = 0; i < STRINGS; i++) {
            events.add(new TimelineEvent(start.plusSeconds(i), "sms", strings.get((i + 7) % STRINGS),
                    strings.get(i)));
        }
    }

    @Benchmark
    public void json() throws IOException {
        for (int i = 0; i < strings.size(); i++) {
            json.string(strings.get(i));
        }
        json.flush();
    }

    @Benchmark
    public int timeline() {
        int bytes = 0;
        for (int i = 0; i < events.size(); i++) {
            record.set(events.get(i));
            bytes += record.length;
        }
        return bytes;
    }
}
