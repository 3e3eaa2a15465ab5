package org.bridle.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.ios.artifacts.ConfigurationProfiles;
import org.junit.jupiter.api.Test;

/**
 * MVT's backup has the configuration profiles container (its folders and settings plists such as
 * ProfileTruth.plist) but no {@code profile-*.stub}, listed or held: like MVT, no profiles, and nothing missing.
 */
class ConfigurationProfilesCorpusTest {

    @Test
    void noProfileIsInstalled() throws Exception {
        CorpusScan scan = CorpusScan.iosBackup(new ConfigurationProfiles());

        ArtifactOutcome outcome = scan.outcome("configuration_profiles");
        assertThat(outcome.status()).isEqualTo(ArtifactOutcome.Status.NOT_PRESENT);
        assertThat(outcome.missing()).isEmpty();
        assertThat(outcome.failures()).isEmpty();
        assertThat(scan.sink().alerts()).isEmpty();
    }
}
