package org.bridle.ios.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bridle.core.io.Plists;
import org.bridle.core.io.ScratchDirectory;
import org.bridle.core.io.SqliteEvidence;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;
import org.bridle.core.source.InputException;
import org.bridle.core.source.PasswordSource;
import org.bridle.testkit.BackupBuilder;
import org.bridle.testkit.EvidenceSnapshot;
import org.bridle.testkit.PlistFixture;
import org.bridle.testkit.ios.BackupEncryption;
import org.bridle.testkit.ios.TccDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedBackupTest {
    private static final String PASSWORD = "Grüße, 密码 & \"quotes\" \\ 🔐🦄";
    private static final String SMS = "private/var/mobile/Library/SMS/sms.db";
    private static final String NOTES = "private/var/mobile/Library/Notes/notes.txt";

    @TempDir
    Path dir;

    private static PasswordSource password(String password) {
        return evidence -> password.toCharArray();
    }

    private Path backup(BackupEncryption encryption) {
        return new BackupBuilder(dir.resolve("encrypted"))
                .encryptedWith(encryption)
                .file("HomeDomain", "Library/SMS/sms.db", TccDatabase.create().bytes())
                .file("HomeDomain", "Library/Notes/notes.txt", "a note of 31 bytes, not padded")
                .file("HomeDomain", "Library/Notes/empty.txt", "")
                .file("HomeDomain", "Library/Notes/sixteen.txt", "exactly 16 bytes")
                .build();
    }

    private static String text(EvidenceFile file) throws IOException {
        return new String(file.readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void readsFilesAndDatabasesOfABackupEncryptedWithAUnicodePassword() throws Exception {
        Path backup = backup(BackupEncryption.password(PASSWORD));
        EvidenceSnapshot before = EvidenceSnapshot.of(backup);
        try (IosBackup source = IosBackup.open(backup, password(PASSWORD));
             ScratchDirectory scratch = ScratchDirectory.create()) {
            assertThat(source.description()).startsWith("encrypted iOS backup at ");
            assertThat(source.records()).hasSize(4);
            EvidenceFile notes = source.resolve(DevicePath.of(NOTES)).get(0);
            assertThat(text(notes)).isEqualTo("a note of 31 bytes, not padded");
            assertThat(notes.size()).isEqualTo(30);
            assertThat(notes.localPath()).isEmpty();
            assertThat(text(source.resolve(DevicePath.of("private/var/mobile/Library/Notes/empty.txt")).get(0))).isEmpty();
            assertThat(text(source.resolve(DevicePath.of("private/var/mobile/Library/Notes/sixteen.txt")).get(0)))
                    .isEqualTo("exactly 16 bytes");
            try (SqliteEvidence db = SqliteEvidence.open(source.resolve(DevicePath.of(SMS)).get(0), scratch)) {
                assertThat(db.hasTable("access")).isTrue();
            }
            try (SqliteEvidence manifest = SqliteEvidence.open(
                    source.resolve(DevicePath.of("@backup/Manifest.db")).get(0), scratch)) {
                assertThat(manifest.hasTable("Files")).isTrue();
            }
            try (var files = Files.list(scratch.root())) {
                assertThat(files).as("copies in the scratch folder: databases open in memory").isEmpty();
            }
        }
        assertThat(EvidenceSnapshot.of(backup)).isEqualTo(before);
    }

    @Test
    void aWrongPasswordIsOneSentence() {
        Path backup = backup(BackupEncryption.password(PASSWORD));
        assertThatThrownBy(() -> IosBackup.open(backup, password(PASSWORD.replace("🦄", "🐴"))))
                .isInstanceOf(InputException.class)
                .hasMessage("The backup at " + backup + " cannot be decrypted: the password is wrong.");
    }

    @Test
    void withoutAPasswordTheSourceSaysSo() {
        Path backup = backup(BackupEncryption.password("x"));
        assertThatThrownBy(() -> IosBackup.open(backup))
                .isInstanceOf(InputException.class).hasMessageContaining("is encrypted, and no password was given");
        assertThatThrownBy(() -> IosBackup.open(backup, password("")))
                .isInstanceOf(InputException.class).hasMessageEndingWith("is empty.");
    }

    @Test
    void aFileWhoseKeyBelongsToAMissingClassFailsAndTheOthersAreRead() throws Exception {
        Path backup = new BackupBuilder(dir.resolve("b"))
                .encryptedWith(BackupEncryption.password("pw").withoutClass(2))
                .file("HomeDomain", "Library/Notes/notes.txt", "readable")
                .protectionClass(2)
                .file("HomeDomain", "Library/SMS/sms.db", "locked away")
                .build();
        try (IosBackup source = IosBackup.open(backup, password("pw"))) {
            assertThat(text(source.resolve(DevicePath.of(NOTES)).get(0))).isEqualTo("readable");
            EvidenceFile sms = source.resolve(DevicePath.of(SMS)).get(0);
            assertThatThrownBy(sms::open).isInstanceOf(IOException.class).hasMessage("The file cannot be decrypted: "
                    + "its key belongs to protection class 2, which the backup's keybag does not unlock");
        }
    }

    @Test
    void aBackupWithoutManifestKeyIsRefused() {
        Path backup = backup(BackupEncryption.password("pw").withoutManifestKey());
        assertThatThrownBy(() -> IosBackup.open(backup, password("pw")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("has no ManifestKey in its Manifest.plist, so its Manifest.db cannot be decrypted");
    }

    @Test
    void aTruncatedKeyBagIsRefusedBeforeThePasswordIsAsked() throws Exception {
        Path backup = backup(BackupEncryption.password("pw"));
        Path plist = backup.resolve("Manifest.plist");
        Map<String, Object> manifest = new java.util.LinkedHashMap<>(Plists.parseMap(Files.readAllBytes(plist)));
        byte[] keyBag = (byte[]) manifest.get("BackupKeyBag");
        manifest.put("BackupKeyBag", Arrays.copyOf(keyBag, keyBag.length / 2));
        Files.write(plist, PlistFixture.binary(manifest));
        PasswordSource never = evidence -> {
            throw new AssertionError("asked for a password");
        };
        assertThatThrownBy(() -> IosBackup.open(backup, never))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("The keybag of the encrypted backup at " + backup
                        + " (BackupKeyBag in Manifest.plist) is malformed: ");
    }

    @Test
    void anEncryptedBackupFlaggedOnlyWithoutKeyBagIsRefused() {
        Path backup = new BackupBuilder(dir.resolve("b")).encrypted(true).build();
        assertThatThrownBy(() -> IosBackup.open(backup, password("pw")))
                .isInstanceOf(InputException.class).hasMessageContaining("holds no keybag");
    }

    @Test
    void everyFileListsTheDecryptedContent() throws Exception {
        Path backup = backup(BackupEncryption.password("pw"));
        List<String> visited = new java.util.ArrayList<>();
        try (IosBackup source = IosBackup.open(backup, password("pw"))) {
            source.forEachFile(f -> visited.add(f.devicePath()));
        }
        assertThat(visited).startsWith("@backup/Info.plist", "@backup/Manifest.db", "@backup/Manifest.plist",
                "@backup/Status.plist").contains(SMS, NOTES);
    }
}
