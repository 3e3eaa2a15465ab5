package org.bridle.ios.fs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.bridle.core.source.EvidenceFile;

/**
 * A dump stored as a {@code .zip}: its central directory is the index, and each read decompresses only its own
 * entry. An entry that decompresses to more bytes than it declares fails its read (a decompression bomb).
 */
final class ZipTree extends IndexedTree<ZipArchiveEntry> {
    /** A link target longer than this is not a link target. */
    private static final int MAX_LINK_TARGET = 4096;

    private final Path archive;
    private final ZipFile zip;

    private ZipTree(Path archive, ZipFile zip, DumpIndex.Built<ZipArchiveEntry> index) {
        super(index);
        this.archive = archive;
        this.zip = zip;
    }

    /** Indexes the archive; null when it holds no {@code private/var}. */
    static ZipTree index(Path archive, long maxFileSize) throws IOException {
        ZipFile zip = ZipFile.builder().setPath(archive).get();
        try {
            DumpIndex<ZipArchiveEntry> index = new DumpIndex<>(maxFileSize);
            for (ZipArchiveEntry e : (Iterable<ZipArchiveEntry>) () -> zip.getEntriesInPhysicalOrder().asIterator()) {
                Instant modified = e.getLastModifiedTime() == null ? null : e.getLastModifiedTime().toInstant();
                if (e.isDirectory()) {
                    index.add(e.getName(), DumpEntry.Type.FOLDER, 0, modified, null, e);
                } else if (e.isUnixSymlink()) {
                    String target = linkTarget(zip, e);
                    index.add(e.getName(), DumpEntry.Type.LINK, 0, modified, target, e);
                } else {
                    long size = e.getSize() >= 0 ? e.getSize() : maxFileSize;
                    index.add(e.getName(), DumpEntry.Type.FILE, size, modified, null, e);
                }
            }
            DumpIndex.Built<ZipArchiveEntry> built = index.build();
            if (built == null) {
                zip.close();
                return null;
            }
            return new ZipTree(archive, zip, built);
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    /** A symbolic link's target, its stored content, read up to {@link #MAX_LINK_TARGET} bytes whatever it declares. */
    private static String linkTarget(ZipFile zip, ZipArchiveEntry e) throws IOException {
        try (InputStream in = new SizeCheckedInputStream(zip.getInputStream(e), MAX_LINK_TARGET, null)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public EvidenceFile file(String path) {
        DumpIndex.Stored<ZipArchiveEntry> stored = index.handles().get(path);
        ZipArchiveEntry entry = stored.handle();
        return new ArchiveEvidenceFile(path, archive.getFileName() + ":" + entry.getName(), stored.size(),
                stored.modified(),
                () -> new SizeCheckedInputStream(zip.getInputStream(entry), stored.size(),
                        "the archive entry " + entry.getName() + " holds more than the " + stored.size()
                                + " bytes it declares"),
                suffix -> sidecar(path + suffix));
    }

    private Optional<EvidenceFile> sidecar(String path) {
        return index.handles().containsKey(path) ? Optional.of(file(path)) : Optional.empty();
    }

    @Override
    public String description() {
        return "iOS filesystem dump in " + archive + (index.root().isEmpty() ? "" : " under " + index.root());
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException ignored) {
            // closing an archive only read cannot lose anything
        }
    }
}
