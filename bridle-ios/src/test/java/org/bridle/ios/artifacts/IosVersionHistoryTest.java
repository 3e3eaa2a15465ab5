package org.bridle.ios.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.ios.ArtifactScan;
import org.bridle.testkit.DumpBuilder;
import org.bridle.testkit.ios.AnalyticsJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IosVersionHistoryTest {
    private static final Instant T = Instant.parse("2021-03-22T10:04:23.25Z");

    @TempDir
    Path dir;

    private final IosVersionHistory artifact = new IosVersionHistory();

    @Test
    void readsTheVersionAndTimeOfEachJournalHeader() throws Exception {
        DumpBuilder dump = new DumpBuilder(dir.resolve("d"))
                .file(AnalyticsJournal.path(1), AnalyticsJournal.journal(T, ZoneOffset.ofHours(1),
                        "iPhone OS 14.4.1 (18D61)"))
                .file(AnalyticsJournal.path(2), AnalyticsJournal.journal(T.minusSeconds(86_400 * 40),
                        ZoneOffset.ofHours(-5), "iPhone OS 14.3 (18C66)"))
                // near miss: not a journal
                .file(AnalyticsJournal.FOLDER + "Analytics-2021-03-22.core_analytics", "{}");

        ArtifactScan scan = ArtifactScan.overDump(dump.build(), artifact);

        assertThat(scan.<IosVersionHistory.Version>entries("ios_version_history")).containsExactly(
                new IosVersionHistory.Version(T, "iPhone OS 14.4.1 (18D61)", "18D61", AnalyticsJournal.path(1)),
                new IosVersionHistory.Version(T.minusSeconds(86_400 * 40), "iPhone OS 14.3 (18C66)", "18C66",
                        AnalyticsJournal.path(2)));
        assertThat(scan.sink().timeline()).extracting(e -> e.description()).containsExactlyInAnyOrder(
                "Recorded iOS version iPhone OS 14.4.1 (18D61)", "Recorded iOS version iPhone OS 14.3 (18C66)");
    }

    @Test
    void aHeaderWithoutVersionGivesANoteAndAnOddTimeKeepsTheVersion() throws Exception {
        DumpBuilder dump = new DumpBuilder(dir.resolve("d"))
                .file(AnalyticsJournal.path(1), "{\"bug_type\":\"211\",\"timestamp\":\"2021-03-22 11:04:23.00 +0100\"}\n")
                .file(AnalyticsJournal.path(2), "{\"timestamp\":\"last week\",\"os_version\":\"iPhone OS 15.0\"}");

        ArtifactScan scan = ArtifactScan.overDump(dump.build(), artifact);

        assertThat(scan.<IosVersionHistory.Version>entries("ios_version_history")).containsExactly(
                new IosVersionHistory.Version(null, "iPhone OS 15.0", null, AnalyticsJournal.path(2)));
        ArtifactOutcome outcome = scan.outcome("ios_version_history");
        assertThat(outcome.status()).isEqualTo(ArtifactOutcome.Status.FOUND);
        assertThat(outcome.notes()).hasSize(2);
        assertThat(scan.sink().timeline()).isEmpty();
    }

    @Test
    void aJournalWhoseHeaderIsNotJsonFailsAlone() throws Exception {
        DumpBuilder dump = new DumpBuilder(dir.resolve("d"))
                .file(AnalyticsJournal.path(1), "\u0000\u0001binary garbage\n{}")
                .file(AnalyticsJournal.path(2), AnalyticsJournal.journal(T, ZoneOffset.UTC, "iPhone OS 14.4 (18D52)"));

        ArtifactScan scan = ArtifactScan.overDump(dump.build(), artifact);

        ArtifactOutcome outcome = scan.outcome("ios_version_history");
        assertThat(outcome.status()).isEqualTo(ArtifactOutcome.Status.FAILED);
        assertThat(outcome.failures()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo(AnalyticsJournal.path(1));
            assertThat(f.reason()).contains("not JSON");
        });
        assertThat(outcome.entries()).isEqualTo(1);
    }
}
