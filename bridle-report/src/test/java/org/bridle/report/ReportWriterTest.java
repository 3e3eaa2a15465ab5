package org.bridle.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bridle.core.model.Alert;
import org.bridle.core.model.MatchedIndicator;
import org.bridle.core.model.Severity;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.core.scan.ScanResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    @TempDir
    Path dir;

    record Message(long rowId, String phoneNumber, Instant isodate, List<String> links) {
    }

    private static ArtifactOutcome outcome(String id, ArtifactOutcome.Status status, long entries, long alerts) {
        return new ArtifactOutcome(id, status, List.of("3d/3d0d"), entries, alerts, List.of(),
                status == ArtifactOutcome.Status.FAILED
                        ? List.of(new ArtifactOutcome.Failure("3d/3d0d", "not an SQLite database", null)) : List.of(),
                List.of(), Duration.ofMillis(12));
    }

    @Test
    void writesMvtShapedFiles() throws Exception {
        Instant t1 = Instant.parse("2019-08-29T23:13:30.539788Z");
        Instant t0 = Instant.parse("2019-08-29T23:13:30Z");
        Message bad = new Message(1, "+15551234", t1, List.of("https://badbadbad.example.org/"));
        Message fine = new Message(2, "+15559999", t0, List.of());
        Alert alert = new Alert(Severity.HIGH, "sms", "matches", t1, bad,
                new MatchedIndicator("badbadbad.example.org", "domain-name:value", "Test", "test.stix2"));
        ScanResult result;
        try (ReportWriter writer = new ReportWriter(dir.resolve("out"))) {
            writer.entry("sms", bad, List.of(new TimelineEvent(t1, "sms", "sms_received", "say \"hi\"")), List.of(alert));
            writer.entry("sms", fine, List.of(new TimelineEvent(t0, "sms", "sms_sent", "b"),
                    new TimelineEvent(t0, "sms", "sms_read", "a")), List.of());
            writer.evidenceRead("private/var/mobile/Library/SMS/sms.db", "3d/3d0d", "abc");
            writer.evidenceRead("@backup/Manifest.db", "Manifest.db", "def");
            writer.artifactFinished(outcome("sms", ArtifactOutcome.Status.FOUND, 2, 1));
            writer.artifactFinished(outcome("tcc", ArtifactOutcome.Status.FOUND, 0, 0));
            writer.artifactFinished(outcome("datausage", ArtifactOutcome.Status.NOT_PRESENT, 0, 0));
            result = new ScanResult("iOS backup at /b", t0, t1, List.of(
                    outcome("sms", ArtifactOutcome.Status.FOUND, 2, 1),
                    outcome("tcc", ArtifactOutcome.Status.FOUND, 0, 0),
                    outcome("datausage", ArtifactOutcome.Status.NOT_PRESENT, 0, 0),
                    outcome("manifest", ArtifactOutcome.Status.FAILED, 0, 0)), List.of(alert));
            writer.finish(result, new RunInfo("0.1.0", "bridle ios check-backup", "/b",
                    List.of(new RunInfo.IndicatorFile("test.stix2", "/iocs/test.stix2", "ff", 1, 0)),
                    List.of("skipped the entry ../evil: a path that climbs out of the archive")), null);
        }
        Path out = dir.resolve("out");
        ObjectMapper json = new ObjectMapper();

        JsonNode sms = json.readTree(out.resolve("sms.json").toFile());
        assertThat(sms).hasSize(2);
        assertThat(sms.get(0).get("phone_number").asText()).isEqualTo("+15551234");
        assertThat(sms.get(0).get("row_id").asLong()).isEqualTo(1);
        assertThat(sms.get(0).get("isodate").asText()).isEqualTo("2019-08-29 23:13:30.539788");
        assertThat(json.readTree(out.resolve("sms_detected.json").toFile())).hasSize(1);
        assertThat(json.readTree(out.resolve("tcc.json").toFile())).isEmpty();
        assertThat(out.resolve("tcc_detected.json")).doesNotExist();
        assertThat(out.resolve("datausage.json")).doesNotExist();

        JsonNode alerts = json.readTree(out.resolve("alerts.json").toFile());
        assertThat(alerts).hasSize(1);
        JsonNode a = alerts.get(0);
        assertThat(a.get("level").asText()).isEqualTo("HIGH");
        assertThat(a.get("module").asText()).isEqualTo("sms");
        assertThat(a.get("event_time").asText()).isEqualTo("2019-08-29 23:13:30.539788");
        assertThat(a.get("event").get("links").get(0).asText()).isEqualTo("https://badbadbad.example.org/");
        assertThat(a.get("matched_indicator").get("stix2_file_name").asText()).isEqualTo("test.stix2");
        assertThat(a.get("matched_indicator").get("type").asText()).isEqualTo("domain-name:value");

        assertThat(Files.readAllLines(out.resolve("timeline.csv"))).containsExactly(
                "\"UTC Timestamp\",\"Plugin\",\"Event\",\"Description\"",
                "\"2019-08-29 23:13:30.000000\",\"sms\",\"sms_read\",\"a\"",
                "\"2019-08-29 23:13:30.000000\",\"sms\",\"sms_sent\",\"b\"",
                "\"2019-08-29 23:13:30.539788\",\"sms\",\"sms_received\",\"say \"\"hi\"\"\"");
        assertThat(Files.readAllLines(out.resolve("alerts_timeline.csv"))).hasSize(2);

        JsonNode info = json.readTree(out.resolve("info.json").toFile());
        assertThat(info.get("bridle_version").asText()).isEqualTo("0.1.0");
        assertThat(info.get("target_path").asText()).isEqualTo("/b");
        assertThat(info.get("ioc_files").get(0).get("sha256").asText()).isEqualTo("ff");
        assertThat(info.get("source_notes").get(0).asText())
                .isEqualTo("skipped the entry ../evil: a path that climbs out of the archive");
        assertThat(info.get("hashes").findValuesAsText("file_path"))
                .as("in the order of their paths, whichever was read first")
                .containsExactly("@backup/Manifest.db", "private/var/mobile/Library/SMS/sms.db");
        assertThat(info.get("artifacts").get(3).get("failures").get(0).get("reason").asText())
                .isEqualTo("not an SQLite database");
    }

    @Test
    void aTimelineThatCannotBeWrittenFailsFinishAfterTheOtherFiles() throws Exception {
        Instant t0 = Instant.parse("2019-08-29T23:13:30Z");
        Path out = dir.resolve("out");
        try (ReportWriter writer = new ReportWriter(out)) {
            writer.entry("sms", new Message(1, "+1555", t0, List.of()),
                    List.of(new TimelineEvent(t0, "sms", "sms_sent", "b")), List.of());
            writer.artifactFinished(outcome("sms", ArtifactOutcome.Status.FOUND, 1, 0));
            Files.createDirectory(out.resolve("timeline.csv"));
            ScanResult result = new ScanResult("iOS backup at /b", t0, t0,
                    List.of(outcome("sms", ArtifactOutcome.Status.FOUND, 1, 0)), List.of());
            assertThatThrownBy(() -> writer.finish(result, new RunInfo("0.1.0", "bridle", "/b", List.of(), List.of()),
                    null)).isInstanceOf(IOException.class).hasMessageContaining("timeline.csv");
        }
        assertThat(out.resolve("alerts.json")).exists();
        assertThat(out.resolve("alerts_timeline.csv")).exists();
        assertThat(out.resolve("info.json")).exists();
    }

    @Test
    void theSummarySaysWhatADetectionMeans() {
        Instant t = Instant.parse("2020-01-01T00:00:00Z");
        Alert high = new Alert(Severity.HIGH, "sms", "link matches", t, null, null);
        Alert info = new Alert(Severity.INFORMATIONAL, "global_preferences", "Lockdown Mode is on", t, null, null);
        ScanResult found = new ScanResult("iOS backup at /b", t, t,
                List.of(outcome("sms", ArtifactOutcome.Status.FOUND, 1, 1)), List.of(high, info));
        String text = ConsoleSummary.render(found, dir);
        assertThat(text).contains("Detections: 1 (1 HIGH); 1 informational note")
                .contains("not proof of infection").contains("Only an expert review")
                .contains("Reports written to " + dir);

        ScanResult incomplete = new ScanResult("iOS backup at /b", t, t,
                List.of(outcome("tcc", ArtifactOutcome.Status.FAILED, 0, 0)), List.of(info));
        assertThat(ConsoleSummary.render(incomplete, null))
                .contains("1 failed").contains("failed: tcc: 3d/3d0d: not an SQLite database")
                .contains("does not prove the phone is clean").contains("could not be checked");
    }

    @Test
    void theSummaryShowsWhatArtifactsNoted() {
        Instant t = Instant.parse("2020-01-01T00:00:00Z");
        ArtifactOutcome info = new ArtifactOutcome("backup_info", ArtifactOutcome.Status.FOUND, List.of("Info.plist"),
                1, 0, List.of(), List.of(), List.of("iOS 14.3 is older than 14.8.1"), Duration.ofMillis(1));
        ScanResult result = new ScanResult("iOS backup at /b", t, t, List.of(info), List.of());

        assertThat(ConsoleSummary.render(result, null)).contains("  note: backup_info: iOS 14.3 is older than 14.8.1\n");
    }
}
