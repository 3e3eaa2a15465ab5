package org.bridle.ios.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;
import org.bridle.core.source.InputException;
import org.bridle.testkit.DumpArchive;
import org.bridle.testkit.DumpArchive.Format;
import org.bridle.testkit.DumpBuilder;
import org.bridle.testkit.EvidenceSnapshot;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Dumps stored as archives: read in place, the root found under a leading folder, hostile entries left out. */
class DumpArchivesTest {
    private static final Instant MODIFIED = Instant.parse("2022-05-01T10:00:00Z");

    @TempDir
    Path dir;

    private Path dump() throws Exception {
        Path dump = new DumpBuilder(dir.resolve("dump"))
                .file("private/var/mobile/Library/SMS/sms.db", "sms")
                .file("private/var/db/diagnostics/shutdown.log", "log")
                .containerFile(DumpBuilder.Container.APP, "com.apple.mobilesafari", "Library/Safari/History.db",
                        "safari".getBytes(StandardCharsets.UTF_8))
                .build();
        Files.setLastModifiedTime(dump.resolve("private/var/mobile/Library/SMS/sms.db"), FileTime.from(MODIFIED));
        return dump;
    }

    private static String name(Format format) {
        return switch (format) {
            case TAR -> "dump.tar";
            case TAR_GZ -> "dump.tar.gz";
            case ZIP -> "dump.zip";
        };
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void resolvesAsTheFolderDoesUnderAnyLeadingFolder(Format format) throws Exception {
        for (String prefix : List.of("", "./", "filesystem/", "extraction/fs/")) {
            Path archive = new DumpArchive().folder(dump(), prefix).file(prefix + "../README-outside.txt", new byte[1])
                    .write(dir.resolve(prefix.replace('/', '_') + name(format)), format);
            EvidenceSnapshot before = EvidenceSnapshot.of(dir);
            try (IosFilesystemDump source = IosFilesystemDump.open(archive)) {
                assertThat(content(source.resolve(DevicePath.of("private/var/mobile/Library/SMS/sms.db"))))
                        .containsExactly("sms");
                assertThat(content(source.resolve(DevicePath.of("private/var/db/**/*.log")))).containsExactly("log");
                assertThat(content(source.resolve(DevicePath.of("@app/com.apple.mobilesafari/Library/Safari/History.db"))))
                        .containsExactly("safari");
                EvidenceFile sms = source.resolve(DevicePath.of("private/var/mobile/Library/SMS/sms.db")).get(0);
                assertThat(sms.localPath()).isEmpty();
                assertThat(sms.size()).isEqualTo(3);
                assertThat(sms.lastModified()).contains(MODIFIED);
                assertThat(sms.devicePath()).isEqualTo("private/var/mobile/Library/SMS/sms.db");
                List<String> all = new ArrayList<>();
                source.forEachFile(f -> all.add(f.devicePath()));
                assertThat(all).hasSize(4).allMatch(p -> p.startsWith("private/var/"));
            }
            assertThat(EvidenceSnapshot.of(dir)).as("nothing written beside the archive").isEqualTo(before);
        }
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void leavesOutHostileEntriesAndReadsTheRest(Format format) throws Exception {
        DumpArchive archive = new DumpArchive().folder(dump(), "")
                .file("../escape.txt", "x".getBytes(StandardCharsets.UTF_8))
                .file("private/var/../../escape2.txt", "x".getBytes(StandardCharsets.UTF_8))
                .file("/etc/passwd", "x".getBytes(StandardCharsets.UTF_8))
                .file("C:/Windows/evil.dll", "x".getBytes(StandardCharsets.UTF_8))
                .link("private/var/tmp/to-root", "/etc", false)
                .link("private/var/tmp/climb", "../../../../outside", false)
                .link("private/var/tmp/inside", "../mobile", false)
                .zeros("private/var/huge.bin", 3 << 20);
        if (format != Format.ZIP) {
            archive.link("private/var/tmp/hard", "../../etc/shadow", true);
        }
        Path written = archive.write(dir.resolve(name(format)), format);
        try (IosFilesystemDump source = IosFilesystemDump.open(written, 1 << 20)) {
            assertThat(source.problems()).anySatisfy(p -> assertThat(p).contains("\"../escape.txt\"", ".."))
                    .anySatisfy(p -> assertThat(p).contains("\"private/var/../../escape2.txt\""))
                    .anySatisfy(p -> assertThat(p).contains("\"/etc/passwd\"", "absolute"))
                    .anySatisfy(p -> assertThat(p).contains("\"C:/Windows/evil.dll\"", "absolute"))
                    .anySatisfy(p -> assertThat(p).contains("to-root", "outside", "/etc"))
                    .anySatisfy(p -> assertThat(p).contains("climb", "outside"))
                    .anySatisfy(p -> assertThat(p).contains("huge.bin", "3145728 bytes"))
                    .noneSatisfy(p -> assertThat(p).contains("tmp/inside"));
            assertThat(source.problems()).hasSize(format == Format.ZIP ? 7 : 8);
            assertThat(source.description()).contains("unsafe entries left out");
            assertThat(content(source.resolve(DevicePath.of("private/var/mobile/Library/SMS/sms.db"))))
                    .containsExactly("sms");
            assertThat(source.resolve(DevicePath.of("private/var/huge.bin"))).isEmpty();
            assertThat(source.resolve(DevicePath.of("private/var/tmp/*"))).as("links are never followed").isEmpty();
            assertThat(source.resolve(DevicePath.of("**/escape*.txt"))).isEmpty();
            assertThat(source.resolve(DevicePath.of("etc/passwd"))).isEmpty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("dump", name(format));
        }
    }

    @Test
    void aZipEntryThatDecompressesToMoreThanItDeclaresFailsItsRead() throws Exception {
        Path zip = new DumpArchive().folder(dump(), "").zeros("private/var/bomb.plist", 1 << 20)
                .write(dir.resolve("bomb.zip"), Format.ZIP);
        declareSize(zip, "private/var/bomb.plist", 100);
        try (IosFilesystemDump source = IosFilesystemDump.open(zip)) {
            EvidenceFile bomb = source.resolve(DevicePath.of("private/var/bomb.plist")).get(0);
            assertThat(bomb.size()).isEqualTo(100);
            assertThatThrownBy(bomb::readAllBytes).hasMessageContaining("holds more than the 100 bytes it declares");
            assertThat(content(source.resolve(DevicePath.of("private/var/mobile/Library/SMS/sms.db"))))
                    .containsExactly("sms");
        }
    }

    @Test
    void aTarGzThatDecompressesFarBeyondItsSizeIsRefusedAsABomb() throws Exception {
        Path archive = new DumpArchive().folder(dump(), "").zeros("private/var/zeros", 8 << 20)
                .write(dir.resolve("bomb.tgz"), Format.TAR_GZ);
        long size = Files.size(archive);
        assertThat(size).isLessThan((8 << 20) / TarGzTree.MAX_EXPANSION);
        assertThatThrownBy(() -> TarGzTree.index(archive, 1 << 20, size * TarGzTree.MAX_EXPANSION))
                .hasMessageContaining("bomb.tgz decompresses to more than " + size * TarGzTree.MAX_EXPANSION
                        + " bytes, 200 times its size or more: a decompression bomb");
        try (TarGzTree tree = TarGzTree.index(archive, 1 << 20, 16 << 20)) {
            assertThat(tree.paths()).contains("private/var/mobile/Library/SMS/sms.db").doesNotContain("private/var/zeros");
        }
    }

    @Test
    void aTarGzIsDecompressedOnceForTheFilesResolvedTogether() throws Exception {
        Path archive = new DumpArchive().folder(dump(), "filesystem/").write(dir.resolve("d.tgz"), Format.TAR_GZ);
        try (IosFilesystemDump source = IosFilesystemDump.open(archive)) {
            List<EvidenceFile> files = new ArrayList<>(source.resolve(DevicePath.of("private/var/db/**/*.log")));
            files.addAll(source.resolve(DevicePath.of("private/var/mobile/Library/**/*.db")));
            assertThat(content(files)).containsExactly("log", "sms");
            assertThat(content(files)).containsExactly("log", "sms");
            assertThat(((TarGzTree) source.tree()).passes()).isEqualTo(1);
        }
    }

    @Test
    void refusesArchivesThatAreNotDumps() throws Exception {
        Path other = new DumpArchive().file("notes/readme.txt", new byte[3]).write(dir.resolve("o.tar"), Format.TAR);
        assertThatThrownBy(() -> IosFilesystemDump.open(other)).isInstanceOf(InputException.class)
                .hasMessageContaining("not an iOS filesystem dump");
        Path garbage = Files.write(dir.resolve("g.tar.gz"), "not gzip".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> IosFilesystemDump.open(garbage)).isInstanceOf(InputException.class)
                .hasMessageContaining("cannot be read");
        Path rar = Files.write(dir.resolve("d.rar"), new byte[10]);
        assertThatThrownBy(() -> IosFilesystemDump.open(rar)).isInstanceOf(InputException.class)
                .hasMessageContaining("neither a folder nor a .tar, .tar.gz, .tgz or .zip archive");
    }

    /** Rewrites an entry's uncompressed size in its local header and in the central directory. */
    private static void declareSize(Path zip, String entry, int size) throws Exception {
        byte[] bytes = Files.readAllBytes(zip);
        byte[] name = entry.getBytes(StandardCharsets.UTF_8);
        try (RandomAccessFile file = new RandomAccessFile(zip.toFile(), "rw")) {
            for (int i = 0; i + 46 < bytes.length; i++) {
                int sig = le32(bytes, i);
                if (sig == 0x04034b50 && matches(bytes, i + 30, name, le16(bytes, i + 26))) {
                    file.seek(i + 22);
                    file.write(le32(size));
                } else if (sig == 0x02014b50 && matches(bytes, i + 46, name, le16(bytes, i + 28))) {
                    file.seek(i + 24);
                    file.write(le32(size));
                }
            }
        }
    }

    private static boolean matches(byte[] bytes, int at, byte[] name, int length) {
        if (length != name.length || at + length > bytes.length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (bytes[at + i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    private static int le16(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
    }

    private static int le32(byte[] b, int i) {
        return le16(b, i) | le16(b, i + 2) << 16;
    }

    private static byte[] le32(int v) {
        return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
    }

    private static List<String> content(List<EvidenceFile> files) throws Exception {
        List<String> out = new ArrayList<>();
        for (EvidenceFile f : files) {
            try (InputStream in = f.open()) {
                out.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
