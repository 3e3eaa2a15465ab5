package org.bridle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bridle.ios.artifacts.IosArtifacts;
import org.bridle.testkit.EvidenceSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without {@code --output} a check writes nothing anywhere (not beside the evidence, not in the working folder, and
 * it leaves nothing in the temporary folder) and prints only the summary on standard output.
 */
class NoOutputTest {
    @TempDir
    Path dir;

    /** The entries of a folder, by name. */
    private static Set<String> names(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    @Test
    void aCheckWithoutOutputWritesNothingAndPrintsOnlyTheSummary() throws IOException {
        Path backup = Evidence.backupWithTraces(dir.resolve("backup"));
        Path iocs = Evidence.indicators(dir.resolve("iocs"));
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Path workingFolder = Path.of("").toAbsolutePath();
        EvidenceSnapshot everything = EvidenceSnapshot.of(dir);
        Set<String> scratchBefore = names(tmp).stream().filter(n -> n.matches("bridle-\\d+")).collect(Collectors.toSet());
        Set<String> workingBefore = names(workingFolder);

        Cli.Result result = Cli.checkBackup(backup, "--no-builtin-iocs", "--iocs", iocs.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.DETECTIONS);
        assertThat(EvidenceSnapshot.of(dir)).as("the folder holding the evidence and indicators").isEqualTo(everything);
        assertThat(names(tmp).stream().filter(n -> n.matches("bridle-\\d+")))
                .as("private scratch folders left in %s", tmp).containsExactlyInAnyOrderElementsOf(scratchBefore);
        assertThat(names(workingFolder)).as("the working folder").isEqualTo(workingBefore);

        assertThat(result.out()).startsWith("\nChecked: iOS backup at " + backup).contains("Verdict: ")
                .doesNotContain("Reports written");
        assertThat(result.errLines()).first().asString().startsWith("bridle: checking iOS backup at " + backup);
        assertThat(result.errLines().subList(1, result.errLines().size()))
                .hasSize(IosArtifacts.forBackup().size()).allSatisfy(line -> assertThat(line)
                        .matches("bridle: \\[\\d+/" + IosArtifacts.forBackup().size() + "\\] .*"));
    }
}
