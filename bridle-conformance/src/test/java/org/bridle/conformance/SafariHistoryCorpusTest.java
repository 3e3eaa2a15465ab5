package org.bridle.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.ios.artifacts.SafariHistory;
import org.junit.jupiter.api.Test;

/**
 * MVT's backup lists {@code HomeDomain/Library/Safari/History.db} (file id 1a0e7afc…) in Manifest.db, but the
 * folder does not hold it. MVT skips it silently and reports 0 records and 0 alerts; we report it as missing.
 */
class SafariHistoryCorpusTest {

    @Test
    void historyDbIsListedButMissing() throws Exception {
        CorpusScan scan = CorpusScan.iosBackup(new SafariHistory());

        ArtifactOutcome outcome = scan.outcome("safari_history");
        assertThat(outcome.status()).isEqualTo(ArtifactOutcome.Status.NOT_PRESENT);
        assertThat(outcome.entries()).isZero();
        assertThat(outcome.alerts()).isZero();
        assertThat(outcome.missing()).singleElement().asString()
                .startsWith("private/var/mobile/Library/Safari/History.db")
                .contains("1a0e7afc19d307da602ccdcece51af33afe92c53");
        assertThat(scan.sink().timeline()).isEmpty();
    }
}
