package org.bridle.ios.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bridle.core.model.Observable;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.ios.ArtifactScan;
import org.bridle.testkit.BackupBuilder;
import org.bridle.testkit.PlistFixture;
import org.bridle.testkit.ios.OsAnalyticsAdDailyPlist;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsAnalyticsAdDailyTest {
    private static final Instant T = Instant.parse("2021-04-10T00:00:00Z");

    @TempDir
    Path dir;

    private final OsAnalyticsAdDaily artifact = new OsAnalyticsAdDaily();

    @Test
    void readsTheNetworkUseOfEachProcess() throws Exception {
        OsAnalyticsAdDailyPlist plist = new OsAnalyticsAdDailyPlist()
                .process("com.apple.WebKit.Networking", T, 1024, 512, 2048, 256)
                .process("roleaccountd", T.plusSeconds(3600), 10, 20, 0, 0);
        Path backup = new BackupBuilder(dir.resolve("b"))
                .file(OsAnalyticsAdDailyPlist.DOMAIN, OsAnalyticsAdDailyPlist.RELATIVE_PATH, plist.bytes()).build();

        ArtifactScan scan = ArtifactScan.overBackup(backup, artifact);

        List<OsAnalyticsAdDaily.NetUsage> usage = scan.entries("os_analytics_ad_daily");
        assertThat(usage).containsExactly(
                new OsAnalyticsAdDaily.NetUsage("com.apple.WebKit.Networking", T, 1024.0, 512.0, 2048.0, 256.0),
                new OsAnalyticsAdDaily.NetUsage("roleaccountd", T.plusSeconds(3600), 10.0, 20.0, 0.0, 0.0));
        assertThat(artifact.observables(usage.get(1))).containsExactly(Observable.process("roleaccountd"));
        assertThat(scan.sink().timeline()).hasSize(2);
        assertThat(scan.sink().timeline().get(1).description())
                .isEqualTo("roleaccountd WIFI IN: 10.0, WIFI OUT: 20.0 - WWAN IN: 0.0, WWAN OUT: 0.0");
    }

    @Test
    void aValueOfAnotherShapeKeepsTheProcessWithNullCounters() throws Exception {
        OsAnalyticsAdDailyPlist plist = new OsAnalyticsAdDailyPlist()
                .raw("short", List.of(T, 5L))
                .raw("odd", "not a list");
        Path backup = new BackupBuilder(dir.resolve("b"))
                .file(OsAnalyticsAdDailyPlist.DOMAIN, OsAnalyticsAdDailyPlist.RELATIVE_PATH, plist.bytes()).build();

        ArtifactScan scan = ArtifactScan.overBackup(backup, artifact);

        assertThat(scan.<OsAnalyticsAdDaily.NetUsage>entries("os_analytics_ad_daily")).containsExactly(
                new OsAnalyticsAdDaily.NetUsage("short", T, 5.0, null, null, null),
                new OsAnalyticsAdDaily.NetUsage("odd", null, null, null, null, null));
        assertThat(scan.sink().timeline()).hasSize(1);
    }

    @Test
    void aFileWithoutTheBaselineGivesANote() throws Exception {
        Path backup = new BackupBuilder(dir.resolve("b")).file(OsAnalyticsAdDailyPlist.DOMAIN,
                OsAnalyticsAdDailyPlist.RELATIVE_PATH, PlistFixture.xml(Map.of("lastReportDate", T))).build();

        ArtifactScan scan = ArtifactScan.overBackup(backup, artifact);

        ArtifactOutcome outcome = scan.outcome("os_analytics_ad_daily");
        assertThat(outcome.status()).isEqualTo(ArtifactOutcome.Status.FOUND);
        assertThat(outcome.entries()).isZero();
        assertThat(outcome.notes()).singleElement().asString().contains("netUsageBaseline");
    }

    @Test
    void aPlistThatIsNotADictionaryIsAFailure() throws Exception {
        Path backup = new BackupBuilder(dir.resolve("b")).file(OsAnalyticsAdDailyPlist.DOMAIN,
                OsAnalyticsAdDailyPlist.RELATIVE_PATH, PlistFixture.binary(List.of("a", "b"))).build();

        ArtifactScan scan = ArtifactScan.overBackup(backup, artifact);

        ArtifactOutcome outcome = scan.outcome("os_analytics_ad_daily");
        assertThat(outcome.status()).isEqualTo(ArtifactOutcome.Status.FAILED);
        assertThat(outcome.failures()).singleElement().satisfies(f -> assertThat(f.reason())
                .contains("not a dictionary"));
    }
}
