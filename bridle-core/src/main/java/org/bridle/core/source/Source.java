package org.bridle.core.source;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * A container of evidence (an iOS backup, a filesystem dump, …): turns device locations into evidence files.
 * A source never interprets content. It is thread-safe: artifacts resolve their locations in parallel.
 */
public interface Source extends AutoCloseable {

    /** What this evidence is, for the report, such as {@code iOS backup at /path}. */
    String description();

    /**
     * The files at a device location, in a stable order; none when the evidence does not hold it. A file the
     * evidence lists but does not contain is returned with {@link EvidenceFile#present()} false.
     */
    List<EvidenceFile> resolve(DevicePath location) throws IOException;

    /** Visits every file the evidence holds, in a stable order (for {@code --hashes}). */
    void forEachFile(Consumer<EvidenceFile> visitor) throws IOException;

    /**
     * What the report should say about the evidence as a whole, such as archive entries left out because their
     * names climb out of the archive; none by default.
     */
    default List<String> notes() {
        return List.of();
    }

    /** Releases what the source holds open; never throws for files it only read. */
    @Override
    void close();
}
