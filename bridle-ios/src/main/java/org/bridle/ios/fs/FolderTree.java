package org.bridle.ios.fs;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import org.bridle.core.source.EvidenceFile;
import org.bridle.core.source.LocalEvidenceFile;

/**
 * A dump extracted into a folder. Symbolic links are listed, never followed (a link may point outside the dump), so
 * only the regular files inside the folder are evidence.
 */
final class FolderTree extends IndexedTree<Path> {
    private final Path input;

    private FolderTree(Path input, DumpIndex.Built<Path> index) {
        super(index);
        this.input = input;
    }

    /** Indexes every entry under {@code input}; null when it holds no {@code private/var}. */
    static FolderTree index(Path input) throws IOException {
        DumpIndex<Path> index = new DumpIndex<>(Long.MAX_VALUE);
        Files.walkFileTree(input, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(input)) {
                    add(dir, DumpEntry.Type.FOLDER, attrs, null);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isSymbolicLink()) {
                    add(file, DumpEntry.Type.LINK, attrs, Files.readSymbolicLink(file).toString());
                } else if (attrs.isRegularFile()) {
                    add(file, DumpEntry.Type.FILE, attrs, null);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                index.problem("Left out \"" + input.relativize(file) + "\": it cannot be read");
                return FileVisitResult.CONTINUE;
            }

            private void add(Path p, DumpEntry.Type type, BasicFileAttributes attrs, String target) {
                index.add(input.relativize(p).toString().replace('\\', '/'), type, attrs.size(),
                        attrs.lastModifiedTime().toInstant(), target, p);
            }
        });
        DumpIndex.Built<Path> built = index.build();
        return built == null ? null : new FolderTree(input, built);
    }

    @Override
    public EvidenceFile file(String path) {
        return new LocalEvidenceFile(path, index.root() + path, index.handles().get(path).handle(),
                suffix -> sidecar(path + suffix), true);
    }

    private Optional<EvidenceFile> sidecar(String path) {
        return index.handles().containsKey(path) ? Optional.of(file(path)) : Optional.empty();
    }

    @Override
    public String description() {
        return "iOS filesystem dump at " + input.resolve(index.root());
    }

    @Override
    public void close() {
        // a folder holds nothing open
    }
}
