package org.bridle.report;

import java.io.EOFException;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private TimelineSpill() {
    }

    /** Writes records, in the order given, to a new file. */
    static final class Writer implements TimelineRecord.Sink, AutoCloseable {
        private final FileChannel channel;
        private byte[] buffer = new byte[BUFFER];
        private int length;

        Writer(Path file) throws IOException {
            channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }

        @Override
        public void add(TimelineRecord record) throws IOException {
            int bytes = HEADER + record.length;
            if (buffer.length - length < bytes) {
                drain();
                if (buffer.length < bytes) {
                    buffer = new byte[bytes];
                }
            }
            byte[] b = buffer;
            int at = length;
            LONG.set(b, at, record.seconds);
            INT.set(b, at + 8, record.nanos);
            INT.set(b, at + 12, record.length);
            INT.set(b, at + 16, record.rowLength);
            INT.set(b, at + 20, record.artifactAt);
            INT.set(b, at + 24, record.eventAt);
            INT.set(b, at + 28, record.descriptionAt);
            System.arraycopy(record.body, 0, b, at + HEADER, record.length);
            length = at + bytes;
        }

        private void drain() throws IOException {
            ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, length);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            length = 0;
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
        private byte[] buffer;
        /** Where the bytes not yet read start in {@link #buffer}, and where they end. */
        private int position;
        private int limit;

        Reader(Path file, int bufferSize) throws IOException {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            buffer = new byte[bufferSize];
        }

        /** Reads the next record into {@code into}; false at the end of the file. */
        boolean next(TimelineRecord into) throws IOException {
            if (!available(HEADER)) {
                if (position < limit) {
                    throw new EOFException("a spilled timeline chunk ends inside an event");
                }
                return false;
            }
            byte[] b = buffer;
            int at = position;
            into.seconds = (long) LONG.get(b, at);
            into.nanos = (int) INT.get(b, at + 8);
            int length = (int) INT.get(b, at + 12);
            into.rowLength = (int) INT.get(b, at + 16);
            into.artifactAt = (int) INT.get(b, at + 20);
            into.eventAt = (int) INT.get(b, at + 24);
            into.descriptionAt = (int) INT.get(b, at + 28);
            position = at + HEADER;
            if (!available(length)) {
                throw new EOFException("a spilled timeline chunk ends inside an event");
            }
            System.arraycopy(buffer, position, into.resize(length), 0, length);
            position += length;
            return true;
        }

        /** Whether {@code bytes} more can be read from the buffer, refilling (or enlarging) it as needed. */
        private boolean available(int bytes) throws IOException {
            if (limit - position >= bytes) {
                return true;
            }
            byte[] target = buffer.length < bytes ? new byte[bytes] : buffer;
            System.arraycopy(buffer, position, target, 0, limit - position);
            buffer = target;
            limit -= position;
            position = 0;
            ByteBuffer free = ByteBuffer.wrap(buffer, limit, buffer.length - limit);
            while (limit < bytes) {
                int read = channel.read(free);
                if (read < 0) {
                    return false;
                }
                limit += read;
            }
            return true;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
