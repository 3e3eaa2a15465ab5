package org.bridle.ios.fs;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.bridle.core.source.EvidenceFile;

/**
 * The files of a filesystem dump, by their path relative to the device root ({@code private/var/...}, no leading
 * slash), however the dump is stored (a folder, an archive). Thread-safe.
 */
interface DumpTree extends AutoCloseable {

    /** Every regular file's path, sorted, each once. */
    List<String> paths();

    /** Every file, folder and link, sorted by path (folders implied by a path included). */
    List<DumpEntry> entries();

    /** The entries left out or links not followed because they were unsafe, one line each, bounded. */
    List<String> problems();

    /** The file at a path from {@link #paths()}, as evidence. */
    EvidenceFile file(String path) throws IOException;

    /**
     * Says that these files will be read soon, so that a tree that must read its container in one pass can fetch
     * them together. A hint only: every file can be read without it.
     */
    default void willRead(Collection<String> paths) {
    }

    /** What the dump is, for the report. */
    String description();

    @Override
    void close();
}
