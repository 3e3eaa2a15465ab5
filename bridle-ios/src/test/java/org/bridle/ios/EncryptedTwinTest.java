package org.bridle.ios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.indicators.BuiltinIndicators;
import org.bridle.core.indicators.IndicatorMatcher;
import org.bridle.core.model.Alert;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.core.source.Source;
import org.bridle.ios.artifacts.IosArtifacts;
import org.bridle.ios.backup.IosBackup;
import org.bridle.testkit.EvidenceSnapshot;
import org.bridle.testkit.ios.BackupEncryption;
import org.bridle.testkit.ios.DemoBackup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An encrypted backup gives exactly the entries and alerts of its unencrypted twin, and stays unchanged. */
class EncryptedTwinTest {
    private static final String PASSWORD = "Ünïcødé pass 🔑 with spaces & symbols <>\"'";

    @TempDir
    Path dir;

    @Test
    void theEncryptedTwinGivesTheSameEntriesAndAlerts() throws Exception {
        assertTwins(BackupEncryption.password(PASSWORD));
    }

    /** The key derivation recent iOS writes: 10,000,000 PBKDF2-SHA256 rounds, then 10,000 PBKDF2-SHA1 (a few s). */
    @Test
    void aRealisticKeyDerivationGivesTheSameResult() throws Exception {
        assertTwins(BackupEncryption.password(PASSWORD).rounds(10_000_000, 10_000));
    }

    private void assertTwins(BackupEncryption encryption) throws Exception {
        Path plain = DemoBackup.write(dir.resolve("plain"));
        Path encrypted = DemoBackup.writeEncrypted(dir.resolve("encrypted"), encryption);
        EvidenceSnapshot before = EvidenceSnapshot.of(encrypted);
        IndicatorMatcher indicators = BuiltinIndicators.load();
        Artifact<?>[] artifacts = IosArtifacts.forBackup().toArray(new Artifact<?>[0]);
        ArtifactScan expected;
        try (Source source = IosBackup.open(plain)) {
            expected = ArtifactScan.run(source, indicators, artifacts);
        }
        ArtifactScan actual;
        try (Source source = IosBackup.open(encrypted, evidence -> PASSWORD.toCharArray())) {
            actual = ArtifactScan.run(source, indicators, artifacts);
        }
        assertThat(EvidenceSnapshot.of(encrypted)).as("the encrypted evidence after the scan").isEqualTo(before);
        assertThat(actual.sink().alerts()).isNotEmpty();
        assertThat(actual.sink().alerts().stream().map(Alert::message).sorted().toList())
                .isEqualTo(expected.sink().alerts().stream().map(Alert::message).sorted().toList());
        for (Artifact<?> artifact : artifacts) {
            ArtifactOutcome outcome = actual.outcome(artifact.id());
            assertThat(outcome.status()).as(artifact.id()).isEqualTo(expected.outcome(artifact.id()).status());
            assertThat(actual.<Object>entries(artifact.id())).as(artifact.id())
                    .isEqualTo(expected.<Object>entries(artifact.id()));
        }
    }
}
