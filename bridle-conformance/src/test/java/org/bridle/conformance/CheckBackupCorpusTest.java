package org.bridle.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bridle.cli.ExitCode;
import org.bridle.cli.Main;
import org.bridle.core.artifact.Artifact;
import org.bridle.ios.artifacts.IosArtifacts;
import org.bridle.testkit.EvidenceSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole command line on MVT's iOS test backup: {@code bridle ios check-backup --output DIR BACKUP}, with the
 * built-in indicators.
 *
 * <p>The exit code is 4 (detections found), and rightly so: the one detection is DataUsage's process-id gap
 * heuristic (process id 5 is missing between processes 4 and 6), a LOW alert without an indicator, which is the
 * "1 alert (missing process)" MVT's own test asserts for this backup; and the README counts every alert of level LOW
 * or above as a detection. None of the 5,700-odd built-in indicators matches anything in this backup (it is MVT's
 * synthetic test data: its only suspicious link, {@code badbadbad.example.org}, is no published indicator), so no
 * alert carries a matched indicator. Lockdown Mode is on in its global preferences: an informational alert, which is
 * not a detection. iOS 14.3 is older than the last iOS 14 release, which the summary notes.
 */
class CheckBackupCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path output;

    @Test
    void checksTheCorpusBackupWithTheBuiltinIndicators() throws Exception {
        Path backup = Corpus.iosBackup();
        EvidenceSnapshot before = EvidenceSnapshot.of(backup);
        Path reports = output.resolve("report");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                "ios", "check-backup", "--output", reports.toString(), backup.toString());

        String summary = out.toString(StandardCharsets.UTF_8);
        String log = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).as("exit code; summary:%n%s%nlog:%n%s", summary, log).isEqualTo(ExitCode.DETECTIONS);
        assertThat(EvidenceSnapshot.of(backup)).isEqualTo(before);

        JsonNode alerts = JSON.readTree(reports.resolve("alerts.json").toFile());
        assertThat(alerts).hasSize(2);
        JsonNode usage = alerts.get(0);
        assertThat(usage.get("level").asText()).isEqualTo("LOW");
        assertThat(usage.get("module").asText()).isEqualTo("datausage");
        assertThat(usage.get("message").asText()).startsWith("Process id 5 is missing after process 4");
        assertThat(usage.get("matched_indicator").isNull()).isTrue();
        JsonNode lockdown = alerts.get(1);
        assertThat(lockdown.get("level").asText()).isEqualTo("INFORMATIONAL");
        assertThat(lockdown.get("module").asText()).isEqualTo("global_preferences");
        assertThat(lockdown.get("message").asText()).isEqualTo("Lockdown Mode is enabled");

        JsonNode info = JSON.readTree(reports.resolve("info.json").toFile());
        assertThat(info.get("ioc_files")).isNotEmpty();
        assertThat(info.get("ioc_files")).allSatisfy(file ->
                assertThat(file.get("path").asText()).startsWith("builtin:"));
        List<String> ids = new ArrayList<>();
        info.get("artifacts").forEach(artifact -> ids.add(artifact.get("id").asText()));
        assertThat(ids).containsExactlyInAnyOrderElementsOf(IosArtifacts.forBackup().stream().map(Artifact::id).toList());
        assertThat(info.get("artifacts")).allSatisfy(artifact ->
                assertThat(artifact.get("status").asText()).isIn("FOUND", "NOT_PRESENT"));
        JsonNode safari = artifact(info, "safari_history");
        assertThat(safari.get("status").asText()).isEqualTo("NOT_PRESENT");
        assertThat(safari.get("entries").asLong()).isZero();
        assertThat(safari.get("files")).isEmpty();
        assertThat(safari.get("missing")).singleElement().satisfies(missing -> assertThat(missing.asText())
                .startsWith("private/var/mobile/Library/Safari/History.db")
                .contains("1a0e7afc19d307da602ccdcece51af33afe92c53"));
        for (String found : List.of("backup_info", "manifest", "sms", "datausage", "tcc")) {
            assertThat(artifact(info, found).get("status").asText()).as(found).isEqualTo("FOUND");
        }
        assertThat(artifact(info, "manifest").get("entries").asLong()).isEqualTo(3721);
        assertThat(artifact(info, "datausage").get("entries").asLong()).isEqualTo(42);

        assertThat(summary).contains("listed but missing from the evidence: safari_history: "
                + "private/var/mobile/Library/Safari/History.db");
        assertThat(summary).contains("Detections: 1 (1 LOW); 1 informational note");
        assertThat(summary).contains("  note: backup_info: iOS 14.3 is older than 14.8.1");
        assertThat(summary).contains("0 matching published indicators of spyware");
        assertThat(Files.exists(reports.resolve("safari_history.json"))).isFalse();
    }

    private static JsonNode artifact(JsonNode info, String id) {
        for (JsonNode artifact : info.get("artifacts")) {
            if (artifact.get("id").asText().equals(id)) {
                return artifact;
            }
        }
        throw new AssertionError("info.json has no artifact " + id);
    }
}
