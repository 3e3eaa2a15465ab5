package org.bridle.ios.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bridle.core.io.ScratchDirectory;
import org.bridle.core.io.SqliteEvidence;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;
import org.bridle.core.source.InputException;
import org.bridle.testkit.BackupBuilder;
import org.bridle.testkit.EvidenceSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IosBackupTest {
    @TempDir
    Path dir;

    @Test
    void mapsDevicePathsToDomains() throws Exception {
        Path backup = new BackupBuilder(dir.resolve("b"))
                .file("HomeDomain", "Library/SMS/sms.db", "a")
                .file("WirelessDomain", "Library/Databases/DataUsage.sqlite", "b")
                .file("AppDomain-com.apple.mobilesafari", "Library/Safari/History.db", "c")
                .file("AppDomain-com.example.other", "Library/Safari/History.db", "d")
                .file("HomeDomain", "Library/Safari/Profiles/p1/History.db", "e")
                .build();
        try (IosBackup source = IosBackup.open(backup)) {
            assertThat(content(source.resolve(DevicePath.of("private/var/mobile/Library/SMS/sms.db")))).containsExactly("a");
            assertThat(content(source.resolve(DevicePath.of("private/var/wireless/Library/Databases/DataUsage.sqlite"))))
                    .containsExactly("b");
            assertThat(content(source.resolve(DevicePath.of("@app/com.apple.mobilesafari/Library/Safari/History.db"))))
                    .containsExactly("c");
            assertThat(content(source.resolve(DevicePath.of("@app/*/Library/Safari/History.db")))).containsExactly("c", "d");
            assertThat(content(source.resolve(DevicePath.of("private/var/mobile/Library/Safari/Profiles/*/History.db"))))
                    .containsExactly("e");
            assertThat(source.resolve(DevicePath.of("private/var/mobile/Library/Nothing.db"))).isEmpty();
            assertThat(source.resolve(DevicePath.of("@backup/Info.plist"))).hasSize(1);
            assertThat(source.resolve(DevicePath.of("@backup/../etc/passwd"))).isEmpty();
        }
    }

    @Test
    void everyFileHoldsTheBackupFolderOwnFilesAndEveryListedFile() throws Exception {
        Path backup = new BackupBuilder(dir.resolve("b"))
                .file("HomeDomain", "Library/SMS/sms.db", "a")
                .directory("HomeDomain", "Library/SMS")
                .listedOnly("HomeDomain", "Library/Notes/notes.sqlite", 10)
                .build();
        List<String> visited = new java.util.ArrayList<>();
        try (IosBackup source = IosBackup.open(backup)) {
            source.forEachFile(f -> visited.add(f.devicePath() + (f.present() ? "" : " (missing)")));
        }
        assertThat(visited).containsExactly("@backup/Info.plist", "@backup/Manifest.db", "@backup/Manifest.plist",
                "@backup/Status.plist", "private/var/mobile/Library/SMS/sms.db",
                "private/var/mobile/Library/Notes/notes.sqlite (missing)");
    }

    @Test
    void anExactPathFindsContentStoredUnderItsFileIdThatManifestDbDoesNotList() throws Exception {
        Path backup = new BackupBuilder(dir.resolve("b"))
                .unlistedFile("AppDomainGroup-group.net.whatsapp.WhatsApp.shared", "LID.sqlite", "lid".getBytes())
                .unlistedFile("HomeDomain", "Library/Unlisted.plist", "home".getBytes())
                .build();
        try (IosBackup source = IosBackup.open(backup)) {
            List<EvidenceFile> lid = source.resolve(DevicePath.of("@group/group.net.whatsapp.WhatsApp.shared/LID.sqlite"));
            assertThat(content(lid)).containsExactly("lid");
            assertThat(lid.get(0).devicePath()).isEqualTo("@group/group.net.whatsapp.WhatsApp.shared/LID.sqlite");
            assertThat(lid.get(0).origin()).endsWith("(AppDomainGroup-group.net.whatsapp.WhatsApp.shared, LID.sqlite, "
                    + "not listed in Manifest.db)");
            assertThat(content(source.resolve(DevicePath.of("private/var/mobile/Library/Unlisted.plist"))))
                    .containsExactly("home");
            assertThat(source.resolve(DevicePath.of("@group/*/LID.sqlite"))).as("patterns list only listed files")
                    .isEmpty();
            assertThat(source.resolve(DevicePath.of("@group/group.net.whatsapp.WhatsApp.shared/Other.sqlite")))
                    .isEmpty();
        }
    }

    @Test
    void keepsFileIdsAsTheDatabaseHoldsThemAndFindsTheLastOfDuplicateRecords() throws Exception {
        String upper = BackupBuilder.fileId("HomeDomain", "Library/Upper.plist").toUpperCase(java.util.Locale.ROOT);
        String lower = upper.toLowerCase(java.util.Locale.ROOT);
        String first = "1111111111111111111111111111111111111111";
        String second = "2222222222222222222222222222222222222222";
        Path backup = new BackupBuilder(dir.resolve("b"))
                .fileStoredAs(upper, "HomeDomain", "Library/Upper.plist", "upper".getBytes())
                .fileStoredAs("not-a-sha1", "HomeDomain", "Library/Odd.plist", "odd".getBytes())
                .fileStoredAs(first, "HomeDomain", "Library/Dup.plist", "first".getBytes())
                .fileStoredAs(second, "HomeDomain", "Library/Dup.plist", "second".getBytes())
                .build();
        try (IosBackup source = IosBackup.open(backup)) {
            assertThat(source.records()).containsExactly(
                    new ManifestRecord(upper, "HomeDomain", "Library/Upper.plist", 1),
                    new ManifestRecord("not-a-sha1", "HomeDomain", "Library/Odd.plist", 1),
                    new ManifestRecord(first, "HomeDomain", "Library/Dup.plist", 1),
                    new ManifestRecord(second, "HomeDomain", "Library/Dup.plist", 1));
            assertThat(content(source.resolve(DevicePath.of("private/var/mobile/Library/Dup.plist"))))
                    .containsExactly("second");
            assertThat(content(source.resolve(DevicePath.of("private/var/mobile/Library/D*.plist"))))
                    .containsExactly("first", "second");
            assertThat(source.resolve(DevicePath.of("private/var/mobile/Library/Upper.plist")).get(0).origin())
                    .isEqualTo(lower.substring(0, 2) + "/" + lower + " (HomeDomain, Library/Upper.plist)");
            EvidenceFile odd = source.resolve(DevicePath.of("private/var/mobile/Library/Odd.plist")).get(0);
            assertThat(odd.origin()).isEqualTo("no/not-a-sha1 (HomeDomain, Library/Odd.plist)");
            assertThat(odd.present()).isFalse();
        }
    }

    @Test
    void aListedFileWithoutContentIsNotPresent() throws Exception {
        Path backup = new BackupBuilder(dir.resolve("b")).listedOnly("HomeDomain", "Library/Safari/History.db", 10).build();
        try (IosBackup source = IosBackup.open(backup)) {
            List<EvidenceFile> files = source.resolve(DevicePath.of("private/var/mobile/Library/Safari/History.db"));
            assertThat(files).hasSize(1);
            assertThat(files.get(0).present()).isFalse();
        }
    }

    @Test
    void findsTheOneBackupInsideAFolder() throws Exception {
        new BackupBuilder(dir.resolve("parent/00008030-001")).build();
        try (IosBackup source = IosBackup.open(dir.resolve("parent"))) {
            assertThat(source.root()).isEqualTo(dir.resolve("parent/00008030-001"));
        }
    }

    @Test
    void refusesWhatIsNotABackup() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> IosBackup.open(dir.resolve("empty")))
                .isInstanceOf(InputException.class).hasMessageContaining("is not an iOS backup");
        assertThatThrownBy(() -> IosBackup.open(dir.resolve("missing")))
                .isInstanceOf(InputException.class).hasMessageContaining("does not exist");
        new BackupBuilder(dir.resolve("two/a")).build();
        new BackupBuilder(dir.resolve("two/b")).build();
        assertThatThrownBy(() -> IosBackup.open(dir.resolve("two")))
                .isInstanceOf(InputException.class).hasMessageContaining("holds 2 backups");
    }

    @Test
    void refusesAnEncryptedBackupWithOneSentence() {
        Path backup = new BackupBuilder(dir.resolve("b")).encrypted(true).build();
        assertThatThrownBy(() -> IosBackup.open(backup))
                .isInstanceOf(InputException.class).hasMessageContaining("is encrypted");
    }

    @Test
    void refusesATruncatedOrFakeManifest() throws Exception {
        Path backup = new BackupBuilder(dir.resolve("b")).file("HomeDomain", "Library/x", "x").build();
        byte[] manifest = Files.readAllBytes(backup.resolve("Manifest.db"));
        Files.write(backup.resolve("Manifest.db"), java.util.Arrays.copyOf(manifest, 200));
        assertThatThrownBy(() -> IosBackup.open(backup))
                .isInstanceOf(InputException.class).hasMessageContaining("Manifest.db");
        Files.writeString(backup.resolve("Manifest.db"), "this is not sqlite");
        assertThatThrownBy(() -> IosBackup.open(backup))
                .isInstanceOf(InputException.class).hasMessageContaining("not an SQLite database");
    }

    @Test
    void aDatabaseWithAWriteAheadLogIsReadFromACopyAndTheEvidenceIsUnchanged() throws Exception {
        Path work = dir.resolve("wal");
        Files.createDirectories(work);
        Path db = work.resolve("sms.db");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db)) {
            try (var st = c.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA wal_autocheckpoint=0");
                st.execute("CREATE TABLE message (text TEXT)");
                st.execute("INSERT INTO message VALUES ('in the wal')");
            }
            Path backup = new BackupBuilder(dir.resolve("b"))
                    .file("HomeDomain", "Library/SMS/sms.db", Files.readAllBytes(db))
                    .file("HomeDomain", "Library/SMS/sms.db-wal", Files.readAllBytes(work.resolve("sms.db-wal")))
                    .build();
            EvidenceSnapshot before = EvidenceSnapshot.of(backup);
            try (IosBackup source = IosBackup.open(backup); ScratchDirectory scratch = ScratchDirectory.create()) {
                EvidenceFile file = source.resolve(DevicePath.of("private/var/mobile/Library/SMS/sms.db")).get(0);
                List<String> texts = new java.util.ArrayList<>();
                try (SqliteEvidence evidence = SqliteEvidence.open(file, scratch)) {
                    evidence.query("SELECT text FROM message", row -> texts.add(row.string("text")));
                }
                assertThat(texts).containsExactly("in the wal");
            }
            assertThat(EvidenceSnapshot.of(backup)).isEqualTo(before);
        }
    }

    private static List<String> content(List<EvidenceFile> files) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        for (EvidenceFile f : files) {
            out.add(new String(f.readAllBytes()));
        }
        return out;
    }

}
