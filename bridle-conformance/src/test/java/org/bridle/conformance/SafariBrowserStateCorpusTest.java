package org.bridle.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.bridle.core.indicators.IndicatorSet;
import org.bridle.core.model.MatchedIndicator;
import org.bridle.core.model.Observable;
import org.bridle.core.model.Severity;
import org.bridle.ios.artifacts.SafariBrowserState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MVT: 1 record, 1 timeline event (3a/3a47b098…, HomeDomain {@code Library/Safari/BrowserState.db}); the domain
 * indicator {@code en.wikipedia.org} gives 1 detection. The tab's session blob is empty, so it has no back-forward
 * entries.
 */
class SafariBrowserStateCorpusTest {
    private static final String FEED = "mvt-test.stix2";

    @TempDir
    Path folder;

    private final SafariBrowserState artifact = new SafariBrowserState();

    @Test
    void matchesMvtOnTheCorpusBackup() throws Exception {
        CorpusScan scan = CorpusScan.iosBackup(artifact);

        List<SafariBrowserState.Tab> tabs = scan.entries("safari_browser_state");
        assertThat(tabs).singleElement().satisfies(tab -> {
            assertThat(tab.tabTitle()).isEqualTo("NSO is bad");
            assertThat(tab.tabUrl()).isEqualTo("https://en.wikipedia.org/wiki/NSO_Group");
            assertThat(tab.lastViewedTimestamp()).isEqualTo(Instant.parse("2021-09-29T08:56:46.156382Z"));
            assertThat(tab.sessionData()).isEmpty();
            assertThat(tab.safariBrowserStateDb()).isEqualTo("private/var/mobile/Library/Safari/BrowserState.db");
            assertThat(artifact.observables(tab)).contains(Observable.url("https://en.wikipedia.org/wiki/NSO_Group"));
        });
        assertThat(scan.timeline()).hasSize(1);
        assertThat(scan.alerts("safari_browser_state")).isEmpty();
        assertThat(scan.outcome("safari_browser_state").notes()).isEmpty();
    }

    @Test
    void theDomainEnWikipediaOrgGivesOneDetection() throws Exception {
        IndicatorSet indicators = StixFile.oneIndicator(folder, FEED, "domain-name:value", "en.wikipedia.org");

        CorpusScan scan = CorpusScan.iosBackup(indicators, artifact);

        assertThat(scan.alerts("safari_browser_state")).singleElement().satisfies(alert -> {
            assertThat(alert.level()).isEqualTo(Severity.HIGH);
            assertThat(alert.matchedIndicator()).isEqualTo(new MatchedIndicator("en.wikipedia.org",
                    "domain-name:value", StixFile.FAMILY, FEED));
        });
    }
}
