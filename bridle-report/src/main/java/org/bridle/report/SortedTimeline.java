package org.bridle.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bridle.core.io.ScratchDirectory;
import org.bridle.core.model.TimelineEvent;

/**
 * Collects timeline events in any order and writes them sorted (see {@link TimelineCsv#ORDER}) in bounded memory:
 * at most {@code chunkSize} events are collected; each full chunk is sorted, encoded and spilled to a file in the
 * private scratch folder by the thread that filled it, while other threads go on adding (at most
 * {@link #MERGE_WIDTH} files: then they are merged into one). Writing the CSV merges the encoded chunks and copies
 * their bytes. Thread-safe; {@link #writeCsv} is called once every {@link #addAll} has returned.
 */
final class SortedTimeline {
    /** The read buffer of each spilled chunk while they are merged. */
    private static final int READ_BUFFER = 1 << 14;
    /** The most chunks kept: open at once in a merge, they bound its files and buffers (1.6 MB). */
    static final int MERGE_WIDTH = 100;

    private final ScratchDirectory scratch;
    private final int chunkSize;
    private List<TimelineEvent> buffer = new ArrayList<>();
    private final List<Path> chunks = new ArrayList<>();

    SortedTimeline(ScratchDirectory scratch, int chunkSize) {
        this.scratch = scratch;
        this.chunkSize = chunkSize;
    }

    void addAll(List<TimelineEvent> events) throws IOException {
        List<TimelineEvent> full;
        synchronized (this) {
            // one by one: addAll would copy the events into an array first
            for (int i = 0; i < events.size(); i++) {
                buffer.add(events.get(i));
            }
            if (buffer.size() < chunkSize) {
                return;
            }
            full = buffer;
            // a timeline that filled a chunk will likely fill another: its list is made large enough at once (for
            // the chunk and the few events beyond it that the entry filling it may add)
            buffer = new ArrayList<>(chunkSize + 64);
        }
        Path chunk = newChunk();
        try (TimelineSpill.Writer out = new TimelineSpill.Writer(chunk)) {
            new BufferSource(full, 0).drainTo(out);
        } finally {
            // the list's array may have been promoted to the old generation: emptied, it keeps no event alive
            full.clear();
        }
        synchronized (this) {
            chunks.add(chunk);
            if (chunks.size() >= MERGE_WIDTH) {
                Path merged = newChunk();
                try (TimelineSpill.Writer out = new TimelineSpill.Writer(merged)) {
                    mergeChunksInto(new ArrayList<>(), out);
                }
                chunks.add(merged);
            }
        }
    }

    /** Writes every event, sorted, as CSV; the timeline is empty afterwards. */
    synchronized void writeCsv(Path file) throws IOException {
        List<TimelineEvent> rest = buffer;
        buffer = new ArrayList<>();
        try (TimelineCsv.Writer out = new TimelineCsv.Writer(file)) {
            mergeChunksInto(rest, out);
        } finally {
            rest.clear();
        }
    }

    private Path newChunk() throws IOException {
        return scratch.newFolder("timeline").resolve("chunk");
    }

    /** Hands every event of the chunks and of {@code events} to {@code sink} in order; deletes the chunks after. */
    private void mergeChunksInto(List<TimelineEvent> events, TimelineRecord.Sink sink) throws IOException {
        List<Source> sources = new ArrayList<>();
        try {
            for (Path chunk : chunks) {
                sources.add(new ChunkSource(new TimelineSpill.Reader(chunk, READ_BUFFER), sources.size()));
            }
            sources.add(new BufferSource(events, sources.size()));
            merge(sources, sink);
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

    /**
     * Hands the records of the sources to {@code sink} in order, through a binary min-heap of the sources by their
     * heads: the top's next record replaces it and sinks as far as it must.
     */
    private static void merge(List<Source> sources, TimelineRecord.Sink sink) throws IOException {
        Source[] heap = new Source[sources.size()];
        int size = 0;
        for (Source source : sources) {
            if (source.advance()) {
                heap[size++] = source;
            }
        }
        for (int i = size / 2 - 1; i >= 0; i--) {
            siftDown(heap, i, size);
        }
        while (size > 0) {
            Source top = heap[0];
            sink.add(top.head);
            if (!top.advance()) {
                heap[0] = heap[--size];
            }
            siftDown(heap, 0, size);
        }
    }

    /** Moves the source at {@code i} down the heap's first {@code size} places until no child comes before it. */
    private static void siftDown(Source[] heap, int i, int size) {
        Source moving = heap[i];
        for (int child = 2 * i + 1; child < size; child = 2 * i + 1) {
            if (child + 1 < size && heap[child + 1].before(heap[child])) {
                child++;
            }
            if (!heap[child].before(moving)) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = moving;
    }

    /** One sorted run being merged: its current record and its place among the runs (the tie-break). */
    private abstract static class Source {
        private final int index;
        final TimelineRecord head = new TimelineRecord();

        Source(int index) {
            this.index = index;
        }

        /** Moves {@link #head} to the next record; false at the end. */
        abstract boolean advance() throws IOException;

        void close() throws IOException {
        }

        /** Whether this source's head goes before the other's. */
        boolean before(Source other) {
            int c = head.compareTo(other.head);
            return c < 0 || c == 0 && index < other.index;
        }
    }

    /** Events held in memory, sorted here and encoded one at a time. */
    private static final class BufferSource extends Source {
        private final List<TimelineEvent> events;
        private int next;

        BufferSource(List<TimelineEvent> events, int index) {
            super(index);
            events.sort(TimelineCsv.ORDER);
            this.events = events;
        }

        @Override
        boolean advance() {
            if (next == events.size()) {
                return false;
            }
            head.set(events.get(next++));
            return true;
        }

        void drainTo(TimelineRecord.Sink sink) throws IOException {
            while (advance()) {
                sink.add(head);
            }
        }
    }

    /** A spilled chunk, read back. */
    private static final class ChunkSource extends Source {
        private final TimelineSpill.Reader in;

        ChunkSource(TimelineSpill.Reader in, int index) {
            super(index);
            this.in = in;
        }

        @Override
        boolean advance() throws IOException {
            return in.next(head);
        }

        @Override
        void close() throws IOException {
            in.close();
        }
    }
}
