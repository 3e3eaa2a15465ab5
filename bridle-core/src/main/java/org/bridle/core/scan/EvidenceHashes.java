package org.bridle.core.scan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.bridle.core.io.Hashing;
import org.bridle.core.source.EvidenceFile;

/**
 * The SHA-256 of each evidence file read during one scan, computed once per file however many artifacts read it
 * (a file is known by its {@link EvidenceFile#origin()}). When two artifacts ask for the same file at once, one reads
 * it and the other waits for its result. A failed read is not remembered: the next request reads the file again.
 */
final class EvidenceHashes {
    private final ConcurrentHashMap<String, FutureTask<String>> byOrigin = new ConcurrentHashMap<>();

    /** The lower-case hex SHA-256 of the file's content. */
    String sha256(EvidenceFile file) throws IOException {
        FutureTask<String> task = new FutureTask<>(() -> read(file));
        FutureTask<String> known = byOrigin.putIfAbsent(file.origin(), task);
        if (known == null) {
            known = task;
            task.run();
        }
        try {
            return known.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while hashing " + file.origin(), e);
        } catch (ExecutionException e) {
            byOrigin.remove(file.origin(), known);
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw (Error) e.getCause();
        }
    }

    private static String read(EvidenceFile file) throws IOException {
        try (InputStream in = file.open()) {
            return Hashing.sha256(in);
        }
    }
}
