package org.bridle.android.androidqf;

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

class AndroidQfTest {
    private static final String DUMPSYS = "DUMP OF SERVICE package:\nown copy\n-----\n";
    private static final String DUMPSTATE = "DUMP OF SERVICE package:\nbugreport copy\n-----\n"
            + "DUMP OF SERVICE appops:\nfrom the bugreport\n-----\n";

    @TempDir
    Path dir;

    private Path acquisition() throws Exception {
        Path qf = Files.createDirectories(dir.resolve("qf"));
        Files.writeString(qf.resolve("getprop.txt"), "[a]: [b]\n");
        Files.writeString(qf.resolve("packages.json"), "[]");
        Files.writeString(qf.resolve("dumpsys.txt"), DUMPSYS);
        Files.write(qf.resolve("bugreport.zip"), AndroidArchives.zip(AndroidArchives.entries("main_entry.txt", "d.txt",
                "d.txt", DUMPSTATE, "FS/data/tombstones/tombstone_01", "t")));
        Files.write(qf.resolve("backup.ab"), AdbBackupWriter.encrypted(5, "secret", AndroidArchives.tar(
                Map.of("apps/p/d_f/1_sms_backup", new byte[] {1}), null)));
        return qf;
    }

    private static String text(EvidenceFile file) throws Exception {
        return new String(file.readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void ownFilesWinAndNestedSourcesAnswerTheRest() throws Exception {
        try (AndroidQf qf = AndroidQf.open(acquisition(), what -> "secret".toCharArray())) {
            assertThat(qf.description()).endsWith("(with its bugreport.zip of the acquisition and backup.ab of the"
                    + " acquisition)");
            assertThat(qf.resolve(DevicePath.of("@command/getprop"))).singleElement()
                    .extracting(EvidenceFile::origin).isEqualTo("getprop.txt");
            assertThat(text(qf.resolve(DevicePath.of("@dumpsys/package")).get(0))).isEqualTo("own copy\n");
            assertThat(text(qf.resolve(DevicePath.of("@dumpsys/appops")).get(0))).isEqualTo("from the bugreport\n");
            assertThat(qf.resolve(DevicePath.of("data/tombstones/tombstone_*"))).singleElement()
                    .extracting(EvidenceFile::origin).isEqualTo("bugreport.zip!FS/data/tombstones/tombstone_01");
            assertThat(qf.resolve(DevicePath.of("@backup/apps/*/d_f/*_sms_backup"))).singleElement()
                    .extracting(EvidenceFile::origin).isEqualTo("backup.ab!apps/p/d_f/1_sms_backup");
            assertThat(qf.resolve(DevicePath.of("@androidqf/packages.json"))).hasSize(1);
            assertThat(qf.resolve(DevicePath.of("@command/ps"))).isEmpty();
        }
    }

    @Test
    void aZipWithItsFilesOneFolderDown() throws Exception {
        Path zip = Files.write(dir.resolve("qf.zip"), AndroidArchives.zip(AndroidArchives.entries("acq/", null,
                "acq/getprop.txt", "[a]: [b]\n")));
        try (AndroidQf qf = AndroidQf.open(zip, PasswordSource.NONE)) {
            assertThat(qf.resolve(DevicePath.of("@command/getprop"))).singleElement()
                    .extracting(EvidenceFile::origin).isEqualTo("acq/getprop.txt");
        }
    }

    @Test
    void anEncryptedNestedBackupNeedsItsPassword() throws Exception {
        Path qf = acquisition();
        assertThatThrownBy(() -> AndroidQf.open(qf, PasswordSource.NONE)).isInstanceOf(InputException.class)
                .hasMessage("the backup backup.ab is encrypted, and no password was given.");
        assertThatThrownBy(() -> AndroidQf.open(dir.resolve("nothing"), PasswordSource.NONE))
                .isInstanceOf(InputException.class);
    }
}
