package org.bridle.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import org.bridle.core.model.TimelineEvent;

/**
 * The timeline CSV format: the header {@code "UTC Timestamp","Plugin","Event","Description"}, every field quoted
 * (quotes doubled), UTF-8 (a lone surrogate becomes {@code ?}), sorted by time and, for equal times, by artifact,
 * event and description, so the same input always gives the same bytes.
 */
public final class TimelineCsv {
    /** The order of timeline rows. */
    public static final Comparator<TimelineEvent> ORDER = TimelineCsv::compare;

    private static final byte[] HEADER = "\"UTC Timestamp\",\"Plugin\",\"Event\",\"Description\"\n"
            .getBytes(StandardCharsets.UTF_8);

    private TimelineCsv() {
    }

    /** Compares as strings only texts that are not the same instance (an artifact's names usually are). */
    private static int compare(TimelineEvent a, TimelineEvent b) {
        Instant x = a.time();
        Instant y = b.time();
        int c = Long.compare(x.getEpochSecond(), y.getEpochSecond());
        if (c == 0) {
            c = Integer.compare(x.getNano(), y.getNano());
        }
        if (c == 0 && a.artifact() != b.artifact()) {
            c = a.artifact().compareTo(b.artifact());
        }
        if (c == 0 && a.event() != b.event()) {
            c = a.event().compareTo(b.event());
        }
        return c != 0 ? c : a.description().compareTo(b.description());
    }

    /**
     * A CSV file being written: the header, then one row per record {@linkplain #add added}, which the caller adds in
     * {@link #ORDER}. The records' rows are copied into a buffer written out when full.
     */
    static final class Writer implements TimelineRecord.Sink, AutoCloseable {
        private final OutputStream out;
        private final byte[] buffer = new byte[1 << 16];
        private int length;

        Writer(Path file) throws IOException {
            out = Files.newOutputStream(file);
            raw(HEADER, 0, HEADER.length);
        }

        @Override
        public void add(TimelineRecord record) throws IOException {
            raw(record.body, 0, record.rowLength);
        }

        private void raw(byte[] bytes, int from, int count) throws IOException {
            if (length + count > buffer.length) {
                flush();
                if (count > buffer.length) {
                    out.write(bytes, from, count);
                    return;
                }
            }
            System.arraycopy(bytes, from, buffer, length, count);
            length += count;
        }

        private void flush() throws IOException {
            out.write(buffer, 0, length);
            length = 0;
        }

        @Override
        public void close() throws IOException {
            try (out) {
                flush();
            }
        }
    }
}
