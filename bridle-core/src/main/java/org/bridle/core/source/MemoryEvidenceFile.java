package org.bridle.core.source;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** An evidence file whose content is held in memory (such as a decrypted database), never written to disk. */
public final class MemoryEvidenceFile implements EvidenceFile {
    private final String devicePath;
    private final String origin;
    private final byte[] content;

    /** Keeps {@code content} as it is, without a copy; the caller must not change it afterwards. */
    public MemoryEvidenceFile(String devicePath, String origin, byte[] content) {
        this.devicePath = Objects.requireNonNull(devicePath);
        this.origin = Objects.requireNonNull(origin);
        this.content = Objects.requireNonNull(content);
    }

    @Override public String devicePath() { return devicePath; }
    @Override public String origin() { return origin; }
    @Override public boolean present() { return true; }
    @Override public long size() { return content.length; }
    @Override public InputStream open() { return new ByteArrayInputStream(content); }
    @Override public Optional<Path> localPath() { return Optional.empty(); }
    @Override public Optional<EvidenceFile> sidecar(String suffix) { return Optional.empty(); }

    @Override public String toString() { return devicePath + " (" + origin + ")"; }
}
