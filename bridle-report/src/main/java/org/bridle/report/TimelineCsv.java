package org.bridle.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import org.bridle.core.model.TimelineEvent;

/**
 * The timeline CSV format: the header {@code "UTC Timestamp","Plugin","Event","Description"}, every field quoted
 * (quotes doubled), sorted by time and, for equal times, by artifact, event and description, so the same input always
 * gives the same bytes.
 */
public final class TimelineCsv {
    /** The order of timeline rows. */
    public static final Comparator<TimelineEvent> ORDER = Comparator.comparing(TimelineEvent::time)
            .thenComparing(TimelineEvent::artifact)
            .thenComparing(TimelineEvent::event)
            .thenComparing(TimelineEvent::description);

    private TimelineCsv() {
    }

    /** Writes events, which the caller has put in {@link #ORDER}, to {@code file}. */
    static void write(Path file, Iterator<TimelineEvent> sorted) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            row(out, "UTC Timestamp", "Plugin", "Event", "Description");
            while (sorted.hasNext()) {
                TimelineEvent e = sorted.next();
                row(out, ReportJson.format(e.time()), e.artifact(), e.event(), e.description());
            }
        }
    }

    private static void row(BufferedWriter out, String... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write('"');
            out.write(fields[i].replace("\"", "\"\""));
            out.write('"');
        }
        out.write('\n');
    }
}
