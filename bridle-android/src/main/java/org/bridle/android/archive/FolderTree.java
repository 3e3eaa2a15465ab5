package org.bridle.android.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** An unpacked folder as an entry tree; symbolic links are skipped, never followed. */
public final class FolderTree implements EntryTree {
    private final Path root;
    private final TreeSet<String> names = new TreeSet<>();
    private final List<String> skipped = new ArrayList<>();

    private FolderTree(Path root) {
        this.root = root;
    }

    /** Lists the folder's files. */
    public static FolderTree of(Path root) throws IOException {
        FolderTree tree = new FolderTree(root);
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                if (attrs.isSymbolicLink()) {
                    tree.skipped.add(name + ": a symbolic link");
                } else if (attrs.isRegularFile()) {
                    tree.names.add(name);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                tree.skipped.add(root.relativize(file) + ": cannot be read");
                return FileVisitResult.CONTINUE;
            }
        });
        return tree;
    }

    /** The folder's path of an entry. */
    public Path path(String name) {
        return root.resolve(name);
    }

    @Override public List<String> names() { return List.copyOf(names); }
    @Override public boolean contains(String name) { return names.contains(name); }
    @Override public List<String> skipped() { return List.copyOf(skipped); }

    @Override
    public long size(String name) throws IOException {
        return Files.size(path(name));
    }

    @Override
    public InputStream open(String name) throws IOException {
        if (!names.contains(name) || !Files.isRegularFile(path(name), LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(name + " is not a file of " + root);
        }
        return Limits.bounded(Files.newInputStream(path(name)), Limits.MAX_ENTRY_BYTES, name);
    }

    @Override
    public void close() {
    }
}
