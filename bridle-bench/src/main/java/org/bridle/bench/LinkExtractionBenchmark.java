package org.bridle.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bridle.core.indicators.LinkExtractor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Links found in message-like texts of about 150 characters, on one thread: a third without links, a third with
 * a well-formed link, a third with a bare, defanged or escaped one. Each operation is one text.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class LinkExtractionBenchmark {
    private static final int TEXTS = 1024;

    private String[] texts;
    private int next;

    @Setup
    public void setUp() {
        GeneratedNames names = new GeneratedNames(2);
        texts = new String[TEXTS];
        for (int i = 0; i < TEXTS; i++) {
            String domain = names.domain();
            texts[i] = switch (i % 6) {
                case 0 -> "Hi, are we still on for dinner tonight? I can be there at 8, e.g. after the meeting. "
                        + "Call me when you are free, thanks!";
                case 1 -> "Your verification code is " + (100_000 + i) + ". Do not share it with anyone. "
                        + "If you did not ask for it, ignore this message.";
                case 2 -> "Breaking news: read the full story at https://" + domain + "/news/" + i
                        + "?utm_source=sms before it is taken down.";
                case 3 -> "Your parcel is waiting (https://" + domain + "/track?id=" + i + "). Confirm your address "
                        + "within 24 hours or it will be returned.";
                case 4 -> "See www." + domain + "/offer, limited time only! Or hxxps://" + names.label() + "[.]"
                        + domain + "/x";
                default -> "{\"url\":\"https:\\/\\/" + domain + "\\/a\\/" + i + "\",\"title\":\"Shared link\"}";
            };
        }
    }

    @Benchmark
    public List<String> links() {
        return LinkExtractor.links(texts[next++ & (TEXTS - 1)]);
    }
}
