package org.bridle.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.ios.artifacts.ProfileEvents;
import org.junit.jupiter.api.Test;

/**
 * MVT's backup holds MCSettingsEvents.plist in the configuration profiles container but no MCProfileEvents.plist,
 * listed or held: like MVT, no events and no alerts, and nothing missing.
 */
class ProfileEventsCorpusTest {

    @Test
    void noProfileEventIsRecorded() throws Exception {
        CorpusScan scan = CorpusScan.iosBackup(new ProfileEvents());

        ArtifactOutcome outcome = scan.outcome("profile_events");
        assertThat(outcome.status()).isEqualTo(ArtifactOutcome.Status.NOT_PRESENT);
        assertThat(outcome.missing()).isEmpty();
        assertThat(outcome.failures()).isEmpty();
        assertThat(scan.sink().alerts()).isEmpty();
    }
}
