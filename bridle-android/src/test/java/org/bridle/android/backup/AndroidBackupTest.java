package org.bridle.android.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;
import org.bridle.core.source.InputException;
import org.bridle.core.source.PasswordSource;
import org.bridle.testkit.android.AdbBackupWriter;
import org.bridle.testkit.android.AndroidArchives;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AndroidBackupTest {
    private static final String SMS = "apps/com.android.providers.telephony/d_f/000000_sms_backup";

    @TempDir
    Path dir;

    private byte[] tar() throws Exception {
        return AndroidArchives.tar(Map.of(SMS, "[]".getBytes(StandardCharsets.UTF_8), "../../evil", new byte[1]), "apps/l");
    }

    private String read(AndroidBackup backup) throws Exception {
        EvidenceFile file = backup.resolve(DevicePath.of("@backup/apps/*/d_f/*_sms_backup")).get(0);
        assertThat(file.devicePath()).isEqualTo("@backup/" + SMS);
        return new String(file.readAllBytes(), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @CsvSource({"1,false", "1,true", "5,false", "5,true"})
    void readsPlainBackupsOfEveryVersionCompressedOrNot(int version, boolean compressed) throws Exception {
        Path ab = Files.write(dir.resolve("backup.ab"), AdbBackupWriter.plain(version, compressed, tar()));
        try (AndroidBackup backup = AndroidBackup.open(ab, PasswordSource.NONE)) {
            assertThat(read(backup)).isEqualTo("[]");
            assertThat(backup.notes()).containsExactlyInAnyOrder(
                    "skipped the entry ../../evil: a path that climbs out of the archive",
                    "skipped the entry apps/l: a link");
        }
    }

    @ParameterizedTest
    @CsvSource({"2", "3", "4", "5"})
    void readsEncryptedBackupsWithTheirPassword(int version) throws Exception {
        Path ab = Files.write(dir.resolve("backup.ab"), AdbBackupWriter.encrypted(version, "pässwörd", tar()));
        try (AndroidBackup backup = AndroidBackup.open(ab, what -> "pässwörd".toCharArray())) {
            assertThat(read(backup)).isEqualTo("[]");
        }
        assertThatThrownBy(() -> AndroidBackup.open(ab, what -> "passwörd".toCharArray()))
                .isInstanceOf(InputException.class).hasMessage("The password is wrong for the backup " + ab + ".");
        assertThatThrownBy(() -> AndroidBackup.open(ab, PasswordSource.NONE))
                .isInstanceOf(InputException.class).hasMessage("the backup " + ab + " is encrypted, and no password was given.");
    }

    @Test
    void checksumBytesFollowAndroidsSignExtension() {
        assertThat(AbCipher.checksumBytes(new byte[] {0x41, (byte) 0x80, (byte) 0xFF}, 2))
                .containsExactly(0x41, 0xEF, 0xBE, 0x80, 0xEF, 0xBF, 0xBF);
        assertThat(AbCipher.checksumBytes(new byte[] {(byte) 0x80}, 1)).containsExactly(0x80);
    }

    @Test
    void otherFilesAreOneSentence() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.ab"), "hello\n");
        assertThatThrownBy(() -> AndroidBackup.open(text, PasswordSource.NONE)).isInstanceOf(InputException.class)
                .hasMessageContaining("is not an Android backup");
        Path v9 = Files.writeString(dir.resolve("v9.ab"), "ANDROID BACKUP\n9\n0\nnone\n");
        assertThatThrownBy(() -> AndroidBackup.open(v9, PasswordSource.NONE)).isInstanceOf(InputException.class)
                .hasMessageContaining("version 9");
        Path cut = Files.writeString(dir.resolve("cut.ab"), "ANDROID BACKUP\n5\n");
        assertThatThrownBy(() -> AndroidBackup.open(cut, PasswordSource.NONE)).isInstanceOf(InputException.class)
                .hasMessageContaining("cut short");
        assertThatThrownBy(() -> AndroidBackup.open(dir, PasswordSource.NONE)).isInstanceOf(InputException.class)
                .hasMessageContaining("no apps folder");
    }

    @Test
    void readsAnUnpackedFolder() throws Exception {
        Path file = dir.resolve(SMS);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "[]");
        try (AndroidBackup backup = AndroidBackup.open(dir, PasswordSource.NONE)) {
            assertThat(read(backup)).isEqualTo("[]");
        }
    }
}
