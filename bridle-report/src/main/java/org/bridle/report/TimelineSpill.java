package org.bridle.report;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The file format of a spilled, sorted chunk of timeline events, which keeps every event exactly: per event its
 * {@link TimelineRecord}: seconds (8 bytes), nanoseconds (4 bytes), then (4 bytes each) the body's byte count, the
 * row's byte count and where artifact, event and description start, and the body.
 * Read and written through one buffer, without a stream's lock per value.
 */
final class TimelineSpill {
    private static final int BUFFER = 1 << 16;
    private static final int HEADER = 32;

    private TimelineSpill() {
    }

    /** Writes records, in the order given, to a new file. */
    static final class Writer implements TimelineRecord.Sink, AutoCloseable {
        private final FileChannel channel;
        private ByteBuffer buffer = ByteBuffer.allocate(BUFFER);

        Writer(Path file) throws IOException {
            channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }

        @Override
        public void add(TimelineRecord record) throws IOException {
            int bytes = HEADER + record.length;
            if (buffer.remaining() < bytes) {
                drain();
                if (buffer.capacity() < bytes) {
                    buffer = ByteBuffer.allocate(bytes);
                }
            }
            buffer.putLong(record.seconds).putInt(record.nanos).putInt(record.length).putInt(record.rowLength)
                    .putInt(record.artifactAt).putInt(record.eventAt).putInt(record.descriptionAt)
                    .put(record.body, 0, record.length);
        }

        private void drain() throws IOException {
            buffer.flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            buffer.clear();
        }

        @Override
        public void close() throws IOException {
            try (channel) {
                drain();
            }
        }
    }

    /** Reads a spilled chunk back, record by record. */
    static final class Reader implements AutoCloseable {
        private final FileChannel channel;
        private ByteBuffer buffer;

        Reader(Path file, int bufferSize) throws IOException {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            buffer = ByteBuffer.allocate(bufferSize).flip();
        }

        /** Reads the next record into {@code into}; false at the end of the file. */
        boolean next(TimelineRecord into) throws IOException {
            if (!available(HEADER)) {
                if (buffer.hasRemaining()) {
                    throw new EOFException("a spilled timeline chunk ends inside an event");
                }
                return false;
            }
            into.seconds = buffer.getLong();
            into.nanos = buffer.getInt();
            int length = buffer.getInt();
            into.rowLength = buffer.getInt();
            into.artifactAt = buffer.getInt();
            into.eventAt = buffer.getInt();
            into.descriptionAt = buffer.getInt();
            if (!available(length)) {
                throw new EOFException("a spilled timeline chunk ends inside an event");
            }
            buffer.get(into.resize(length), 0, length);
            return true;
        }

        /** Whether {@code bytes} more can be read from the buffer, refilling (or enlarging) it as needed. */
        private boolean available(int bytes) throws IOException {
            if (buffer.remaining() >= bytes) {
                return true;
            }
            if (buffer.capacity() < bytes) {
                buffer = ByteBuffer.allocate(bytes).put(buffer).flip();
            }
            buffer.compact();
            while (buffer.position() < bytes) {
                if (channel.read(buffer) < 0) {
                    buffer.flip();
                    return false;
                }
            }
            buffer.flip();
            return true;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
