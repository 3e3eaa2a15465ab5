package org.bridle.core.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * One file of the device as a {@link Source} found it. Reading it never changes the evidence.
 */
public interface EvidenceFile {

    /** The file's path on the device, such as {@code private/var/mobile/Library/SMS/sms.db}. */
    String devicePath();

    /** Where the file is inside the evidence, for people (a backup file id, a path under a dump root). */
    String origin();

    /** False when the evidence lists the file but does not hold its content (for example a backup without it). */
    boolean present();

    /** Size of the content in bytes. */
    long size() throws IOException;

    /** A new stream over the content; the caller closes it. */
    InputStream open() throws IOException;

    /**
     * The content as a file on this machine that may be read in place, when there is one. Callers must never
     * write to it, nor open it with a tool that could (see {@code SqliteEvidence}).
     */
    Optional<Path> localPath();

    /**
     * The file stored next to this one on the device under the same name plus {@code suffix}, such as SQLite's
     * {@code -wal} and {@code -journal}, when the evidence holds it.
     */
    Optional<EvidenceFile> sidecar(String suffix);

    /**
     * When the file was last modified on the device, when the evidence keeps that (a filesystem dump does; the
     * files of a backup folder carry the time of the backup, not the device's, so they give none).
     */
    default Optional<Instant> lastModified() throws IOException {
        return Optional.empty();
    }

    /** Reads the whole content; for files an artifact knows to be small (plists, logs). */
    default byte[] readAllBytes() throws IOException {
        try (InputStream in = open()) {
            return in.readAllBytes();
        }
    }
}
