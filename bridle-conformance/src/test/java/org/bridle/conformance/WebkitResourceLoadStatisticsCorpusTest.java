package org.bridle.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.bridle.core.model.Observable;
import org.bridle.ios.artifacts.WebkitResourceLoadStatistics;
import org.junit.jupiter.api.Test;

/**
 * MVT: 2 records, 2 timeline events (6e/6e9d0cb7…, Chrome's container
 * {@code Library/WebKit/WebsiteData/ResourceLoadStatistics/observations.db}).
 */
class WebkitResourceLoadStatisticsCorpusTest {
    private final WebkitResourceLoadStatistics artifact = new WebkitResourceLoadStatistics();

    @Test
    void matchesMvtOnTheCorpusBackup() throws Exception {
        CorpusScan scan = CorpusScan.iosBackup(artifact);

        List<WebkitResourceLoadStatistics.ObservedDomain> domains = scan.entries("webkit_resource_load_statistics");
        assertThat(domains).extracting(WebkitResourceLoadStatistics.ObservedDomain::registrableDomain)
                .containsExactly("google.com", "gstatic.com");
        WebkitResourceLoadStatistics.ObservedDomain google = domains.get(0);
        assertThat(google.lastSeenIsodate()).isEqualTo(Instant.parse("2021-10-18T12:30:50Z"));
        assertThat(google.hadUserInteraction()).isTrue();
        assertThat(google.mostRecentUserInteractionTimeIsodate()).isEqualTo(Instant.parse("2021-10-18T12:27:10.768620Z"));
        assertThat(google.observationsDb())
                .isEqualTo("@app/com.google.chrome.ios/Library/WebKit/WebsiteData/ResourceLoadStatistics/observations.db");
        assertThat(domains.get(1).mostRecentUserInteractionTimeIsodate()).as("-1 is never").isNull();
        assertThat(artifact.observables(google)).containsExactly(Observable.domain("google.com"));
        assertThat(scan.timeline()).hasSize(2);
        assertThat(scan.alerts("webkit_resource_load_statistics")).isEmpty();
    }
}
