package org.bridle.report;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Iterator;
import org.bridle.core.model.TimelineEvent;

/**
 * The file format of a spilled chunk of timeline events, which keeps every event exactly: per event its seconds
 * (8 bytes), nanoseconds (4 bytes), then artifact, event and description, each as UTF-8 after its byte count (4
 * bytes), or, when UTF-8 cannot carry it (a lone surrogate, which UTF-8 encodes as {@code ?}), as UTF-16 after its
 * character count negated. Read and written through one buffer, without a stream's lock per value.
 */
final class TimelineSpill {
    private static final int BUFFER = 1 << 16;

    private TimelineSpill() {
    }

    /** Writes {@code events}, in their order, to a new file. */
    static void write(Path file, Iterator<TimelineEvent> events) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
            while (events.hasNext()) {
                TimelineEvent e = events.next();
                buffer = room(channel, buffer, 12);
                buffer.putLong(e.time().getEpochSecond()).putInt(e.time().getNano());
                buffer = string(channel, buffer, e.artifact());
                buffer = string(channel, buffer, e.event());
                buffer = string(channel, buffer, e.description());
            }
            drain(channel, buffer);
        }
    }

    private static ByteBuffer string(FileChannel channel, ByteBuffer buffer, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        if (new String(utf8, StandardCharsets.UTF_8).equals(s)) {
            buffer = room(channel, buffer, 4 + utf8.length);
            return buffer.putInt(utf8.length).put(utf8);
        }
        buffer = room(channel, buffer, 4 + 2 * s.length());
        buffer.putInt(-s.length());
        for (int i = 0; i < s.length(); i++) {
            buffer.putChar(s.charAt(i));
        }
        return buffer;
    }

    /** A buffer with room for {@code bytes} more: this one, drained if needed, or a larger one. */
    private static ByteBuffer room(FileChannel channel, ByteBuffer buffer, int bytes) throws IOException {
        if (buffer.remaining() < bytes) {
            drain(channel, buffer);
            if (buffer.capacity() < bytes) {
                return ByteBuffer.allocate(bytes);
            }
        }
        return buffer;
    }

    private static void drain(FileChannel channel, ByteBuffer buffer) throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    /** Reads a spilled chunk back, event by event. */
    static final class Reader implements AutoCloseable {
        private final FileChannel channel;
        private ByteBuffer buffer;

        Reader(Path file, int bufferSize) throws IOException {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            buffer = ByteBuffer.allocate(bufferSize).flip();
        }

        /** The next event, or null at the end of the file. */
        TimelineEvent next() throws IOException {
            if (!available(12)) {
                if (buffer.hasRemaining()) {
                    throw new EOFException("a spilled timeline chunk ends inside an event");
                }
                return null;
            }
            long seconds = buffer.getLong();
            int nanos = buffer.getInt();
            return new TimelineEvent(Instant.ofEpochSecond(seconds, nanos), string(), string(), string());
        }

        private String string() throws IOException {
            need(4);
            int length = buffer.getInt();
            if (length >= 0) {
                need(length);
                String s = new String(buffer.array(), buffer.position(), length, StandardCharsets.UTF_8);
                buffer.position(buffer.position() + length);
                return s;
            }
            need(-2 * length);
            char[] chars = new char[-length];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = buffer.getChar();
            }
            return new String(chars);
        }

        private void need(int bytes) throws IOException {
            if (!available(bytes)) {
                throw new EOFException("a spilled timeline chunk ends inside an event");
            }
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
