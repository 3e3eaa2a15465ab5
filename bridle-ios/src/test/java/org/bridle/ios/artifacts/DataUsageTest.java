package org.bridle.ios.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.bridle.core.model.Alert;
import org.bridle.core.model.Observable;
import org.bridle.core.model.Severity;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.ios.ArtifactScan;
import org.bridle.ios.artifacts.DataUsage.Kind;
import org.bridle.ios.artifacts.DataUsage.Usage;
import org.bridle.ios.backup.IosBackup;
import org.bridle.testkit.BackupBuilder;
import org.bridle.testkit.EvidenceSnapshot;
import org.bridle.testkit.SqliteFixture;
import org.bridle.testkit.ios.DataUsageDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataUsageTest {
    private static final Instant FIRST = Instant.parse("2019-08-27T15:08:09.25Z");
    private static final Instant LAST = Instant.parse("2019-08-29T20:00:00Z");
    private static final Instant LIVE = Instant.parse("2019-08-29T21:00:00Z");
    private static final Instant LATER = Instant.parse("2020-09-12T08:00:00Z");

    @TempDir
    Path dir;

    private final DataUsage dataUsage = new DataUsage();

    @Test
    void readsProcessesWithTheirUsageAndFlagsDeletedProcessRecords() throws Exception {
        ArtifactScan scan = scan(DataUsageDatabase.create()
                .process(1, "1FB47783-A2FE-47D9-B256-DF50EF44BBA4/com.example.app", "com.example.app", FIRST, LAST)
                .process(2, "CumulativeUsageTracker", null, FIRST.plusSeconds(1), LAST)
                .process(3, "com.apple.Maps", "com.apple.Maps", FIRST.plusSeconds(2), FIRST.plusSeconds(2))
                .process(5, "apsd/com.apple.datausage.applepushservice", "com.apple.datausage.applepushservice",
                        FIRST.plusSeconds(4), LAST)
                .liveUsage(1, 1, LIVE, 10, 20, 1000, 2000)
                .liveUsage(2, 2, LIVE, 0, 0, 253438, 0)
                .liveUsage(3, 5, LIVE, 0, 0, 6812, 63118)
                .liveUsage(4, 9, LATER, 0, 0, 7, 8)
                .liveUsage(5, 2, LATER, 0, 0, 0, 0)
                .bytes());

        List<Usage> usage = scan.entries("datausage");
        assertThat(usage).extracting(Usage::kind, Usage::procId, Usage::liveId, Usage::firstForProcess).containsExactly(
                tuple(Kind.LIVE_USAGE, 1L, 1L, true),
                tuple(Kind.LIVE_USAGE, 2L, 2L, true),
                tuple(Kind.LIVE_USAGE, 2L, 5L, false),
                tuple(Kind.PROCESS, 3L, null, true),
                tuple(Kind.MISSING_PROCESS, 4L, null, false),
                tuple(Kind.LIVE_USAGE, 5L, 3L, true),
                tuple(Kind.DELETED_PROCESS_USAGE, null, 4L, false));
        assertThat(usage.get(0)).isEqualTo(new Usage(Kind.LIVE_USAGE, 1L,
                "1FB47783-A2FE-47D9-B256-DF50EF44BBA4/com.example.app", "com.example.app", FIRST, LAST, 1L, 1L, LIVE,
                null, null, 1000.0, 2000.0, true));
        assertThat(usage.get(6).liveProcId()).isEqualTo(9);
        assertThat(usage.get(4).firstIsodate()).isEqualTo(FIRST.plusSeconds(2));

        assertThat(dataUsage.observables(usage.get(0))).containsExactly(
                Observable.process("1FB47783-A2FE-47D9-B256-DF50EF44BBA4/com.example.app"),
                Observable.process("com.example.app"), Observable.appId("com.example.app"));
        assertThat(usage).filteredOn(u -> dataUsage.observables(u).contains(Observable.process("CumulativeUsageTracker")))
                .hasSize(2);
        assertThat(dataUsage.observables(usage.get(4))).isEmpty();
        assertThat(dataUsage.observables(usage.get(6))).isEmpty();

        List<Alert> alerts = scan.sink().alerts("datausage");
        assertThat(alerts).extracting(Alert::level, Alert::eventTime).containsExactly(
                tuple(Severity.LOW, FIRST.plusSeconds(2)), tuple(Severity.HIGH, LATER));
        assertThat(alerts.get(0).message()).isEqualTo(
                "Process id 4 is missing after process 3 (com.apple.Maps): its record may have been deleted");
        assertThat(alerts.get(1).message()).isEqualTo(
                "Process record deleted: network use was recorded for process id 9, which ZPROCESS no longer holds");

        assertThat(scan.sink().timeline()).extracting(TimelineEvent::event).containsExactly(
                "live_usage", "first_usage", "current_usage",
                "live_usage", "first_usage", "current_usage",
                "live_usage",
                "first_usage",
                "missing_process",
                "live_usage", "first_usage", "current_usage",
                "live_usage");
    }

    @Test
    void readsWifiCountsFromTheOlderLayout() throws Exception {
        ArtifactScan scan = scan(DataUsageDatabase.create(DataUsageDatabase.Layout.WIFI_AND_WWAN)
                .process(1, "mDNSResponder/com.apple.datausage.dns", "com.apple.datausage.dns", FIRST, LAST)
                .liveUsage(1, 1, LIVE, 415, 136, 12, 34)
                .bytes());

        Usage usage = scan.<Usage>entries("datausage").get(0);
        assertThat(usage.wifiIn()).isEqualTo(415.0);
        assertThat(usage.wifiOut()).isEqualTo(136.0);
        assertThat(usage.wwanIn()).isEqualTo(12.0);
        assertThat(usage.wwanOut()).isEqualTo(34.0);
        assertThat(scan.sink().alerts()).isEmpty();
    }

    @Test
    void aWideGapGivesOnePlaceholder() throws Exception {
        ArtifactScan scan = scan(DataUsageDatabase.create()
                .process(1, "a", null, FIRST, LAST)
                .process(2, "b", null, FIRST, LAST)
                .process(1_000_000, "c", null, LAST, LAST)
                .bytes());

        assertThat(scan.<Usage>entries("datausage")).extracting(Usage::kind).containsExactly(
                Kind.PROCESS, Kind.PROCESS, Kind.MISSING_PROCESS, Kind.PROCESS);
        assertThat(scan.sink().alerts("datausage")).extracting(Alert::message).containsExactly(
                "Process ids 3 to 999999 are missing after process 2 (b): their records may have been deleted");
    }

    @Test
    void aDatabaseWithoutTheUsageTablesHasNoEntriesAndANote() throws Exception {
        ArtifactScan scan = scan(SqliteFixture.bytes("CREATE TABLE ZPROCESS (Z_PK INTEGER PRIMARY KEY, ZPROCNAME VARCHAR)",
                "INSERT INTO ZPROCESS VALUES (1, 'a')"));

        assertThat(scan.entries("datausage")).isEmpty();
        assertThat(scan.outcome("datausage").notes()).containsExactly("private/var/wireless/Library/Databases/"
                + "DataUsage.sqlite has no ZPROCESS and ZLIVEUSAGE tables of the known layout");
    }

    @Test
    void aDamagedDatabaseIsAFailureOfThisArtifact() throws Exception {
        byte[] damaged = "SQLite format 3\0 and then nothing a database should hold".getBytes(StandardCharsets.ISO_8859_1);
        ArtifactOutcome outcome = scan(damaged).outcome("datausage");

        assertThat(outcome.status()).isEqualTo(ArtifactOutcome.Status.FAILED);
        assertThat(outcome.failures().get(0).reason()).startsWith("the database is malformed");
    }

    /** Scans a backup holding this DataUsage.sqlite, asserting the scan left the backup unchanged. */
    private ArtifactScan scan(byte[] database) throws Exception {
        Path backup = new BackupBuilder(dir.resolve("b"))
                .file("WirelessDomain", "Library/Databases/DataUsage.sqlite", database).build();
        EvidenceSnapshot before = EvidenceSnapshot.of(backup);
        ArtifactScan scan;
        try (IosBackup source = IosBackup.open(backup)) {
            scan = ArtifactScan.run(source, dataUsage);
        }
        assertThat(EvidenceSnapshot.of(backup)).isEqualTo(before);
        return scan;
    }
}
