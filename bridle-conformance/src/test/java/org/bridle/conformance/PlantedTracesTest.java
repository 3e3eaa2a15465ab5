package org.bridle.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bridle.cli.ExitCode;
import org.bridle.cli.Main;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.indicators.BuiltinIndicators;
import org.bridle.core.indicators.IndicatorSet;
import org.bridle.core.model.Alert;
import org.bridle.core.model.Severity;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.core.scan.MemorySink;
import org.bridle.core.scan.ScanEngine;
import org.bridle.core.scan.ScanListener;
import org.bridle.core.scan.ScanResult;
import org.bridle.ios.artifacts.IosArtifacts;
import org.bridle.ios.backup.IosBackup;
import org.bridle.testkit.EvidenceSnapshot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Backups nobody has seen before, each made from a seed by {@link PlantedBackup}, scanned with the built-in
 * indicators through the real engine and every iOS artifact: every planted trace must be found, by the artifact,
 * at the level and with the indicator expected, and nothing else may alert, near misses included.
 */
class PlantedTracesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The artifacts whose files every planted backup holds; the others may be absent. */
    private static final Set<String> PLANTED_ARTIFACTS = Set.of("backup_info", "manifest", "sms", "sms_attachments",
            "safari_history", "safari_browser_state", "webkit_resource_load_statistics",
            "webkit_session_resource_log", "chrome_history", "chrome_favicon", "firefox_history", "firefox_favicon",
            "datausage", "tcc", "id_status_cache", "os_analytics_ad_daily", "locationd_clients",
            "configuration_profiles", "profile_events", "applications");
    private static IndicatorSet builtin;

    @TempDir
    Path folder;

    @BeforeAll
    static void loadBuiltinIndicators() {
        builtin = BuiltinIndicators.load();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 20210718, 7_777_777_777L})
    void findsEveryPlantedTraceAndNothingElse(long seed) throws Exception {
        PlantedBackup backup = PlantedBackup.write(folder.resolve("backup"), seed, builtin.indicators(), true);

        Scan scan = scan(backup);

        assertThat(backup.expectedAlerts()).as("planted traces").isNotEmpty();
        assertThat(backup.nearMisses()).as("near misses").isNotEmpty();
        assertAlerts(backup, scan);
        assertThat(scan.result.detections()).isNotEmpty();
    }

    @Test
    void aCleanBackupGivesNoDetection() throws Exception {
        for (long seed : new long[] {4, 5}) {
            PlantedBackup backup = PlantedBackup.write(folder.resolve("clean-" + seed), seed, builtin.indicators(),
                    false);

            Scan scan = scan(backup);

            assertThat(backup.nearMisses()).isEmpty();
            assertThat(backup.expectedAlerts().values()).allSatisfy(alerts ->
                    assertThat(alerts).containsOnly(Severity.INFORMATIONAL + " heuristic"));
            assertAlerts(backup, scan);
            assertThat(scan.result.detections()).as("%s", backup).isEmpty();
        }
    }

    /**
     * The command line on a planted backup writes every expected alert to alerts.json and exits with 4 (detections);
     * on a clean one it exits with 0, INFORMATIONAL profile events notwithstanding.
     */
    @Test
    void theCommandLineReportsThePlantedTracesAndPassesACleanBackup() throws Exception {
        for (boolean withTraces : new boolean[] {true, false}) {
            PlantedBackup backup = PlantedBackup.write(folder.resolve("cli-" + withTraces), 6, builtin.indicators(),
                    withTraces);
            EvidenceSnapshot before = EvidenceSnapshot.of(backup.folder());
            Path reports = folder.resolve("report-" + withTraces);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int exit = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8),
                    "ios", "check-backup", "--output", reports.toString(), backup.folder().toString());

            assertThat(exit).as("%s%n%s", backup, out.toString(StandardCharsets.UTF_8))
                    .isEqualTo(withTraces ? ExitCode.DETECTIONS : ExitCode.CLEAN);
            assertThat(EvidenceSnapshot.of(backup.folder())).isEqualTo(before);
            List<String> reported = new ArrayList<>();
            for (JsonNode alert : JSON.readTree(reports.resolve("alerts.json").toFile())) {
                JsonNode matched = alert.get("matched_indicator");
                reported.add(alert.get("module").asText() + " " + alert.get("level").asText() + " "
                        + (matched.isNull() ? "heuristic" : matched.get("type").asText() + " \""
                        + matched.get("value").asText() + "\" of " + matched.get("name").asText() + " ("
                        + matched.get("stix2_file_name").asText() + ")"));
            }
            List<String> expected = new ArrayList<>();
            backup.expectedAlerts().forEach((key, alerts) -> alerts.forEach(alert ->
                    expected.add(key.substring(0, key.indexOf(':')) + " " + alert)));
            assertThat(reported).as("%s", backup).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private record Scan(ScanResult result, MemorySink sink) {
    }

    /** Scans the backup with every iOS artifact, asserting each ran cleanly and the backup is unchanged. */
    private static Scan scan(PlantedBackup backup) throws Exception {
        EvidenceSnapshot before = EvidenceSnapshot.of(backup.folder());
        MemorySink sink = new MemorySink();
        ScanResult result;
        try (IosBackup source = IosBackup.open(backup.folder())) {
            result = new ScanEngine(builtin, 4).run(source, IosArtifacts.forBackup(), sink, ScanListener.NONE);
        }
        assertThat(EvidenceSnapshot.of(backup.folder())).isEqualTo(before);
        assertThat(result.outcomes()).as("%s", backup).allSatisfy(outcome -> {
            assertThat(outcome.status()).as(outcome.artifactId()).isIn(PLANTED_ARTIFACTS.contains(
                    outcome.artifactId()) ? Set.of(ArtifactOutcome.Status.FOUND)
                    : Set.of(ArtifactOutcome.Status.FOUND, ArtifactOutcome.Status.NOT_PRESENT));
            assertThat(outcome.failures()).as(outcome.artifactId()).isEmpty();
            assertThat(outcome.notes()).as(outcome.artifactId()).allSatisfy(note -> assertThat(outcome.artifactId()
                    + ": " + note).startsWith("backup_info: iOS ").contains(" is older than "));
            assertThat(outcome.missing()).as(outcome.artifactId()).isEmpty();
        });
        return new Scan(result, sink);
    }

    /**
     * Every alert of the scan, by entry, must be what the backup expects of that entry; every entry that must alert
     * and every near miss must have been read.
     */
    private static void assertAlerts(PlantedBackup backup, Scan scan) {
        Map<String, List<String>> actual = new TreeMap<>();
        for (Alert alert : scan.sink.alerts()) {
            actual.computeIfAbsent(PlantedBackup.key(alert.artifact(), alert.event()), key -> new ArrayList<>())
                    .add(PlantedBackup.describe(alert));
        }
        actual.values().forEach(Collections::sort);
        Set<String> read = new TreeSet<>();
        for (Artifact<?> artifact : IosArtifacts.forBackup()) {
            for (Object entry : scan.sink.entries(artifact.id())) {
                read.add(PlantedBackup.key(artifact.id(), entry));
            }
        }

        List<String> differences = new ArrayList<>();
        backup.expectedAlerts().forEach((key, alerts) -> {
            if (!alerts.equals(actual.get(key))) {
                differences.add("missed or wrong: " + key + "\n      expected " + alerts + "\n      got      "
                        + actual.getOrDefault(key, List.of()));
            }
        });
        actual.forEach((key, alerts) -> {
            if (!backup.expectedAlerts().containsKey(key)) {
                differences.add("false alert: " + key + (backup.nearMisses().contains(key) ? " (a near miss)" : "")
                        + "\n      got      " + alerts);
            }
        });
        assertThat(differences).as("%s", backup).isEmpty();
        assertThat(read).as("entries read of %s", backup).containsAll(backup.expectedAlerts().keySet())
                .containsAll(backup.nearMisses());
    }
}
