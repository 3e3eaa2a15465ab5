package org.bridle.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
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

    private static int compare(TimelineEvent a, TimelineEvent b) {
        int c = Long.compare(a.time().getEpochSecond(), b.time().getEpochSecond());
        if (c == 0) {
            c = Integer.compare(a.time().getNano(), b.time().getNano());
        }
        if (c == 0) {
            c = a.artifact().compareTo(b.artifact());
        }
        if (c == 0) {
            c = a.event().compareTo(b.event());
        }
        return c != 0 ? c : a.description().compareTo(b.description());
    }

    /** Writes events, which the caller has put in {@link #ORDER}, to {@code file}. */
    static void write(Path file, Iterator<TimelineEvent> sorted) throws IOException {
        try (OutputStream stream = Files.newOutputStream(file)) {
            Rows rows = new Rows(stream);
            rows.raw(HEADER, HEADER.length);
            while (sorted.hasNext()) {
                rows.row(sorted.next());
            }
            rows.flush();
        }
    }

    /** Rows encoded into a buffer of bytes that is written out when full. */
    private static final class Rows {
        private final OutputStream out;
        private final byte[] buffer = new byte[1 << 16];
        private final byte[] time = new byte[ReportTime.LENGTH];
        private int length;

        Rows(OutputStream out) {
            this.out = out;
        }

        void row(TimelineEvent e) throws IOException {
            if (ReportTime.write(e.time(), time, 0)) {
                quoted(time, time.length);
            } else {
                field(ReportJson.format(e.time()));
            }
            raw(',');
            field(e.artifact());
            raw(',');
            field(e.event());
            raw(',');
            field(e.description());
            raw('\n');
        }

        private void field(String value) throws IOException {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            quoted(bytes, bytes.length);
        }

        /** A field in quotes, each quote in it doubled (a quote byte is never part of a longer UTF-8 sequence). */
        private void quoted(byte[] bytes, int count) throws IOException {
            raw('"');
            int from = 0;
            for (int i = 0; i < count; i++) {
                if (bytes[i] == '"') {
                    raw(bytes, from, i + 1 - from);
                    from = i;
                }
            }
            raw(bytes, from, count - from);
            raw('"');
        }

        void raw(byte[] bytes, int count) throws IOException {
            raw(bytes, 0, count);
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

        private void raw(char ascii) throws IOException {
            if (length == buffer.length) {
                flush();
            }
            buffer[length++] = (byte) ascii;
        }

        void flush() throws IOException {
            out.write(buffer, 0, length);
            length = 0;
        }
    }
}
