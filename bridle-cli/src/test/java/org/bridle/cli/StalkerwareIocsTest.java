package org.bridle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --iocs} takes a stalkerware YAML list as published by Echap, beside STIX bundles. */
class StalkerwareIocsTest {
    @TempDir
    Path dir;

    @Test
    void aYamlListGivenWithIocsFindsItsApp() throws Exception {
        Path yaml = Files.writeString(dir.resolve("mine.yaml"), """
                - name: HomeWatcher
                  type: stalkerware
                  packages:
                  - com.example.homewatcher
                """);
        Path qf = Files.createDirectories(dir.resolve("acquisition"));
        Files.writeString(qf.resolve("packages.json"), """
                [{"name":"com.example.homewatcher","installer":"com.android.vending","system":false,"files":[]}]
                """);
        Path reports = dir.resolve("report");
        Cli.Result result = Cli.run("android", "check-androidqf", "--no-builtin-iocs", "--iocs", yaml.toString(),
                "--output", reports.toString(), qf.toString());
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.DETECTIONS);
        assertThat(Files.readString(reports.resolve("alerts.json"))).contains("HomeWatcher").contains("mine.yaml");

        Path broken = Files.writeString(dir.resolve("broken.yaml"), "just: a map\n");
        Cli.Result refused = Cli.run("android", "check-androidqf", "--iocs", broken.toString(), qf.toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
        refused.saysInOneSentence("is not a stalkerware indicator list").hasNoStackTrace();
    }
}
