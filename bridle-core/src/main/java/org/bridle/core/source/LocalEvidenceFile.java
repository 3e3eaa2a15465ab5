package org.bridle.core.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** An evidence file whose content is a file on this machine (a backup folder, an unpacked dump). */
public final class LocalEvidenceFile implements EvidenceFile {
    private final String devicePath;
    private final String origin;
    private final Path path;
    private final Function<String, Optional<EvidenceFile>> sidecars;
    private final boolean deviceTimes;

    /**
     * @param devicePath the path on the device
     * @param origin where it is inside the evidence, for people
     * @param path the content on this machine; it may be absent, then {@link #present()} is false
     * @param sidecars finds the file stored under this one's device path plus a suffix
     */
    public LocalEvidenceFile(String devicePath, String origin, Path path,
                             Function<String, Optional<EvidenceFile>> sidecars) {
        this(devicePath, origin, path, sidecars, false);
    }

    /**
     * As {@link #LocalEvidenceFile(String, String, Path, Function)}; {@code deviceTimes} says that the file on this
     * machine keeps the device's modification time (an extracted dump), which {@link #lastModified()} then gives.
     */
    public LocalEvidenceFile(String devicePath, String origin, Path path,
                             Function<String, Optional<EvidenceFile>> sidecars, boolean deviceTimes) {
        this.devicePath = Objects.requireNonNull(devicePath);
        this.origin = Objects.requireNonNull(origin);
        this.path = Objects.requireNonNull(path);
        this.sidecars = Objects.requireNonNull(sidecars);
        this.deviceTimes = deviceTimes;
    }

    @Override public String devicePath() { return devicePath; }
    @Override public String origin() { return origin; }
    @Override public boolean present() { return Files.isRegularFile(path); }
    @Override public long size() throws IOException { return Files.size(path); }
    @Override public InputStream open() throws IOException { return Files.newInputStream(path); }
    @Override public Optional<Path> localPath() { return Optional.of(path); }
    @Override public Optional<EvidenceFile> sidecar(String suffix) { return sidecars.apply(suffix); }

    @Override
    public Optional<Instant> lastModified() throws IOException {
        return deviceTimes ? Optional.of(Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toInstant())
                : Optional.empty();
    }

    @Override public String toString() { return devicePath + " (" + origin + ")"; }
}
