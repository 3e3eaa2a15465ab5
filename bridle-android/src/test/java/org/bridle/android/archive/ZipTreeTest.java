package org.bridle.android.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.bridle.core.source.InputException;
import org.bridle.testkit.android.AndroidArchives;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipTreeTest {
    @TempDir
    Path dir;

    @Test
    void listsSafeEntriesAndReportsHostileOnes() throws Exception {
        byte[] zip = AndroidArchives.zip(AndroidArchives.entries("a/", null, "a/b.txt", "b", "./c//d.txt", "d",
                "../escape.txt", "x", "/etc/passwd", "x", "a/../../up", "x", "C:/windows.txt", "x"));
        try (ZipTree tree = ZipTree.open(zip)) {
            assertThat(tree.names()).containsExactly("a/b.txt", "c/d.txt");
            assertThat(new String(tree.readAll("c/d.txt"))).isEqualTo("d");
            assertThat(tree.skipped()).containsExactly("../escape.txt: a path that climbs out of the archive",
                    "/etc/passwd: an absolute path", "a/../../up: a path that climbs out of the archive",
                    "C:/windows.txt: an absolute path");
        }
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aNonZipOrTruncatedZipIsOneSentence() throws Exception {
        Path notZip = Files.writeString(dir.resolve("bugreport.zip"), "this is not a zip");
        assertThatThrownBy(() -> Trees.open(notZip, "an Android bugreport")).isInstanceOf(InputException.class)
                .hasMessageContaining("is not an Android bugreport: it is neither a folder nor a readable zip");
        byte[] zip = AndroidArchives.zip(AndroidArchives.entries("main_entry.txt", "dumpstate.txt", "dumpstate.txt", "x".repeat(500)));
        Path truncated = Files.write(dir.resolve("cut.zip"), Arrays.copyOf(zip, zip.length - 30));
        assertThatThrownBy(() -> Trees.open(truncated, "an Android bugreport")).isInstanceOf(InputException.class);
        assertThatThrownBy(() -> Trees.open(dir.resolve("missing.zip"), "an Android bugreport"))
                .isInstanceOf(InputException.class).hasMessageContaining("does not exist");
    }

    @Test
    void readsStopAtTheBoundWithAClearMessage() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                Arrays.fill(b, off, off + len, (byte) 0);
                return len;
            }
        };
        assertThatThrownBy(() -> Limits.readBounded(endless, 1 << 20, "bugreport.zip"))
                .isInstanceOf(Limits.TooLargeException.class)
                .hasMessage("bugreport.zip decompresses to more than 1 MiB, more than any real evidence holds"
                        + " (a zip bomb?)");
        assertThat(Limits.bounded(new ByteArrayInputStream(new byte[10]), 10, "x")).isNotNull();
    }

    @Test
    void aFolderTreeSkipsSymbolicLinks() throws Exception {
        Files.writeString(dir.resolve("real.txt"), "r");
        Files.createSymbolicLink(dir.resolve("link.txt"), Path.of("/etc/hostname"));
        try (FolderTree tree = FolderTree.of(dir)) {
            assertThat(tree.names()).containsExactly("real.txt");
            assertThat(tree.skipped()).containsExactly("link.txt: a symbolic link");
        }
    }
}
