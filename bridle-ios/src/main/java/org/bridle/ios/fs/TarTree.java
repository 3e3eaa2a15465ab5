package org.bridle.ios.fs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;
import org.bridle.core.source.EvidenceFile;

/**
 * A dump stored as an uncompressed {@code .tar}: one pass reads the headers and notes where each file's content
 * starts; a read then opens its own channel at that offset, so reads cost only the bytes read and run in parallel.
 */
final class TarTree extends IndexedTree<Long> {
    private final Path archive;

    private TarTree(Path archive, DumpIndex.Built<Long> index) {
        super(index);
        this.archive = archive;
    }

    /** Indexes the archive; null when it holds no {@code private/var}. */
    static TarTree index(Path archive, long maxFileSize) throws IOException {
        DumpIndex<Long> index = new DumpIndex<>(maxFileSize);
        try (TarFile tar = new TarFile(archive)) {
            for (TarArchiveEntry e : tar.getEntries()) {
                TarEntries.add(index, e, e.getDataOffset());
            }
        }
        DumpIndex.Built<Long> built = index.build();
        return built == null ? null : new TarTree(archive, built);
    }

    @Override
    public EvidenceFile file(String path) {
        DumpIndex.Stored<Long> stored = index.handles().get(path);
        long size = stored.size();
        long offset = stored.handle();
        String origin = archive.getFileName() + ":" + index.root() + path;
        return new ArchiveEvidenceFile(path, origin, size, stored.modified(), () -> {
            FileChannel channel = FileChannel.open(archive, StandardOpenOption.READ);
            try {
                channel.position(offset);
                InputStream in = Channels.newInputStream(channel);
                return new SizeCheckedInputStream(in, size, null);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }, suffix -> sidecar(path + suffix));
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
        // each read closes its own channel
    }
}
