package org.bridle.ios.fs;

import java.io.IOException;
import java.util.List;
import org.bridle.core.source.EvidenceFile;

/**
 * The files of a filesystem dump, by their path relative to the device root ({@code private/var/...}, no leading
 * slash), however the dump is stored (a folder, an archive).
 */
interface DumpTree extends AutoCloseable {

    /** Every regular file's path, sorted, each once. */
    List<String> paths();

    /** The file at a path from {@link #paths()}, as evidence. */
    EvidenceFile file(String path) throws IOException;

    /** What the dump is, for the report. */
    String description();

    @Override
    void close();
}
