package org.bridle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.bridle.testkit.ios.DemoBackup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bridle demo}: a synthetic backup with planted traces, checked with the built-in indicators. */
class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void demoExitsFourAndReportsThePlantedTraces() {
        Cli.Result result = Cli.run("demo", "--folder", dir.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.DETECTIONS);
        assertThat(result.out()).contains("Detections: 4 (4 HIGH)").contains("This was a demo on synthetic data");
        result.hasNoStackTrace();
        Path report = dir.resolve("report");
        JsonNode alerts = Reports.json(report.resolve("alerts.json"));
        assertThat(alerts).hasSize(4);
        assertThat(alerts).anySatisfy(a -> {
            assertThat(a.get("module").asText()).isEqualTo("sms");
            assertThat(a.get("matched_indicator").get("value").asText()).isEqualTo(DemoBackup.PEGASUS_DOMAIN);
            assertThat(a.get("matched_indicator").get("name").asText()).isEqualTo("Pegasus");
        });
        assertThat(alerts).anySatisfy(a -> {
            assertThat(a.get("module").asText()).isEqualTo("datausage");
            assertThat(a.get("matched_indicator").get("value").asText()).isEqualTo(DemoBackup.PEGASUS_PROCESS);
        });
        assertThat(alerts).anySatisfy(a -> assertThat(a.get("message").asText()).contains("threat notification"));
        assertThat(alerts).anySatisfy(a -> assertThat(a.get("message").asText()).contains("Process record deleted"));
        assertThat(report.resolve("sms_detected.json")).exists();
        assertThat(report.resolve("datausage_detected.json")).exists();
        assertThat(Reports.json(report.resolve("info.json")).get("target_path").asText())
                .isEqualTo(dir.resolve("backup").toString());
    }
}
