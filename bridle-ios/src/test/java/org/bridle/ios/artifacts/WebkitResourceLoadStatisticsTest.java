package org.bridle.ios.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.bridle.core.model.Observable;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.ios.ArtifactScan;
import org.bridle.testkit.BackupBuilder;
import org.bridle.testkit.DumpBuilder;
import org.bridle.testkit.SqliteFixture;
import org.bridle.testkit.ios.ObservationsDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebkitResourceLoadStatisticsTest {
    private static final Instant T = Instant.parse("2021-10-18T12:30:50Z");
    private static final String SVS = "SystemData/com.apple.SafariViewService/Library/WebKit/WebsiteData/observations.db";

    @TempDir
    Path dir;

    private final WebkitResourceLoadStatistics artifact = new WebkitResourceLoadStatistics();

    @Test
    void readsObservedDomainsOfEveryAppFromABackupAndADump() throws Exception {
        byte[] chrome = ObservationsDatabase.recent()
                .domain(1, "example.com", T, T.minusSeconds(220).plusMillis(768))
                .domain(2, "tracker.example.net", T.minusSeconds(30), null).bytes();
        byte[] safari = ObservationsDatabase.ios14().domain(1, "news.example.org", T.plusSeconds(5), null).bytes();
        byte[] viewService = ObservationsDatabase.recent().domain(9, "sv.example.org", T.plusSeconds(9), null).bytes();
        Path backup = new BackupBuilder(dir.resolve("b"))
                .file("AppDomain-com.google.chrome.ios", ObservationsDatabase.RELATIVE_PATH, chrome)
                .file("HomeDomain", ObservationsDatabase.RELATIVE_PATH, safari)
                .file("AppDomain-com.example.reader", SVS, viewService)
                .build();
        Path dump = new DumpBuilder(dir.resolve("d"))
                .containerFile(DumpBuilder.Container.APP, "com.google.chrome.ios", ObservationsDatabase.RELATIVE_PATH,
                        chrome)
                .file("private/var/mobile/" + ObservationsDatabase.RELATIVE_PATH, safari)
                .containerFile(DumpBuilder.Container.APP, "com.example.reader", SVS, viewService)
                .build();

        for (ArtifactScan scan : List.of(ArtifactScan.overBackup(backup, artifact),
                ArtifactScan.overDump(dump, artifact))) {
            List<WebkitResourceLoadStatistics.ObservedDomain> domains = scan.entries("webkit_resource_load_statistics");
            assertThat(domains).extracting(WebkitResourceLoadStatistics.ObservedDomain::registrableDomain)
                    .containsExactlyInAnyOrder("example.com", "tracker.example.net", "news.example.org",
                            "sv.example.org");
            WebkitResourceLoadStatistics.ObservedDomain example = domains.stream()
                    .filter(d -> d.registrableDomain().equals("example.com")).findFirst().orElseThrow();
            assertThat(example.domainId()).isEqualTo(1);
            assertThat(example.lastSeenIsodate()).isEqualTo(T);
            assertThat(example.hadUserInteraction()).isTrue();
            assertThat(example.mostRecentUserInteractionTimeIsodate()).isEqualTo(T.minusSeconds(220).plusMillis(768));
            assertThat(example.mostRecentWebPushInteractionTimeIsodate()).isNull();
            assertThat(example.isPrevalent()).isFalse();
            WebkitResourceLoadStatistics.ObservedDomain tracker = domains.stream()
                    .filter(d -> d.registrableDomain().equals("tracker.example.net")).findFirst().orElseThrow();
            assertThat(tracker.hadUserInteraction()).isFalse();
            assertThat(tracker.mostRecentUserInteractionTimeIsodate()).as("-1 is never").isNull();
            assertThat(artifact.observables(example)).containsExactly(Observable.domain("example.com"));
            assertThat(scan.sink().timeline()).hasSize(4);
            assertThat(scan.outcome("webkit_resource_load_statistics").files()).hasSize(3);
        }
    }

    @Test
    void aDatabaseWithoutObservedDomainsGivesANoteAndGarbageIsAFailure() throws Exception {
        Path empty = new BackupBuilder(dir.resolve("b")).file("HomeDomain", ObservationsDatabase.RELATIVE_PATH,
                SqliteFixture.bytes("CREATE TABLE StorageAccessUnderTopFrameDomains (domainID INTEGER)")).build();
        Path garbage = new BackupBuilder(dir.resolve("c")).file("HomeDomain", ObservationsDatabase.RELATIVE_PATH,
                "nope").build();

        ArtifactOutcome none = ArtifactScan.overBackup(empty, artifact).outcome("webkit_resource_load_statistics");
        ArtifactOutcome failed = ArtifactScan.overBackup(garbage, artifact).outcome("webkit_resource_load_statistics");

        assertThat(none.status()).isEqualTo(ArtifactOutcome.Status.FOUND);
        assertThat(none.notes()).containsExactly("observations.db has no ObservedDomains table with domains");
        assertThat(failed.status()).isEqualTo(ArtifactOutcome.Status.FAILED);
        assertThat(failed.failures()).extracting(ArtifactOutcome.Failure::reason)
                .containsExactly("not an SQLite database");
    }
}
