package org.bridle.ios.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.bridle.core.model.Observable;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.ios.ArtifactScan;
import org.bridle.ios.artifacts.Filesystem.Entry;
import org.bridle.testkit.BackupBuilder;
import org.bridle.testkit.DumpArchive;
import org.bridle.testkit.DumpBuilder;
import org.bridle.ios.backup.IosBackup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemTest {
    private static final Instant MODIFIED = Instant.parse("2023-03-01T10:00:00Z");

    @TempDir
    Path dir;

    private final Filesystem filesystem = new Filesystem();

    private Path dump() throws Exception {
        Path dump = new DumpBuilder(dir.resolve("dump"))
                .file("private/var/db/com.apple.xpc.roleaccountd.staging/bh", "x")
                .file("private/var/mobile/Library/SMS/sms.db", "sms")
                .build();
        Files.setLastModifiedTime(dump.resolve("private/var/db/com.apple.xpc.roleaccountd.staging/bh"),
                FileTime.from(MODIFIED));
        Files.setLastModifiedTime(dump.resolve("private/var/mobile/Library/SMS/sms.db"),
                FileTime.from(MODIFIED.plusSeconds(60)));
        return dump;
    }

    @Test
    void listsEveryFileAndFolderWithItsModificationTime() throws Exception {
        ArtifactScan scan = ArtifactScan.overDump(dump(), filesystem);

        List<Entry> entries = scan.entries("filesystem");
        assertThat(entries).extracting(Entry::path, Entry::type).containsExactly(
                tuple("/private", "folder"),
                tuple("/private/var", "folder"),
                tuple("/private/var/db", "folder"),
                tuple("/private/var/db/com.apple.xpc.roleaccountd.staging", "folder"),
                tuple("/private/var/db/com.apple.xpc.roleaccountd.staging/bh", "file"),
                tuple("/private/var/mobile", "folder"),
                tuple("/private/var/mobile/Library", "folder"),
                tuple("/private/var/mobile/Library/SMS", "folder"),
                tuple("/private/var/mobile/Library/SMS/sms.db", "file"));
        Entry bh = entries.get(4);
        assertThat(bh).isEqualTo(new Entry("/private/var/db/com.apple.xpc.roleaccountd.staging/bh", "file", 1,
                MODIFIED));
        assertThat(filesystem.observables(bh)).containsExactly(
                Observable.filePath("/private/var/db/com.apple.xpc.roleaccountd.staging/bh"), Observable.process("bh"));
        assertThat(filesystem.observables(entries.get(3))).contains(
                Observable.process("com.apple.xpc.roleaccountd.staging"));
        assertThat(scan.sink().timeline()).hasSize(entries.size())
                .contains(new TimelineEvent(MODIFIED, "filesystem", "entry_modified", bh.path()));
        assertThat(scan.outcome("filesystem").notes()).isEmpty();
    }

    @Test
    void aTarOfTheDumpGivesTheSameEntriesAndHostileEntriesAsNotes() throws Exception {
        Path folder = dump();
        List<Entry> fromFolder = ArtifactScan.overDump(folder, filesystem).entries("filesystem");
        Path tar = new DumpArchive().folder(folder, "filesystem/")
                .file("filesystem/../../evil", "x".getBytes(StandardCharsets.UTF_8))
                .link("filesystem/private/var/tmp/etc", "/etc", false)
                .file("filesystem/private/var/tmp/tab\there\nnew line\\x", new byte[2])
                .write(dir.resolve("archives/dump.tar"), DumpArchive.Format.TAR);

        ArtifactScan scan = ArtifactScan.overDump(tar, filesystem);

        List<Entry> fromTar = scan.entries("filesystem");
        assertThat(fromTar).filteredOn(e -> e.type().equals("file") && !e.path().startsWith("/private/var/tmp/"))
                .containsExactlyElementsOf(
                fromFolder.stream().filter(e -> e.type().equals("file")).toList());
        assertThat(fromTar).extracting(Entry::path)
                // tabs and line breaks survive the listing; a backslash separates folders, as zip tools on Windows write
                .contains("/private/var/tmp/etc", "/private/var/tmp/tab\there\nnew line/x").containsAll(
                fromFolder.stream().map(Entry::path).toList());
        assertThat(scan.outcome("filesystem").notes()).containsExactly(
                "Left out \"filesystem/../../evil\": its path climbs out of the dump (..)",
                "Not followed: link \"filesystem/private/var/tmp/etc\" points outside the dump, to \"/etc\"");
    }

    @Test
    void aBackupHasNoListing() throws Exception {
        Path backup = new BackupBuilder(dir.resolve("b"))
                .file("HomeDomain", "Library/SMS/sms.db", new byte[] {1}).build();
        try (IosBackup source = IosBackup.open(backup)) {
            assertThat(ArtifactScan.run(source, filesystem).outcome("filesystem").status())
                    .isEqualTo(ArtifactOutcome.Status.NOT_PRESENT);
        }
    }
}
