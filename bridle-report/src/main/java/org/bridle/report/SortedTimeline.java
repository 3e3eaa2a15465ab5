package org.bridle.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * folder (at most {@link #MERGE_WIDTH} files: then they are merged into one), and the chunks are merged when the CSV
 * is written. Thread-safe.
 */
final class SortedTimeline {
    /** The read buffer of each spilled chunk while they are merged. */
    private static final int READ_BUFFER = 1 << 14;
    /** The most chunks kept: open at once in a merge, they bound its files and buffers (1.6 MB). */
    static final int MERGE_WIDTH = 100;

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
        try {
            mergeChunksWith(buffer.iterator(), sorted -> TimelineCsv.write(file, sorted));
        } finally {
            buffer.clear();
        }
    }

    /**
     * Sorts the buffer into a new chunk; when that would make {@link #MERGE_WIDTH} chunks, merges the buffer and
     * every chunk into one instead, so a merge never reads more files at once.
     */
    private void spill() throws IOException {
        buffer.sort(TimelineCsv.ORDER);
        Path chunk = scratch.newFolder("timeline").resolve("chunk");
        if (chunks.size() + 1 < MERGE_WIDTH) {
            TimelineSpill.write(chunk, buffer.iterator());
        } else {
            mergeChunksWith(buffer.iterator(), sorted -> TimelineSpill.write(chunk, sorted));
        }
        chunks.add(chunk);
        buffer.clear();
    }

    /** Hands the events of every chunk and of {@code sorted} to {@code use} in order; deletes the chunks after. */
    private void mergeChunksWith(Iterator<TimelineEvent> sorted, SortedUse use) throws IOException {
        List<Source> sources = new ArrayList<>();
        try {
            for (Path chunk : chunks) {
                sources.add(new ChunkSource(new TimelineSpill.Reader(chunk, READ_BUFFER), sources.size()));
            }
            sources.add(new BufferSource(sorted, sources.size()));
            use.accept(new Merge(sources));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            for (Source source : sources) {
                source.close();
            }
            for (Path chunk : chunks) {
                Files.deleteIfExists(chunk);
            }
            chunks.clear();
        }
    }

    /** What is done with a merged, sorted sequence of events. */
    private interface SortedUse {
        void accept(Iterator<TimelineEvent> sorted) throws IOException;
    }

    /** One sorted run being merged: its current event and its place among the runs (the tie-break). */
    private abstract static class Source implements Comparable<Source> {
        private final int index;
        TimelineEvent head;

        Source(int index) {
            this.index = index;
        }

        /** Moves {@link #head} to the next event, null at the end. */
        abstract void advance();

        void close() throws IOException {
        }

        @Override
        public int compareTo(Source other) {
            int c = TimelineCsv.ORDER.compare(head, other.head);
            return c != 0 ? c : Integer.compare(index, other.index);
        }
    }

    private static final class BufferSource extends Source {
        private final Iterator<TimelineEvent> events;

        BufferSource(Iterator<TimelineEvent> events, int index) {
            super(index);
            this.events = events;
            advance();
        }

        @Override
        void advance() {
            head = events.hasNext() ? events.next() : null;
        }
    }

    /** A spilled chunk, read back. */
    private static final class ChunkSource extends Source {
        private final TimelineSpill.Reader in;

        ChunkSource(TimelineSpill.Reader in, int index) {
            super(index);
            this.in = in;
            advance();
        }

        @Override
        void advance() {
            try {
                head = in.next();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        void close() throws IOException {
            in.close();
        }
    }

    /** The events of sorted runs in one sorted sequence; equal events come in the order of their runs. */
    private static final class Merge implements Iterator<TimelineEvent> {
        private final PriorityQueue<Source> heads = new PriorityQueue<>();

        Merge(List<Source> sources) {
            for (Source source : sources) {
                if (source.head != null) {
                    heads.add(source);
                }
            }
        }

        @Override
        public boolean hasNext() {
            return !heads.isEmpty();
        }

        @Override
        public TimelineEvent next() {
            Source source = heads.poll();
            if (source == null) {
                throw new NoSuchElementException();
            }
            TimelineEvent event = source.head;
            source.advance();
            if (source.head != null) {
                heads.add(source);
            }
            return event;
        }
    }
}
