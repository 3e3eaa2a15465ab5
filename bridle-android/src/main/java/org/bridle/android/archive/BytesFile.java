package org.bridle.android.archive;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import org.bridle.core.source.EvidenceFile;

/**
 * Part of a file held in memory as evidence, such as one dumpsys section of a dumpstate.
 *
 * @param devicePath the location it answers, such as {@code @dumpsys/package}
 * @param origin where it is in the evidence, for people
 * @param content the bytes of the whole file, never changed
 * @param offset where the part starts
 * @param length how long it is
 */
public record BytesFile(String devicePath, String origin, byte[] content, int offset, int length)
        implements EvidenceFile {
    @Override public boolean present() { return true; }
    @Override public long size() { return length; }
    @Override public InputStream open() { return new ByteArrayInputStream(content, offset, length); }
    @Override public Optional<Path> localPath() { return Optional.empty(); }
    @Override public Optional<EvidenceFile> sidecar(String suffix) { return Optional.empty(); }
    @Override public String toString() { return devicePath + " (" + origin + ")"; }
}
