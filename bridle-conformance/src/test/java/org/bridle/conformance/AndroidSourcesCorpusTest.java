package org.bridle.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.bridle.android.androidqf.AndroidQf;
import org.bridle.android.artifacts.AndroidArtifacts;
import org.bridle.android.artifacts.Appops;
import org.bridle.android.artifacts.Sms;
import org.bridle.android.backup.AndroidBackup;
import org.bridle.android.bugreport.Bugreport;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.model.Severity;
import org.bridle.core.source.InputException;
import org.bridle.core.source.PasswordSource;
import org.junit.jupiter.api.Test;

/** The whole-input lines of the corpus README's Android table: bugreport, backups and AndroidQF. */
class AndroidSourcesCorpusTest {
    private static final PasswordSource CORPUS_PASSWORD = what -> "123456".toCharArray();

    private static Artifact<?>[] all(List<Artifact<?>> artifacts) {
        return artifacts.toArray(Artifact<?>[]::new);
    }

    @Test
    void bugreportFolder() throws Exception {
        Path input = Corpus.mvt("android_data/bugreport");
        CorpusScan scan = CorpusScan.android(input, Bugreport.open(input), all(AndroidArtifacts.forBugreport()));
        assertThat(scan.<Appops.PackageOps>entries("appops")).hasSize(12);
        assertThat(scan.timeline().stream().filter(e -> e.artifact().equals("appops"))).hasSize(16);
        assertThat(scan.alerts("appops")).hasSize(1);
        assertThat(scan.entries("packages")).hasSize(2);
        assertThat(scan.entries("tombstones")).hasSize(2);
    }

    @Test
    void plainCompressedV1BackupHasTwoMessages() throws Exception {
        Path input = Corpus.mvt("android_backup/backup.ab");
        CorpusScan scan = CorpusScan.android(input, AndroidBackup.open(input, PasswordSource.NONE), new Sms());
        List<Sms.Message> messages = scan.entries("sms");
        assertThat(messages).hasSize(2);
        // MVT's "first link" is the MMS's: its tar holds the MMS file first; bridle reads SMS files, then MMS files
        assertThat(messages).flatExtracting(Sms.Message::links)
                .containsExactly("https://google.com/", "http://google.com");
        assertThat(messages).extracting(Sms.Message::kind).containsExactly("sms", "mms");
    }

    @Test
    void encryptedV5BackupWithItsPassword() throws Exception {
        Path input = Corpus.mvt("android_backup/backup2.ab");
        CorpusScan scan = CorpusScan.android(input, AndroidBackup.open(input, CORPUS_PASSWORD), new Sms());
        List<Sms.Message> messages = scan.entries("sms");
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).links()).containsExactly("https://google.com/");
    }

    @Test
    void encryptedBackupWithAWrongPasswordIsOneSentence() {
        Path input = Corpus.mvt("android_backup/backup2.ab");
        assertThatThrownBy(() -> AndroidBackup.open(input, what -> "654321".toCharArray()))
                .isInstanceOf(InputException.class).hasMessageStartingWith("The password is wrong for");
    }

    @Test
    void compressedV5BackupAndUnpackedFolder() throws Exception {
        Path v5 = Corpus.mvt("android_backup/backup3.ab");
        assertThat(CorpusScan.android(v5, AndroidBackup.open(v5, PasswordSource.NONE), new Sms())
                .entries("sms")).hasSize(1);
        Path folder = Corpus.mvt("android_backup");
        assertThat(CorpusScan.android(folder, AndroidBackup.open(folder, PasswordSource.NONE), new Sms())
                .entries("sms")).hasSize(2);
    }

    @Test
    void androidQfFolderWithItsNestedBackup() throws Exception {
        Path input = Corpus.mvt("androidqf");
        CorpusScan scan = CorpusScan.android(input, AndroidQf.open(input, PasswordSource.NONE),
                all(AndroidArtifacts.forAndroidQf()));
        assertThat(scan.entries("packages")).hasSize(7);
        assertThat(scan.alerts("packages")).hasSize(5);
        assertThat(scan.entries("getprop")).hasSize(10);
        assertThat(scan.entries("files")).hasSize(3);
        assertThat(scan.timeline().stream().filter(e -> e.artifact().equals("files"))).hasSize(6);
        assertThat(scan.entries("processes")).hasSize(15);
        assertThat(scan.entries("root_binaries")).hasSize(4);
        assertThat(scan.alerts("root_binaries")).hasSize(4).allMatch(a -> a.level() == Severity.HIGH);
        assertThat(scan.alerts("settings")).singleElement()
                .satisfies(a -> assertThat(a.message()).startsWith("samsung_errorlog_agree=0"));
        assertThat(scan.<Sms.Message>entries("sms")).flatExtracting(Sms.Message::links)
                .containsExactlyInAnyOrder("http://google.com", "https://google.com/");
        assertThat(scan.outcome("adb_keys").failures()).isEmpty();
        assertThat(scan.outcome("adb_keys").notes()).singleElement().asString()
                .contains("altered when the dump was saved as text");
        assertThat(scan.entries("adb_keys")).hasSize(1);
        for (var artifact : AndroidArtifacts.forAndroidQf()) {
            assertThat(scan.outcome(artifact.id()).failures()).as(artifact.id()).isEmpty();
        }
    }

    @Test
    void androidQfWithAnEncryptedBackupAsksItsPassword() throws Exception {
        Path input = Corpus.mvt("androidqf_encrypted");
        assertThatThrownBy(() -> AndroidQf.open(input, PasswordSource.NONE)).isInstanceOf(InputException.class)
                .hasMessageContaining("backup.ab");
        CorpusScan scan = CorpusScan.android(input, AndroidQf.open(input, CORPUS_PASSWORD), new Sms());
        assertThat(scan.<Sms.Message>entries("sms")).isNotEmpty();
    }

    @Test
    void androidQfZipHoldsOnlyGetprop() throws Exception {
        Path input = Corpus.mvt("androidqf.zip");
        CorpusScan scan = CorpusScan.android(input, AndroidQf.open(input, PasswordSource.NONE),
                all(AndroidArtifacts.forAndroidQf()));
        assertThat(scan.entries("getprop")).isNotEmpty();
        assertThat(scan.entries("packages")).isEmpty();
    }
}
