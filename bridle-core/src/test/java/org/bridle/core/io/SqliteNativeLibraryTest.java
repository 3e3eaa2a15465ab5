package org.bridle.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.bridle.testkit.SqliteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteNativeLibraryTest {
    private static final FileTime LONG_AGO = FileTime.fromMillis(1_500_000_000_000L);

    @TempDir
    Path dir;

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static byte[] library(int seed) {
        byte[] bytes = new byte[100_000];
        Arrays.fill(bytes, (byte) seed);
        return bytes;
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void createsTheFolderOwnerOnly() throws Exception {
        Path folder = PrivateFolder.open(dir.resolve("native"));
        assertThat(folder).isDirectory();
        if (posix()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        }
        assertThat(PrivateFolder.open(folder)).isEqualTo(folder);
    }

    @Test
    void keepsACopyThatHoldsTheSameBytesWithoutWritingIt() throws Exception {
        Path folder = PrivateFolder.open(dir.resolve("native"));
        Path copy = SqliteNativeLibrary.keep(folder, "libsqlitejdbc.so", library(1));
        assertThat(copy).hasBinaryContent(library(1));
        Files.setLastModifiedTime(copy, LONG_AGO);
        Object identity = Files.readAttributes(copy, BasicFileAttributes.class).fileKey();

        assertThat(SqliteNativeLibrary.keep(folder, "libsqlitejdbc.so", library(1))).isEqualTo(copy);

        assertThat(Files.getLastModifiedTime(copy)).isEqualTo(LONG_AGO);
        assertThat(Files.readAttributes(copy, BasicFileAttributes.class).fileKey()).isEqualTo(identity);
        assertThat(names(folder)).containsExactly("libsqlitejdbc.so");
    }

    @Test
    void replacesACopyWhoseBytesDiffer() throws Exception {
        Path folder = PrivateFolder.open(dir.resolve("native"));
        Path copy = SqliteNativeLibrary.keep(folder, "libsqlitejdbc.so", library(1));
        Files.setLastModifiedTime(copy, LONG_AGO);

        SqliteNativeLibrary.keep(folder, "libsqlitejdbc.so", library(2));
        assertThat(copy).hasBinaryContent(library(2));
        assertThat(Files.getLastModifiedTime(copy)).isNotEqualTo(LONG_AGO);

        Files.write(copy, Arrays.copyOf(library(2), 99_999));
        SqliteNativeLibrary.keep(folder, "libsqlitejdbc.so", library(2));
        assertThat(copy).hasBinaryContent(library(2));
        assertThat(names(folder)).containsExactly("libsqlitejdbc.so");
    }

    @Test
    void refusesAFolderOthersCanWriteIn() throws Exception {
        assumeTrue(posix(), "POSIX permissions");
        Path group = Files.createDirectory(dir.resolve("group"));
        Files.setPosixFilePermissions(group, PosixFilePermissions.fromString("rwxrwx---"));
        Path world = Files.createDirectory(dir.resolve("world"));
        Files.setPosixFilePermissions(world, PosixFilePermissions.fromString("rwxr-xrwx"));

        assertThatThrownBy(() -> PrivateFolder.open(group)).isInstanceOf(IOException.class)
                .hasMessageContaining("can be written by others (rwxrwx---)");
        assertThatThrownBy(() -> PrivateFolder.open(world)).isInstanceOf(IOException.class)
                .hasMessageContaining("can be written by others (rwxr-xrwx)");
    }

    @Test
    void refusesAFileAndALink() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "not a folder");
        assertThatThrownBy(() -> PrivateFolder.open(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("is not a folder");

        Path folder = PrivateFolder.open(dir.resolve("native"));
        Path link;
        try {
            link = Files.createSymbolicLink(dir.resolve("link"), folder);
        } catch (IOException | UnsupportedOperationException noLinks) {
            assumeTrue(false, "this system lets no one but administrators make links: " + noLinks);
            return;
        }
        assertThatThrownBy(() -> PrivateFolder.open(link)).isInstanceOf(IOException.class)
                .hasMessageContaining("is not a folder");
    }

    @Test
    void refusesAFolderOfAnotherUser() throws Exception {
        assumeTrue(posix(), "POSIX permissions");
        Path folder = PrivateFolder.open(dir.resolve("native"));
        UserPrincipal other;
        try {
            other = folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(folder, other);
        } catch (IOException notPermitted) {
            assumeTrue(false, "giving a folder to another user needs root: " + notPermitted);
            return;
        }
        assertThatThrownBy(() -> PrivateFolder.open(folder)).isInstanceOf(IOException.class)
                .hasMessageContaining("belongs to nobody");
    }

    /**
     * In a JVM of its own (the driver loads its library once per JVM), with a temporary folder of the test's: the
     * driver loads the kept copy and extracts nothing, and a second run writes nothing.
     */
    @Test
    void theDriverLoadsTheKeptCopyAndASecondRunWritesNothing() throws Exception {
        Path db = probeDatabase();
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        Path folder = nativeFolderIn(tmp);

        List<String> first = probe(tmp, db);
        assertThat(first.get(0)).isEqualTo("row");
        assertThat(first.get(1)).isEqualTo(folder.toAbsolutePath().toString());
        assertThat(first.get(2)).startsWith("sqlite-jdbc-").doesNotStartWith("sqlite-jdbc-unknown");
        assertThat(first.subList(3, first.size())).as("the folder holds the copy alone: the driver extracted nothing")
                .containsExactly(first.get(2));
        assertThat(names(tmp)).containsExactly(folder.getFileName().toString());
        Path copy = folder.resolve(first.get(2));
        Files.setLastModifiedTime(copy, LONG_AGO);

        assertThat(probe(tmp, db)).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(copy)).isEqualTo(LONG_AGO);
        assertThat(names(tmp)).containsExactly(folder.getFileName().toString());
    }

    /** In a JVM of its own, with a folder of that name that others can write in: the driver loads its own way. */
    @Test
    void aFolderOthersCanWriteInLeavesTheDriverToItsOwnLoading() throws Exception {
        assumeTrue(posix(), "POSIX permissions");
        Path db = probeDatabase();
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        Path folder = Files.createDirectory(nativeFolderIn(tmp));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThat(probe(tmp, db)).containsExactly("row", "null", "null");
        assertThat(names(folder)).isEmpty();
    }

    private Path probeDatabase() throws Exception {
        Path db = dir.resolve("probe.db");
        try (SqliteFixture f = SqliteFixture.create(db)) {
            f.execute("CREATE TABLE t (v TEXT)");
            f.insert("INSERT INTO t VALUES (?)", "row");
        }
        return db;
    }

    private static Path nativeFolderIn(Path tmp) {
        return tmp.resolve("bridle-native-" + System.getProperty("user.name").replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    /**
     * The probe's standard output, line by line. Its standard error goes to a file, shown when it fails: JDK 24 and
     * later warn there when the driver calls {@code System.load}.
     */
    private static List<String> probe(Path tmp, Path db) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                SqliteNativeLibraryProbe.class.getName(), db.toString());
        Path errors = Files.createTempFile("probe", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            assertThat(exit).as("%s%s", output, Files.readString(errors)).isZero();
            return output.lines().toList();
        } finally {
            Files.delete(errors);
        }
    }
}
