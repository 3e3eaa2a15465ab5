package org.bridle.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.ios.artifacts.LocationdClients;
import org.junit.jupiter.api.Test;

/**
 * MVT's backup lists {@code RootDomain/Library/Caches/locationd/clients.plist} (file id a690d776…, the id MVT looks
 * for) in Manifest.db, but the folder holds no {@code a6/}: MVT finds no file and gives 0 entries (its test suite has
 * no test for it); we agree on 0 entries and report the file as missing.
 */
class LocationdClientsCorpusTest {

    @Test
    void clientsPlistIsListedButMissing() throws Exception {
        CorpusScan scan = CorpusScan.iosBackup(new LocationdClients());

        ArtifactOutcome outcome = scan.outcome("locationd_clients");
        assertThat(outcome.status()).isEqualTo(ArtifactOutcome.Status.NOT_PRESENT);
        assertThat(outcome.entries()).isZero();
        assertThat(outcome.missing()).singleElement().asString()
                .startsWith("private/var/root/Library/Caches/locationd/clients.plist")
                .contains("a690d7769cce8904ca2b67320b107c8fe5f79412");
    }
}
