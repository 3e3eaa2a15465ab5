package org.bridle.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.ios.artifacts.IdStatusCache;
import org.junit.jupiter.api.Test;

/**
 * MVT's backup lists {@code HomeDomain/Library/Preferences/com.apple.identityservices.idstatuscache.plist} (file id
 * 6b979891…, the id MVT looks for) in Manifest.db, but the folder does not hold it: MVT finds no file and gives
 * 0 records; we report the file as missing.
 */
class IdStatusCacheCorpusTest {

    @Test
    void theCacheIsListedButMissing() throws Exception {
        CorpusScan scan = CorpusScan.iosBackup(new IdStatusCache());

        ArtifactOutcome outcome = scan.outcome("id_status_cache");
        assertThat(outcome.status()).isEqualTo(ArtifactOutcome.Status.NOT_PRESENT);
        assertThat(outcome.entries()).isZero();
        assertThat(outcome.missing()).singleElement().asString()
                .startsWith("private/var/mobile/Library/Preferences/com.apple.identityservices.idstatuscache.plist")
                .contains("6b97989189901ceaa4e5be9b7f05fb584120e27b");
    }
}
