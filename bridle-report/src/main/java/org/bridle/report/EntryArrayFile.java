package org.bridle.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A report file holding one JSON array of entries, written entry by entry with {@link EntryJson}: the bytes
 * {@link ReportJson#mapper()} writes for the same array through its default pretty printer, then a line feed.
 * Used by one thread at a time.
 */
final class EntryArrayFile implements AutoCloseable {
    private final OutputStream stream;
    private final Utf8JsonOutput out;
    private boolean empty = true;
    /** The class of the last entry and its writer: a file's entries are mostly of one class. */
    private Class<?> lastClass;
    private ValueWriter lastWriter;

    /** Creates (or replaces) {@code file} and starts its array. */
    EntryArrayFile(Path file) throws IOException {
        stream = Files.newOutputStream(file);
        out = new Utf8JsonOutput(stream);
        out.raw((byte) '[');
    }

    void add(Object entry) throws IOException {
        out.raw(empty ? Separators.FIRST_ELEMENT : Separators.NEXT_ELEMENT);
        empty = false;
        if (entry == null) {
            out.nullValue();
        } else {
            if (entry.getClass() != lastClass) {
                lastClass = entry.getClass();
                lastWriter = EntryJson.writerFor(lastClass);
            }
            lastWriter.write(out, entry, 0);
        }
    }

    /** Ends the array and closes the file. */
    @Override
    public void close() throws IOException {
        try (stream) {
            out.raw(Separators.END_ARRAY);
            out.raw((byte) '\n');
            out.flush();
        }
    }
}
