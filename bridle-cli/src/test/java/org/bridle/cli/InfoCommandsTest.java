package org.bridle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands that only inform: {@code --version}, {@code --help} and {@code iocs list}. */
class InfoCommandsTest {
    @TempDir
    Path dir;

    @Test
    void versionPrintsTheVersion() {
        for (String[] args : new String[][] {{"--version"}, {"-V"}, {"ios", "check-backup", "--version"}}) {
            Cli.Result result = Cli.run(args);

            assertThat(result.exitCode()).isEqualTo(ExitCode.CLEAN);
            assertThat(result.out()).isEqualToIgnoringNewLines("bridle 0.1.0");
        }
    }

    @Test
    void helpOfCheckBackupListsTheOptionsAndExitCodes() {
        Cli.Result result = Cli.run("ios", "check-backup", "--help");

        assertThat(result.exitCode()).isEqualTo(ExitCode.CLEAN);
        assertThat(result.out()).contains("--iocs", "--no-builtin-iocs", "--output", "--artifact", "--list-artifacts",
                "--hashes", "--verbose", "Exit codes:", "detections found");
    }

    @Test
    void iocsListShowsTheBuiltInPegasusIndicators() {
        Cli.Result result = Cli.run("iocs", "list");

        assertThat(result.exitCode()).isEqualTo(ExitCode.CLEAN);
        assertThat(result.outLines().get(0)).startsWith("FAMILY").contains("COUNT");
        assertThat(result.outLines()).anySatisfy(line -> assertThat(line).matches("Pegasus +1549 .*pegasus\\.stix2.*"));
        assertThat(result.out()).doesNotContain(Evidence.FAMILY);
        result.hasNoStackTrace();
    }

    @Test
    void iocsListWithoutBuiltInsListsOnlyTheGivenFilesFamilies() {
        Path iocs = Evidence.indicators(dir);
        Path other = Evidence.stix(dir, "other.stix2", "OtherWare", "other.example", "otherd");

        Cli.Result result = Cli.run("iocs", "list", "--no-builtin-iocs", "--iocs", iocs.toString(),
                "--iocs", other.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.CLEAN);
        assertThat(result.outLines()).anySatisfy(line -> assertThat(line)
                .matches(Evidence.FAMILY + " +2 +1 domain, 1 process +" + Evidence.STIX_FILE + " \\(\\d{4}-\\d\\d-\\d\\d\\)"));
        assertThat(result.outLines()).anySatisfy(line -> assertThat(line).startsWith("OtherWare ")
                .contains("other.stix2"));
        assertThat(result.out()).doesNotContain("Pegasus")
                .contains("4 indicators in 2 families from 2 files.");
    }

    @Test
    void iocsListRefusesAFileThatIsNotJson() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.stix2"), "not json");

        Cli.Result result = Cli.run("iocs", "list", "--no-builtin-iocs", "--iocs", bad.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
        result.saysInOneSentence(bad.toString(), "is not valid JSON");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void iocsWithoutASubCommandIsAUsageError() {
        Cli.Result result = Cli.run("iocs");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("Usage: bridle iocs").contains("list");
    }
}
