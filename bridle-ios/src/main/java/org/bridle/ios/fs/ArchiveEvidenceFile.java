package org.bridle.ios.fs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.bridle.core.source.EvidenceFile;

/** A file inside an archive: its content is a stream, never a file on this machine. */
final class ArchiveEvidenceFile implements EvidenceFile {
    private final String devicePath;
    private final String origin;
    private final long size;
    private final Instant modified;
    private final Opener opener;
    private final Function<String, Optional<EvidenceFile>> sidecars;

    /** Opens the content of one entry. */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    /** @param modified the device's modification time the archive keeps; null when it keeps none */
    ArchiveEvidenceFile(String devicePath, String origin, long size, Instant modified, Opener opener,
                        Function<String, Optional<EvidenceFile>> sidecars) {
        this.devicePath = devicePath;
        this.origin = origin;
        this.size = size;
        this.modified = modified;
        this.opener = opener;
        this.sidecars = sidecars;
    }

    @Override public String devicePath() { return devicePath; }
    @Override public String origin() { return origin; }
    @Override public boolean present() { return true; }
    @Override public long size() { return size; }
    @Override public Optional<Instant> lastModified() { return Optional.ofNullable(modified); }
    @Override public InputStream open() throws IOException { return opener.open(); }
    @Override public Optional<Path> localPath() { return Optional.empty(); }
    @Override public Optional<EvidenceFile> sidecar(String suffix) {
        return sidecars.apply(suffix);
    }

    @Override public String toString() { return devicePath + " (" + origin + ")"; }
}
