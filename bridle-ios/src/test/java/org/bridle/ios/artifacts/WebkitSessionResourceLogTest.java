package org.bridle.ios.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.bridle.core.indicators.ContentDigest;
import org.bridle.core.indicators.Indicator;
import org.bridle.core.indicators.IndicatorFile;
import org.bridle.core.indicators.IndicatorSet;
import org.bridle.core.indicators.IndicatorType;
import org.bridle.core.model.Alert;
import org.bridle.core.model.Observable;
import org.bridle.core.model.Severity;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.ios.ArtifactScan;
import org.bridle.testkit.BackupBuilder;
import org.bridle.testkit.DumpBuilder;
import org.bridle.testkit.PlistFixture;
import org.bridle.testkit.ios.ResourceLogPlist;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebkitSessionResourceLogTest {
    private static final Instant T = Instant.parse("2021-08-02T09:10:11Z");
    private static final String EVIL = "evil.example.net";
    private static final IndicatorSet INDICATORS = IndicatorSet.builder().add(new IndicatorFile("test.stix2",
            "/indicators/test.stix2", ContentDigest.known("0".repeat(64), 1),
            List.of(new Indicator(IndicatorType.DOMAIN, EVIL, "Test family", "test.stix2",
                    "indicator--00000000-0000-4000-8000-000000000001")), List.of())).build();

    @TempDir
    Path dir;

    private final WebkitSessionResourceLog artifact = new WebkitSessionResourceLog();

    private static byte[] log(ResourceLogPlist plist) {
        return plist
                // redirected from an indicator: HIGH
                .domain("landing.example.com", List.of(EVIL), List.of(), List.of(), T)
                // an indicator redirecting elsewhere: HIGH
                .domain(EVIL, List.of(), List.of("cdn.example.org"), List.of(), T.plusSeconds(1))
                // near misses: a redirect between other domains; an indicator only as a top frame of a resource
                .domain("news.example.org", List.of("search.example.com"), List.of(), List.of(), T.plusSeconds(2))
                .domain("ads.example.org", List.of(), List.of(), List.of(EVIL), T.plusSeconds(3))
                .bytes();
    }

    @Test
    void readsDomainsAndFlagsRedirectsFromOrToAnIndicatorInABackupAndADump() throws Exception {
        byte[] log = log(ResourceLogPlist.recent());
        Path backup = new BackupBuilder(dir.resolve("b"))
                .file("AppDomain-com.apple.mobilesafari", ResourceLogPlist.RELATIVE_PATH, log).build();
        Path dump = new DumpBuilder(dir.resolve("d"))
                .containerFile(DumpBuilder.Container.APP, "com.apple.mobilesafari", ResourceLogPlist.RELATIVE_PATH, log)
                .build();

        for (ArtifactScan scan : List.of(ArtifactScan.overBackup(backup, INDICATORS, artifact),
                ArtifactScan.overDump(dump, INDICATORS, artifact))) {
            List<WebkitSessionResourceLog.DomainStatistics> domains = scan.entries("webkit_session_resource_log");
            assertThat(domains).extracting(WebkitSessionResourceLog.DomainStatistics::origin)
                    .containsExactly("landing.example.com", EVIL, "news.example.org", "ads.example.org");
            WebkitSessionResourceLog.DomainStatistics landing = domains.get(0);
            assertThat(landing.redirectSource()).containsExactly(EVIL);
            assertThat(landing.redirectDestination()).isEmpty();
            assertThat(landing.lastSeen()).isEqualTo(T);
            assertThat(landing.userInteraction()).isFalse();
            assertThat(landing.mostRecentInteraction()).as("0 is never").isNull();
            assertThat(domains.get(3).subresourceUnderOrigin()).containsExactly(EVIL);
            assertThat(artifact.observables(domains.get(1))).containsExactly(Observable.domain(EVIL),
                    Observable.domain("cdn.example.org"));

            List<Alert> redirects = scan.sink().alerts("webkit_session_resource_log").stream()
                    .filter(a -> a.matchedIndicator() == null).toList();
            assertThat(redirects).extracting(Alert::level).containsOnly(Severity.HIGH);
            assertThat(redirects).extracting(Alert::message).containsExactly(
                    "HTTP redirect between domains where one is an indicator: \"evil.example.net\" -> "
                            + "\"landing.example.com\"",
                    "HTTP redirect between domains where one is an indicator: \"evil.example.net\" -> "
                            + "\"cdn.example.org\"");
            assertThat(scan.sink().alerts("webkit_session_resource_log"))
                    .filteredOn(a -> a.matchedIndicator() != null).hasSize(3);
            assertThat(scan.sink().timeline()).hasSize(4);
            assertThat(scan.sink().timeline().get(0).description())
                    .isEqualTo("WebKit saw landing.example.com, redirected from evil.example.net");
        }
    }

    @Test
    void readsTheLegacyKeysAndWithoutIndicatorsFlagsNothing() throws Exception {
        Path backup = new BackupBuilder(dir.resolve("b"))
                .file("HomeDomain", ResourceLogPlist.RELATIVE_PATH, log(ResourceLogPlist.legacy())).build();

        ArtifactScan scan = ArtifactScan.overBackup(backup, artifact);

        List<WebkitSessionResourceLog.DomainStatistics> domains = scan.entries("webkit_session_resource_log");
        assertThat(domains).extracting(WebkitSessionResourceLog.DomainStatistics::origin)
                .containsExactly("landing.example.com", EVIL, "news.example.org", "ads.example.org");
        assertThat(domains.get(0).redirectSource()).containsExactly(EVIL);
        assertThat(domains.get(3).subresourceUnderOrigin()).containsExactly(EVIL);
        assertThat(domains.get(0).resourceLog()).isEqualTo("private/var/mobile/" + ResourceLogPlist.RELATIVE_PATH);
        assertThat(scan.sink().alerts()).isEmpty();
    }

    @Test
    void aLogWithoutStatisticsGivesANoteAndGarbageIsAFailure() throws Exception {
        Path empty = new BackupBuilder(dir.resolve("b")).file("HomeDomain", ResourceLogPlist.RELATIVE_PATH,
                PlistFixture.binary(java.util.Map.of("version", 17))).build();
        Path garbage = new BackupBuilder(dir.resolve("c")).file("HomeDomain", ResourceLogPlist.RELATIVE_PATH,
                "bplist00 broken").build();

        ArtifactOutcome none = ArtifactScan.overBackup(empty, artifact).outcome("webkit_session_resource_log");
        ArtifactOutcome failed = ArtifactScan.overBackup(garbage, artifact).outcome("webkit_session_resource_log");

        assertThat(none.status()).isEqualTo(ArtifactOutcome.Status.FOUND);
        assertThat(none.notes()).containsExactly("full_browsing_session_resourceLog.plist has no browsingStatistics list");
        assertThat(failed.status()).isEqualTo(ArtifactOutcome.Status.FAILED);
        assertThat(failed.failures()).singleElement().satisfies(f -> assertThat(f.reason())
                .startsWith("not a valid property list"));
    }
}
