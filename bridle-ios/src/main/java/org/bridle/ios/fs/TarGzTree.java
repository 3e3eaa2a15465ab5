package org.bridle.ios.fs;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.bridle.core.io.ScratchDirectory;
import org.bridle.core.source.EvidenceFile;

/**
 * A dump stored as a gzip-compressed tar ({@code .tar.gz}, {@code .tgz}), which can only be read from its start.
 * One pass indexes the headers. Files are then read in batches: the files a scan {@linkplain #willRead will read}
 * (what the artifacts' locations resolved to) wait in a set, and the first read of one that has no copy yet
 * decompresses the archive once more and copies every waiting file, alone, into this tree's private scratch folder
 * (removed on {@link #close()}); reads are then served from the copies. The cost is one decompression of the whole
 * archive per batch (a scan usually needs one or two) and disk for the files read, never the dump; a file read
 * without the hint costs a pass of its own. Nothing but those copies is ever written.
 *
 * <p>A dump compresses a few times at most; an archive that decompresses to more than {@link #MAX_EXPANSION} times its
 * size (and more than {@link #MIN_DECOMPRESSED_BOUND} bytes) is a decompression bomb, and reading stops there with
 * an error: of the whole input while indexing, of the file being read afterwards.
 */
final class TarGzTree extends IndexedTree<String> {
    /** How many times its size an archive may decompress to. */
    static final long MAX_EXPANSION = 200;
    /** Any archive may decompress to this many bytes. */
    static final long MIN_DECOMPRESSED_BOUND = 1L << 30;

    private final Path archive;
    private final long maxDecompressed;
    private final Map<String, Path> copies = new ConcurrentHashMap<>();
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    private ScratchDirectory scratch;
    private int passes;

    private TarGzTree(Path archive, long maxDecompressed, DumpIndex.Built<String> index) {
        super(index);
        this.archive = archive;
        this.maxDecompressed = maxDecompressed;
    }

    /** Indexes the archive; null when it holds no {@code private/var}. */
    static TarGzTree index(Path archive, long maxFileSize) throws IOException {
        long size = Files.size(archive);
        return index(archive, maxFileSize,
                size > Long.MAX_VALUE / MAX_EXPANSION ? Long.MAX_VALUE
                        : Math.max(MIN_DECOMPRESSED_BOUND, size * MAX_EXPANSION));
    }

    /** As {@link #index(Path, long)}, stopping when the archive decompresses to more than {@code maxDecompressed}. */
    static TarGzTree index(Path archive, long maxFileSize, long maxDecompressed) throws IOException {
        DumpIndex<String> index = new DumpIndex<>(maxFileSize);
        try (TarArchiveInputStream tar = open(archive, maxDecompressed)) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                TarEntries.add(index, e, e.getName());
            }
        }
        DumpIndex.Built<String> built = index.build();
        return built == null ? null : new TarGzTree(archive, maxDecompressed, built);
    }

    private static TarArchiveInputStream open(Path archive, long maxDecompressed) throws IOException {
        InputStream file = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
        try {
            return new TarArchiveInputStream(new SizeCheckedInputStream(new GzipCompressorInputStream(file, true),
                    maxDecompressed, archive.getFileName() + " decompresses to more than " + maxDecompressed
                    + " bytes, " + MAX_EXPANSION + " times its size or more: a decompression bomb"));
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    @Override
    public void willRead(Collection<String> paths) {
        for (String path : paths) {
            if (!copies.containsKey(path) && index.handles().containsKey(path)) {
                waiting.add(path);
            }
        }
    }

    @Override
    public EvidenceFile file(String path) {
        DumpIndex.Stored<String> stored = index.handles().get(path);
        return new ArchiveEvidenceFile(path, archive.getFileName() + ":" + stored.handle(), stored.size(),
                stored.modified(),
                () -> Files.newInputStream(copy(path)), suffix -> sidecar(path + suffix));
    }

    private Optional<EvidenceFile> sidecar(String path) {
        return index.handles().containsKey(path) ? Optional.of(file(path)) : Optional.empty();
    }

    private Path copy(String path) throws IOException {
        Path copy = copies.get(path);
        return copy != null ? copy : extract(path);
    }

    /** Decompresses the archive once, copying the file asked for and every waiting one. */
    private synchronized Path extract(String path) throws IOException {
        Path done = copies.get(path);
        if (done != null) {
            return done;
        }
        waiting.add(path);
        Map<String, String> wanted = new HashMap<>();
        for (String p : waiting) {
            wanted.put(index.handles().get(p).handle(), p);
        }
        if (scratch == null) {
            scratch = ScratchDirectory.create();
        }
        Path folder = scratch.newFolder("pass-" + ++passes);
        try (TarArchiveInputStream tar = open(archive, maxDecompressed)) {
            int n = 0;
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                String target = wanted.get(e.getName());
                if (target != null && e.isFile()) {
                    Path file = folder.resolve(Integer.toString(n++));
                    Files.copy(new SizeCheckedInputStream(tar, index.handles().get(target).size(), null),
                            file, StandardCopyOption.REPLACE_EXISTING);
                    copies.put(target, file);
                }
            }
        }
        waiting.removeAll(wanted.values());
        Path copy = copies.get(path);
        if (copy == null) {
            throw new IOException("the archive no longer holds " + path);
        }
        return copy;
    }

    /** How many times the archive was decompressed to read files (the indexing pass aside). */
    synchronized int passes() {
        return passes;
    }

    @Override
    public String description() {
        return "iOS filesystem dump in " + archive + (index.root().isEmpty() ? "" : " under " + index.root());
    }

    @Override
    public synchronized void close() {
        if (scratch != null) {
            scratch.close();
            scratch = null;
        }
    }
}
