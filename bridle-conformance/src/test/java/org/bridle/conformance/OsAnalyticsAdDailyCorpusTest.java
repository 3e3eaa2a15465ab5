package org.bridle.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.ios.artifacts.OsAnalyticsAdDaily;
import org.junit.jupiter.api.Test;

/**
 * MVT's backup lists {@code HomeDomain/Library/Preferences/com.apple.osanalytics.addaily.plist} (file id f65b5faf…,
 * the id MVT looks for) in Manifest.db, but the folder holds no {@code f6/} at all. MVT's module finds neither that
 * file nor the file-system path and gives 0 entries (its test suite has no test for it); we agree on 0 entries and
 * report the file as missing. So the corpus gives no non-zero count to check: the parsing is covered by the
 * module's own tests.
 */
class OsAnalyticsAdDailyCorpusTest {

    @Test
    void thePlistIsListedButMissing() throws Exception {
        CorpusScan scan = CorpusScan.iosBackup(new OsAnalyticsAdDaily());

        ArtifactOutcome outcome = scan.outcome("os_analytics_ad_daily");
        assertThat(outcome.status()).isEqualTo(ArtifactOutcome.Status.NOT_PRESENT);
        assertThat(outcome.entries()).isZero();
        assertThat(outcome.missing()).singleElement().asString()
                .startsWith("private/var/mobile/Library/Preferences/com.apple.osanalytics.addaily.plist")
                .contains("f65b5fafc69bbd3c60be019c6e938e146825fa83");
    }
}
