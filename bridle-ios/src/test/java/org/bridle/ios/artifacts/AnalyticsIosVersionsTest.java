package org.bridle.ios.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.ios.ArtifactScan;
import org.bridle.testkit.DumpBuilder;
import org.bridle.testkit.PlistFixture;
import org.bridle.testkit.ios.KeychainAnalyticsDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyticsIosVersionsTest {
    private static final Instant T = Instant.parse("2020-12-01T00:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    @TempDir
    Path dir;

    private final AnalyticsIosVersions artifact = new AnalyticsIosVersions();

    @Test
    void givesEachBuildsFirstAndLastEventPerDatabase() throws Exception {
        DumpBuilder dump = new DumpBuilder(dir.resolve("d"))
                .file(KeychainAnalyticsDatabase.FOLDER + "ckks_analytics.db", KeychainAnalyticsDatabase.create()
                        .event("soft_failures", T.plus(DAY.multipliedBy(20)), Map.of("build", "18C66"))
                        .event("hard_failures", T.plus(DAY), Map.of("build", "17H35"))
                        .event("hard_failures", T.plus(DAY.multipliedBy(10)), Map.of("build", "18C66"))
                        .event("notes", T, Map.of("build", "17H35"))
                        // near misses: no build, a build that is no string, a build without a time
                        .event("notes", T.minus(DAY), Map.of("topic", "KeySyncTopic"))
                        .event("notes", T.minus(DAY), Map.of("build", 18L))
                        .rawEvent("notes", null, PlistFixture.binary(Map.of("build", "16A366")))
                        .bytes())
                .file(KeychainAnalyticsDatabase.FOLDER + "trust_analytics.db",
                        KeychainAnalyticsDatabase.create(KeychainAnalyticsDatabase.Layout.WITH_ALL_EVENTS)
                                .event("all_events", T.minus(DAY.multipliedBy(5)), Map.of("build", "17H35"))
                                .bytes());

        ArtifactScan scan = ArtifactScan.overDump(dump.build(), artifact);

        assertThat(scan.<AnalyticsIosVersions.Build>entries("analytics_ios_versions")).containsExactlyInAnyOrder(
                new AnalyticsIosVersions.Build("17H35", T, T.plus(DAY), 2, "ckks_analytics.db"),
                new AnalyticsIosVersions.Build("18C66", T.plus(DAY.multipliedBy(10)), T.plus(DAY.multipliedBy(20)), 2,
                        "ckks_analytics.db"),
                new AnalyticsIosVersions.Build("17H35", T.minus(DAY.multipliedBy(5)), T.minus(DAY.multipliedBy(5)), 1,
                        "trust_analytics.db"));
        assertThat(scan.sink().timeline()).hasSize(3).anySatisfy(e -> assertThat(e.description()).isEqualTo(
                "iOS build 18C66 first seen in ckks_analytics.db (last seen 2020-12-21T00:00:00Z, 2 events)"));
    }

    @Test
    void aCorruptDatabaseFails() throws Exception {
        DumpBuilder dump = new DumpBuilder(dir.resolve("d"))
                .file(KeychainAnalyticsDatabase.FOLDER + "ckks_analytics.db", new byte[0]);

        ArtifactScan scan = ArtifactScan.overDump(dump.build(), artifact);

        ArtifactOutcome outcome = scan.outcome("analytics_ios_versions");
        assertThat(outcome.status()).isEqualTo(ArtifactOutcome.Status.FAILED);
        assertThat(outcome.failures()).singleElement().satisfies(f -> assertThat(f.reason())
                .contains("the database file is empty"));
    }
}
