package org.bridle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.bridle.ios.artifacts.IosArtifacts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files {@code --output DIR} writes, in the shapes the README documents (those of MVT). */
class ReportFilesTest {
    /** The documented order of timeline rows: time, then plugin, event and description. */
    private static final Comparator<List<String>> TIMELINE_ORDER = Comparator.<List<String>, String>comparing(r -> r.get(0))
            .thenComparing(r -> r.get(1)).thenComparing(r -> r.get(2)).thenComparing(r -> r.get(3));

    @TempDir
    Path dir;

    Path backup;
    Path iocs;
    Path report;
    Cli.Result result;

    @BeforeEach
    void checkABackupWithTraces() {
        backup = Evidence.backupWithTraces(dir.resolve("backup"));
        iocs = Evidence.indicators(dir.resolve("iocs"));
        report = dir.resolve("reports/new");
        result = Cli.checkBackup(backup, "--no-builtin-iocs", "--iocs", iocs.toString(), "--output", report.toString());
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.DETECTIONS);
    }

    private List<String> files() throws IOException {
        try (Stream<Path> list = Files.list(report)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesOneJsonPerArtifactFoundAndDetectedFilesOnlyForArtifactsWithDetections() throws IOException {
        assertThat(files()).containsExactlyInAnyOrder(
                "backup_info.json", "manifest.json", "sms.json", "sms_attachments.json", "safari_history.json",
                "datausage.json", "tcc.json", "applications.json", "sms_detected.json", "datausage_detected.json",
                "alerts.json", "timeline.csv", "alerts_timeline.csv", "info.json");
        assertThat(result.out()).contains("Reports written to " + report);
    }

    @Test
    void eachArtifactFileIsAJsonArrayOfItsEntries() throws IOException {
        for (String name : files()) {
            if (name.endsWith(".json") && !name.equals("alerts.json") && !name.equals("info.json")) {
                assertThat(Reports.json(report.resolve(name)).isArray()).as(name).isTrue();
            }
        }
        JsonNode sms = Reports.json(report.resolve("sms.json"));
        assertThat(sms).hasSize(5);
        assertThat(sms.get(0).get("phone_number").asText()).isEqualTo("+15555550123");
        assertThat(sms.get(0).get("isodate").asText()).isEqualTo("2022-03-01 08:00:00.000000");
        assertThat(Reports.json(report.resolve("backup_info.json")).get(0).get("device_name").asText())
                .isEqualTo("Test iPhone");
        assertThat(Reports.json(report.resolve("tcc.json"))).hasSize(1);
    }

    @Test
    void detectedFilesHoldTheEntriesThatRaisedAlerts() {
        JsonNode sms = Reports.json(report.resolve("sms_detected.json"));
        assertThat(sms).hasSize(2);
        assertThat(sms.get(0).get("text").asText()).contains(Evidence.SPY_LINK);
        assertThat(sms.get(1).get("text").asText()).startsWith(Evidence.THREAT_NOTIFICATION);
        JsonNode dataUsage = Reports.json(report.resolve("datausage_detected.json"));
        assertThat(dataUsage).isNotEmpty().allSatisfy(e ->
                assertThat(e.get("proc_name").asText()).isEqualTo(Evidence.SPY_PROCESS));
    }

    @Test
    void alertsJsonListsEveryAlertWithItsMatchedIndicator() {
        JsonNode alerts = Reports.json(report.resolve("alerts.json"));
        assertThat(alerts.isArray()).isTrue();
        assertThat(alerts).hasSize(3);
        for (JsonNode alert : alerts) {
            List<String> keys = new ArrayList<>();
            alert.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).containsExactly("level", "module", "message", "event_time", "event", "matched_indicator");
            assertThat(alert.get("level").asText()).isEqualTo("HIGH");
            assertThat(alert.get("event_time").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
            assertThat(alert.get("event").isObject()).isTrue();
        }

        JsonNode link = find(alerts, "sms", Evidence.SPY_LINK);
        assertThat(link.get("event_time").asText()).isEqualTo("2022-03-01 09:00:00.000000");
        assertThat(link.get("event").get("links").get(0).asText()).isEqualTo(Evidence.SPY_LINK);
        JsonNode indicator = link.get("matched_indicator");
        List<String> keys = new ArrayList<>();
        indicator.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("value", "type", "name", "stix2_file_name");
        assertThat(indicator.get("value").asText()).isEqualTo(Evidence.SPY_DOMAIN);
        assertThat(indicator.get("type").asText()).isEqualTo("domain-name:value");
        assertThat(indicator.get("name").asText()).isEqualTo(Evidence.FAMILY);
        assertThat(indicator.get("stix2_file_name").asText()).isEqualTo(Evidence.STIX_FILE);

        JsonNode process = find(alerts, "datausage", Evidence.SPY_PROCESS);
        assertThat(process.get("matched_indicator").get("type").asText()).isEqualTo("process:name");

        JsonNode notification = find(alerts, "sms", "threat notification");
        assertThat(notification.get("matched_indicator").isNull()).as("a heuristic matches no indicator").isTrue();
    }

    private static JsonNode find(JsonNode alerts, String module, String inMessage) {
        for (JsonNode alert : alerts) {
            if (alert.get("module").asText().equals(module) && alert.get("message").asText().contains(inMessage)) {
                return alert;
            }
        }
        throw new AssertionError("no " + module + " alert about " + inMessage + " in " + alerts);
    }

    @Test
    void timelineCsvHasTheDocumentedHeaderAndIsSorted() throws IOException {
        assertThat(Files.readAllLines(report.resolve("timeline.csv")).get(0))
                .isEqualTo("\"UTC Timestamp\",\"Plugin\",\"Event\",\"Description\"");
        List<List<String>> rows = Reports.csv(report.resolve("timeline.csv"));
        List<List<String>> events = rows.subList(1, rows.size());
        assertThat(events).hasSizeGreaterThan(10).allSatisfy(r -> {
            assertThat(r).hasSize(4);
            assertThat(r.get(0)).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
        });
        assertThat(events).isSortedAccordingTo(TIMELINE_ORDER);
        assertThat(events).extracting(r -> r.get(1)).contains("sms", "datausage", "safari_history", "tcc", "manifest",
                "backup_info");
    }

    @Test
    void alertsTimelineCsvHoldsOnlyTheEventsOfEntriesWithAlerts() throws IOException {
        assertThat(Files.readAllLines(report.resolve("alerts_timeline.csv")).get(0))
                .isEqualTo("\"UTC Timestamp\",\"Plugin\",\"Event\",\"Description\"");
        List<List<String>> rows = Reports.csv(report.resolve("alerts_timeline.csv"));
        List<List<String>> events = rows.subList(1, rows.size());
        assertThat(events).isNotEmpty().isSortedAccordingTo(TIMELINE_ORDER);
        assertThat(events).allSatisfy(r -> assertThat(r.get(3)).containsAnyOf(Evidence.SPY_LINK,
                Evidence.SPY_PROCESS, Evidence.THREAT_NOTIFICATION));
        assertThat(Reports.csv(report.resolve("timeline.csv"))).containsAll(events);
    }

    @Test
    void infoJsonDescribesTheRun() {
        JsonNode info = Reports.json(report.resolve("info.json"));
        assertThat(info.get("bridle_version").asText()).isEqualTo("0.1.0");
        assertThat(info.get("target_path").asText()).isEqualTo(backup.toString());
        assertThat(info.get("date").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}");

        JsonNode iocFiles = info.get("ioc_files");
        assertThat(iocFiles).hasSize(1);
        assertThat(iocFiles.get(0).get("name").asText()).isEqualTo(Evidence.STIX_FILE);
        assertThat(iocFiles.get(0).get("sha256").asText()).isEqualTo(Reports.sha256(iocs));
        assertThat(iocFiles.get(0).get("indicators").asInt()).isEqualTo(2);

        JsonNode artifacts = info.get("artifacts");
        assertThat(artifacts).hasSize(IosArtifacts.forBackup().size());
        assertThat(Reports.outcome(report, "sms").get("status").asText()).isEqualTo("FOUND");
        assertThat(Reports.outcome(report, "sms").get("entries").asInt()).isEqualTo(5);
        assertThat(Reports.outcome(report, "sms").get("alerts").asInt()).isEqualTo(2);
        assertThat(Reports.outcome(report, "datausage").get("alerts").asInt()).isEqualTo(1);
        assertThat(Reports.outcome(report, "id_status_cache").get("status").asText()).isEqualTo("NOT_PRESENT");
        assertThat(artifacts).allSatisfy(a -> assertThat(a.get("failures")).isEmpty());

        assertThat(info.get("hashes")).anySatisfy(h -> {
            assertThat(h.get("file_path").asText()).isEqualTo("private/var/mobile/Library/SMS/sms.db");
            assertThat(h.get("sha256").asText()).isEqualTo(Reports.sha256(Evidence.smsDb(backup)));
        });
    }
}
