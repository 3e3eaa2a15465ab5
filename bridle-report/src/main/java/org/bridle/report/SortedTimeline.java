package org.bridle.report;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import org.bridle.core.io.ScratchDirectory;
import org.bridle.core.model.TimelineEvent;

/**
 * Collects timeline events in any order and writes them sorted (see {@link TimelineCsv#ORDER}) in bounded memory:
 * at most {@code chunkSize} events are held; each full chunk is sorted and spilled to a file in the private scratch
 * folder, and the chunks are merged when the CSV is written. Thread-safe.
 */
final class SortedTimeline {
    private final ScratchDirectory scratch;
    private final int chunkSize;
    private final List<TimelineEvent> buffer = new ArrayList<>();
    private final List<Path> chunks = new ArrayList<>();

    SortedTimeline(ScratchDirectory scratch, int chunkSize) {
        this.scratch = scratch;
        this.chunkSize = chunkSize;
    }

    synchronized void addAll(List<TimelineEvent> events) throws IOException {
        buffer.addAll(events);
        if (buffer.size() >= chunkSize) {
            spill();
        }
    }

    /** Writes every event, sorted, as CSV; the timeline is empty afterwards. */
    synchronized void writeCsv(Path file) throws IOException {
        buffer.sort(TimelineCsv.ORDER);
        List<Iterator<TimelineEvent>> sources = new ArrayList<>();
        List<DataInputStream> open = new ArrayList<>();
        try {
            for (Path chunk : chunks) {
                DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(chunk), 1 << 16));
                open.add(in);
                sources.add(new ChunkReader(in));
            }
            sources.add(buffer.iterator());
            TimelineCsv.write(file, merge(sources));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            for (DataInputStream in : open) {
                in.close();
            }
            for (Path chunk : chunks) {
                Files.deleteIfExists(chunk);
            }
            chunks.clear();
            buffer.clear();
        }
    }

    private void spill() throws IOException {
        buffer.sort(TimelineCsv.ORDER);
        Path chunk = scratch.newFolder("timeline").resolve("chunk");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(chunk), 1 << 16))) {
            for (TimelineEvent e : buffer) {
                out.writeLong(e.time().getEpochSecond());
                out.writeInt(e.time().getNano());
                writeString(out, e.artifact());
                writeString(out, e.event());
                writeString(out, e.description());
            }
        }
        chunks.add(chunk);
        buffer.clear();
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static Iterator<TimelineEvent> merge(List<Iterator<TimelineEvent>> sources) {
        record Head(TimelineEvent event, int source) {
        }
        PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> {
            int byEvent = TimelineCsv.ORDER.compare(a.event(), b.event());
            return byEvent != 0 ? byEvent : Integer.compare(a.source(), b.source());
        });
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i).hasNext()) {
                heads.add(new Head(sources.get(i).next(), i));
            }
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !heads.isEmpty();
            }

            @Override
            public TimelineEvent next() {
                Head head = heads.poll();
                if (head == null) {
                    throw new NoSuchElementException();
                }
                Iterator<TimelineEvent> source = sources.get(head.source());
                if (source.hasNext()) {
                    heads.add(new Head(source.next(), head.source()));
                }
                return head.event();
            }
        };
    }

    /** Reads back a spilled chunk. */
    private static final class ChunkReader implements Iterator<TimelineEvent> {
        private final DataInputStream in;
        private TimelineEvent next;

        ChunkReader(DataInputStream in) {
            this.in = in;
            advance();
        }

        private void advance() {
            try {
                long seconds = in.readLong();
                int nanos = in.readInt();
                next = new TimelineEvent(Instant.ofEpochSecond(seconds, nanos), readString(), readString(), readString());
            } catch (EOFException end) {
                next = null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private String readString() throws IOException {
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public TimelineEvent next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            TimelineEvent current = next;
            advance();
            return current;
        }
    }
}
