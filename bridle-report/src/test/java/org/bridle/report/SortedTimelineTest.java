package org.bridle.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bridle.core.io.ScratchDirectory;
import org.bridle.core.model.TimelineEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SortedTimelineTest {
    @TempDir
    Path dir;

    @Test
    void spilledChunksMergeIntoTheSameBytesAsOneSortInMemory() throws Exception {
        Random random = new Random(42);
        List<TimelineEvent> events = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            events.add(new TimelineEvent(Instant.ofEpochSecond(1_600_000_000L + random.nextInt(50), random.nextInt(3)),
                    "a" + random.nextInt(3), "e" + random.nextInt(3), "line\n" + random.nextInt(5) + " \"q\" é"));
        }
        Path spilled = dir.resolve("spilled.csv");
        Path inMemory = dir.resolve("memory.csv");
        try (ScratchDirectory scratch = ScratchDirectory.create()) {
            SortedTimeline small = new SortedTimeline(scratch, 7);
            SortedTimeline large = new SortedTimeline(scratch, 1_000_000);
            for (int i = 0; i < events.size(); i += 3) {
                List<TimelineEvent> batch = events.subList(i, Math.min(events.size(), i + 3));
                small.addAll(batch);
                large.addAll(batch);
            }
            small.writeCsv(spilled);
            large.writeCsv(inMemory);
            try (var left = Files.walk(scratch.root())) {
                assertThat(left.filter(Files::isRegularFile)).isEmpty();
            }
        }
        assertThat(Files.readAllBytes(spilled)).isEqualTo(Files.readAllBytes(inMemory));
        List<String> lines = Files.readAllLines(inMemory);
        assertThat(lines.get(0)).isEqualTo("\"UTC Timestamp\",\"Plugin\",\"Event\",\"Description\"");
        List<TimelineEvent> sorted = new ArrayList<>(events);
        sorted.sort(TimelineCsv.ORDER);
        assertThat(lines.get(1)).startsWith("\"" + ReportJson.format(sorted.get(0).time()) + "\",\"" + sorted.get(0).artifact());
    }
}
