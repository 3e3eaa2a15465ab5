package org.bridle.android.archive;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The files of a folder or an archive, by their relative {@code /}-separated names. Entries that are links, or
 * whose names are absolute or climb out with {@code ..}, are never listed: {@link #skipped()} says which they
 * were. A tree is thread-safe.
 */
public interface EntryTree extends AutoCloseable {

    /** Every regular file's name, sorted. */
    List<String> names();

    /** Whether the tree holds a regular file of that name. */
    boolean contains(String name);

    /** The size of a file the tree holds, as its directory says (an archive may lie: reads are bounded). */
    long size(String name) throws IOException;

    /**
     * A new stream over a file's content that fails once more than {@link Limits#MAX_ENTRY_BYTES} are read;
     * the caller closes it.
     */
    InputStream open(String name) throws IOException;

    /** The entries left out as hostile, each with the reason, for the report. */
    List<String> skipped();

    /** Releases the archive; a folder holds nothing open. */
    @Override
    void close();

    /**
     * The whole content of a file that is read into memory, at most {@link Limits#MAX_IN_MEMORY_BYTES}: a larger
     * declared size fails at once, and a size that lies fails once the bound is read.
     */
    default byte[] readAll(String name) throws IOException {
        if (size(name) > Limits.MAX_IN_MEMORY_BYTES) {
            throw Limits.tooLarge(name, Limits.MAX_IN_MEMORY_BYTES);
        }
        try (InputStream in = open(name)) {
            return Limits.readBounded(in, Limits.MAX_IN_MEMORY_BYTES, name);
        }
    }
}
