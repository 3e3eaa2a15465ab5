package org.bridle.core.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bridle.core.io.Hashing;
import org.bridle.core.source.EvidenceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceHashesTest {
    @TempDir
    Path dir;

    /** A file on disk that counts how often its content is opened. */
    private static final class CountedFile implements EvidenceFile {
        final AtomicInteger opens = new AtomicInteger();
        private final String origin;
        private final Path path;

        CountedFile(String origin, Path path) {
            this.origin = origin;
            this.path = path;
        }

        @Override public String devicePath() { return "device/" + origin; }
        @Override public String origin() { return origin; }
        @Override public boolean present() { return true; }
        @Override public long size() throws IOException { return Files.size(path); }
        @Override public Optional<Path> localPath() { return Optional.of(path); }
        @Override public Optional<EvidenceFile> sidecar(String suffix) { return Optional.empty(); }

        @Override
        public InputStream open() throws IOException {
            opens.incrementAndGet();
            return Files.newInputStream(path);
        }
    }

    private static String expected(byte[] content) throws IOException {
        return Hashing.sha256(new java.io.ByteArrayInputStream(content));
    }

    @Test
    void readsEachOriginOnceHoweverManyAskAtOnce() throws Exception {
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        new java.util.Random(6).nextBytes(content);
        Path db = Files.write(dir.resolve("sms.db"), content);
        CountedFile file = new CountedFile("3d0d7e5fb2ce288813306e4d4636395e047a3d28", db);
        EvidenceHashes hashes = new EvidenceHashes();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return hashes.sha256(file);
                }));
            }
            go.countDown();
            for (Future<String> result : results) {
                assertThat(result.get()).isEqualTo(expected(content));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(file.opens).hasValue(1);
    }

    @Test
    void tellsFilesApartByOrigin() throws Exception {
        CountedFile first = new CountedFile("a", Files.writeString(dir.resolve("a"), "first"));
        CountedFile second = new CountedFile("b", Files.writeString(dir.resolve("b"), "second"));
        EvidenceHashes hashes = new EvidenceHashes();

        assertThat(hashes.sha256(first)).isEqualTo(expected("first".getBytes(StandardCharsets.UTF_8)));
        assertThat(hashes.sha256(second)).isEqualTo(expected("second".getBytes(StandardCharsets.UTF_8)));
        assertThat(hashes.sha256(first)).isEqualTo(expected("first".getBytes(StandardCharsets.UTF_8)));
        assertThat(first.opens).hasValue(1);
        assertThat(second.opens).hasValue(1);
    }

    @Test
    void forgetsAFailedReadSoTheNextRequestTriesAgain() throws Exception {
        Path later = dir.resolve("later");
        CountedFile file = new CountedFile("later", later);
        EvidenceHashes hashes = new EvidenceHashes();

        assertThatThrownBy(() -> hashes.sha256(file)).isInstanceOf(NoSuchFileException.class);
        Files.writeString(later, "now here");
        assertThat(hashes.sha256(file)).isEqualTo(expected("now here".getBytes(StandardCharsets.UTF_8)));
        assertThat(file.opens).hasValue(2);
    }
}
