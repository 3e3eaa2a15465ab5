package org.bridle.ios.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.ios.ArtifactScan;
import org.bridle.ios.backup.IosBackup;
import org.bridle.testkit.BackupBuilder;
import org.bridle.testkit.EvidenceSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupInfoTest {
    @TempDir
    Path dir;

    @Test
    void readsTheDeviceFromInfoPlist() throws Exception {
        Path backup = new BackupBuilder(dir.resolve("b")).info("IMEI", "42").info("Build Version", "18C66")
                .info("Product Type", "iPhone9,3").info("Product Version", "14.3").build();
        EvidenceSnapshot before = EvidenceSnapshot.of(backup);

        ArtifactScan scan;
        try (IosBackup source = IosBackup.open(backup)) {
            scan = ArtifactScan.run(source, new BackupInfo());
        }

        BackupInfo.Device device = scan.<BackupInfo.Device>entries("backup_info").get(0);
        assertThat(device.imei()).isEqualTo("42");
        assertThat(device.buildVersion()).isEqualTo("18C66");
        assertThat(device.productType()).isEqualTo("iPhone9,3");
        assertThat(device.lastBackupDate()).isEqualTo(Instant.parse("2021-01-20T12:00:00Z"));
        assertThat(device.meid()).isNull();
        assertThat(scan.sink().timeline()).hasSize(1);
        assertThat(EvidenceSnapshot.of(backup)).isEqualTo(before);
    }

    @Test
    void anIosVersionOlderThanTheNewestOfItsLineGetsANote() throws Exception {
        ArtifactScan old = ArtifactScan.overBackup(new BackupBuilder(dir.resolve("old"))
                .info("Product Version", "14.3").build(), new BackupInfo());
        ArtifactScan newest = ArtifactScan.overBackup(new BackupBuilder(dir.resolve("newest"))
                .info("Product Version", "14.8.1").build(), new BackupInfo());
        ArtifactScan unknownLine = ArtifactScan.overBackup(new BackupBuilder(dir.resolve("future"))
                .info("Product Version", "99.0").build(), new BackupInfo());

        assertThat(old.outcome("backup_info").notes()).containsExactly("iOS 14.3 is older than 14.8.1, the newest "
                + "release of iOS 14 known to bridle: the phone lacks security fixes published since");
        assertThat(newest.outcome("backup_info").notes()).isEmpty();
        assertThat(unknownLine.outcome("backup_info").notes()).isEmpty();
    }

    @Test
    void aGarbageInfoPlistIsAFailureOfThisArtifact() throws Exception {
        Path backup = new BackupBuilder(dir.resolve("b")).build();
        Files.writeString(backup.resolve("Info.plist"), "<plist><dict><key>unclosed");

        ArtifactScan scan;
        try (IosBackup source = IosBackup.open(backup)) {
            scan = ArtifactScan.run(source, new BackupInfo());
        }

        ArtifactOutcome outcome = scan.outcome("backup_info");
        assertThat(outcome.status()).isEqualTo(ArtifactOutcome.Status.FAILED);
        assertThat(outcome.failures().get(0).reason()).contains("not a valid property list");
    }
}
