package org.bridle.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Gives sqlite-jdbc its native library from a copy kept between runs, instead of the new copy the driver otherwise
 * writes into the temporary folder at every start (and reads back, a byte at a time, to compare it with its
 * resource).
 *
 * <p>The copy is the driver's own resource for this platform ({@code LibraryLoaderUtil.getNativeLibResourcePath()}
 * and {@code getNativeLibName()}), kept in a {@link PrivateFolder} named {@code bridle-native-<user>} in the folder
 * where the driver would extract it ({@code org.sqlite.tmpdir}, else {@code java.io.tmpdir}), as
 * {@code sqlite-jdbc-<version>-<platform>-<library>}: one copy per driver version and platform, reused while its
 * bytes equal the resource's and replaced otherwise (written to a temporary file in the folder, then moved over it
 * atomically, so a run never loads a half-written copy). A run that finds a good copy writes nothing. The driver is
 * then pointed at the copy through its system properties {@code org.sqlite.lib.path} and {@code org.sqlite.lib.name},
 * and, when the user has not set {@code org.sqlite.tmpdir}, at the folder for that too, so that the stale copies it
 * looks for at start-up are looked for there rather than among everything in the temporary folder.
 *
 * <p>Reuse rather than deletion after loading, because Windows cannot delete a library a process has loaded. Nothing
 * is done when the user has set {@code org.sqlite.lib.path}; and when anything fails (no resource for this platform,
 * a folder that is not private, a copy that cannot be written) the properties are left alone and the driver loads
 * its library its own way.
 */
final class SqliteNativeLibrary {
    static final String LIB_PATH = "org.sqlite.lib.path";
    static final String LIB_NAME = "org.sqlite.lib.name";
    static final String TMPDIR = "org.sqlite.tmpdir";

    private static boolean prepared;

    private SqliteNativeLibrary() {
    }

    /** Points the driver at the kept copy, the first time it is called in this JVM; it must precede the first load. */
    static synchronized void prepare() {
        if (prepared) {
            return;
        }
        prepared = true;
        if (System.getProperty(LIB_PATH) != null) {
            return;
        }
        try {
            String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
            byte[] library;
            try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
                if (in == null) {
                    return;
                }
                library = in.readAllBytes();
            }
            String user = System.getProperty("user.name").replaceAll("[^A-Za-z0-9._-]", "_");
            Path base = Path.of(System.getProperty(TMPDIR, System.getProperty("java.io.tmpdir")));
            Path folder = PrivateFolder.open(base.resolve("bridle-native-" + user)).toAbsolutePath();
            String name = "sqlite-jdbc-" + SQLiteJDBCLoader.getVersion() + "-"
                    + resource.replaceFirst("^/org/sqlite/native/", "").replaceAll("[^A-Za-z0-9._-]", "-");
            keep(folder, name, library);
            System.setProperty(LIB_PATH, folder.toString());
            System.setProperty(LIB_NAME, name);
            if (System.getProperty(TMPDIR) == null) {
                System.setProperty(TMPDIR, folder.toString());
            }
        } catch (IOException | RuntimeException unusable) {
            // the driver extracts and loads its library its own way
        }
    }

    /**
     * Makes {@code folder/name} hold exactly {@code content}: kept when it already does, else replaced atomically.
     *
     * @return the file
     */
    static Path keep(Path folder, String name, byte[] content) throws IOException {
        Path file = folder.resolve(name);
        if (holds(file, content)) {
            return file;
        }
        Path temporary = Files.createTempFile(folder, name, ".tmp", ownerOnly());
        try {
            Files.write(temporary, content);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return file;
    }

    private static boolean holds(Path file, byte[] content) throws IOException {
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) == content.length
                && Arrays.equals(Files.readAllBytes(file), content);
    }

    private static FileAttribute<?>[] ownerOnly() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))};
    }
}
