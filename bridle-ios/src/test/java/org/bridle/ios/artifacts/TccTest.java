package org.bridle.ios.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.bridle.core.model.Observable;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.ios.ArtifactScan;
import org.bridle.ios.backup.IosBackup;
import org.bridle.testkit.BackupBuilder;
import org.bridle.testkit.EvidenceSnapshot;
import org.bridle.testkit.SqliteFixture;
import org.bridle.testkit.ios.TccDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TccTest {
    private static final Instant T1 = Instant.parse("2021-09-29T15:10:03Z");
    private static final Instant T2 = Instant.parse("2021-12-03T19:32:03Z");

    @TempDir
    Path dir;

    private final Tcc tcc = new Tcc();

    @Test
    void readsTheIos14Layout() throws Exception {
        ArtifactScan scan = scan(TccDatabase.create()
                .access("kTCCServiceCamera", "com.example.chat", TccDatabase.BUNDLE_ID, 2, 2, T1)
                .access("kTCCServicePhotos", "com.example.chat", TccDatabase.BUNDLE_ID, 3, 3, T1)
                .access("kTCCServiceLiverpool", "Launch", TccDatabase.BUNDLE_ID, 2, 5, T2)
                .access("kTCCServiceMicrophone", "/usr/libexec/helperd", TccDatabase.ABSOLUTE_PATH, 0, 99, T2)
                .bytes());

        List<Tcc.Access> access = scan.entries("tcc");
        assertThat(access).containsExactly(
                new Tcc.Access("kTCCServiceCamera", "com.example.chat", "bundle_id", "allowed", "user_consent", null,
                        null, T1),
                new Tcc.Access("kTCCServicePhotos", "com.example.chat", "bundle_id", "limited", "user_set", null, null,
                        T1),
                new Tcc.Access("kTCCServiceLiverpool", "Launch", "bundle_id", "allowed", "service_policy", null, null,
                        T2),
                new Tcc.Access("kTCCServiceMicrophone", "/usr/libexec/helperd", "absolute_path", "denied", "99", null,
                        null, T2));
        assertThat(tcc.observables(access.get(2))).containsExactly(Observable.process("Launch"),
                Observable.appId("Launch"));
        assertThat(tcc.observables(access.get(3))).containsExactly(Observable.process("/usr/libexec/helperd"),
                Observable.filePath("/usr/libexec/helperd"));
        assertThat(scan.sink().timeline()).hasSize(4);
        assertThat(scan.sink().timeline().get(0)).isEqualTo(new TimelineEvent(T1, "tcc", "access_request",
                "Access to kTCCServiceCamera by com.example.chat allowed"));
    }

    @Test
    void readsTheIos12LayoutWithAllowedAndPromptCount() throws Exception {
        ArtifactScan scan = scan(TccDatabase.create(TccDatabase.Layout.IOS_12)
                .access("kTCCServiceCamera", "com.example.chat", TccDatabase.BUNDLE_ID, 1, 2, T1)
                .access("kTCCServiceMicrophone", "com.example.chat", TccDatabase.BUNDLE_ID, 0, 1, T2)
                .bytes());

        assertThat(scan.<Tcc.Access>entries("tcc")).containsExactly(
                new Tcc.Access("kTCCServiceCamera", "com.example.chat", "bundle_id", null, null, "allowed", 2L, T1),
                new Tcc.Access("kTCCServiceMicrophone", "com.example.chat", "bundle_id", null, null, "denied", 1L,
                        T2));
        assertThat(scan.sink().timeline()).extracting(TimelineEvent::description).containsExactly(
                "Access to kTCCServiceCamera by com.example.chat allowed",
                "Access to kTCCServiceMicrophone by com.example.chat denied");
    }

    @Test
    void theIos9LayoutHasNoTimeAndSoNoTimeline() throws Exception {
        ArtifactScan scan = scan(TccDatabase.create(TccDatabase.Layout.IOS_9)
                .access("kTCCServiceAddressBook", "com.example.chat", TccDatabase.BUNDLE_ID, 1, 1, T1)
                .bytes());

        assertThat(scan.<Tcc.Access>entries("tcc")).containsExactly(
                new Tcc.Access("kTCCServiceAddressBook", "com.example.chat", "bundle_id", null, null, "allowed", 1L,
                        null));
        assertThat(scan.sink().timeline()).isEmpty();
    }

    @Test
    void aDatabaseWithoutAccessTableHasNoEntriesAndANote() throws Exception {
        ArtifactScan scan = scan(SqliteFixture.bytes("CREATE TABLE admin (key TEXT, value INTEGER)"));

        assertThat(scan.entries("tcc")).isEmpty();
        assertThat(scan.outcome("tcc").notes()).containsExactly("TCC.db has no access table");
    }

    @Test
    void anEmptyFileIsAFailureOfThisArtifact() throws Exception {
        ArtifactOutcome outcome = scan(new byte[0]).outcome("tcc");

        assertThat(outcome.status()).isEqualTo(ArtifactOutcome.Status.FAILED);
        assertThat(outcome.failures().get(0).reason()).isEqualTo("the database file is empty");
    }

    /** Scans a backup holding this TCC.db, asserting the scan left the backup unchanged. */
    private ArtifactScan scan(byte[] tccDb) throws Exception {
        Path backup = new BackupBuilder(dir.resolve("b")).file("HomeDomain", "Library/TCC/TCC.db", tccDb).build();
        EvidenceSnapshot before = EvidenceSnapshot.of(backup);
        ArtifactScan scan;
        try (IosBackup source = IosBackup.open(backup)) {
            scan = ArtifactScan.run(source, tcc);
        }
        assertThat(EvidenceSnapshot.of(backup)).isEqualTo(before);
        return scan;
    }
}
