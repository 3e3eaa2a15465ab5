package org.bridle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.source.EvidenceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --artifact ID} runs only the artifacts named; {@code --list-artifacts} lists them all. */
class ArtifactSelectionTest {
    @TempDir
    Path dir;

    private static List<Artifact<?>> backupArtifacts() {
        EvidenceKind kind = StreamSupport.stream(ServiceLoader.load(EvidenceKind.class).spliterator(), false)
                .filter(k -> k.id().equals("ios-backup")).findFirst().orElseThrow();
        return kind.artifacts();
    }

    @Test
    void artifactSmsRunsOnlySms() {
        Path backup = Evidence.backupWithTraces(dir.resolve("backup"));
        Path report = dir.resolve("report");

        Cli.Result result = Cli.checkBackup(backup, "--no-builtin-iocs", "--iocs",
                Evidence.indicators(dir.resolve("iocs")).toString(), "--artifact", "sms", "-o", report.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.DETECTIONS);
        assertThat(result.out()).contains("Artifacts: 1 run: 1 found, 0 not present, 0 failed")
                .contains("Detections: 2 (2 HIGH)").doesNotContain("datausage");
        assertThat(Reports.json(report.resolve("info.json")).get("artifacts"))
                .singleElement().satisfies(a -> assertThat(a.get("id").asText()).isEqualTo("sms"));
        assertThat(report.resolve("sms.json")).exists();
        assertThat(report.resolve("datausage.json")).doesNotExist();
        assertThat(report.resolve("manifest.json")).doesNotExist();
        List<List<String>> timeline = Reports.csv(report.resolve("timeline.csv"));
        assertThat(timeline.subList(1, timeline.size())).isNotEmpty()
                .allSatisfy(row -> assertThat(row.get(1)).isEqualTo("sms"));
    }

    @Test
    void artifactIsRepeatableAndANameTwiceRunsItOnce() {
        Path backup = Evidence.cleanBackup(dir.resolve("backup"));

        Cli.Result result = Cli.checkBackup(backup, "--no-builtin-iocs", "--artifact", "tcc", "--artifact", "sms",
                "--artifact", "tcc");

        assertThat(result.exitCode()).isEqualTo(ExitCode.CLEAN);
        assertThat(result.out()).contains("Artifacts: 2 run: 2 found");
        assertThat(result.err()).contains("[1/2]").contains("[2/2]").doesNotContain("[3/");
    }

    @Test
    void listArtifactsPrintsEveryArtifactWithItsDescription() {
        Cli.Result result = Cli.run("ios", "check-backup", "--list-artifacts");

        assertThat(result.exitCode()).isEqualTo(ExitCode.CLEAN);
        List<Artifact<?>> artifacts = backupArtifacts();
        assertThat(artifacts).extracting(Artifact::id).contains("backup_info", "manifest", "sms", "safari_history",
                "datausage", "tcc");
        assertThat(result.outLines()).hasSize(artifacts.size());
        for (int i = 0; i < artifacts.size(); i++) {
            Artifact<?> artifact = artifacts.get(i);
            assertThat(artifact.description()).isNotBlank();
            assertThat(result.outLines().get(i)).matches(artifact.id() + " +" + Pattern.quote(artifact.description()));
        }
        assertThat(result.err()).isEmpty();
    }
}
