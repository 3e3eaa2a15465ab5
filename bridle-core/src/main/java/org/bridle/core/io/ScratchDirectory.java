package org.bridle.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A private folder (owner-only where the file system allows) for copies a scan needs, removed with everything in it
 * on {@link #close()} and, should the program be stopped first, when the JVM shuts down.
 */
public final class ScratchDirectory implements AutoCloseable {
    private final Path root;
    private final Thread cleanup;
    private final AtomicInteger counter = new AtomicInteger();

    private ScratchDirectory(Path root) {
        this.root = root;
        this.cleanup = new Thread(this::deleteQuietly, "bridle-scratch-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /** Creates a new private folder under the system's temporary folder. */
    public static ScratchDirectory create() {
        try {
            Path dir = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempDirectory("bridle-",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                    : Files.createTempDirectory("bridle-");
            return new ScratchDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a private temporary folder", e);
        }
    }

    /** The folder itself. */
    public Path root() {
        return root;
    }

    /** A new, empty, uniquely named sub-folder. */
    public Path newFolder(String hint) throws IOException {
        return Files.createDirectory(root.resolve(counter.incrementAndGet() + "-" + hint.replaceAll("[^A-Za-z0-9._-]", "_")));
    }

    /** Deletes the folder and everything in it. */
    @Override
    public void close() {
        deleteQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: nothing left to do
        }
    }

    private void deleteQuietly() {
        deleteTree(root);
    }

    /** Deletes a tree, ignoring what is already gone. */
    public static void deleteTree(Path top) {
        if (!Files.exists(top)) {
            return;
        }
        try {
            Files.walkFileTree(top, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove temporary folder " + top, e);
        }
    }
}
