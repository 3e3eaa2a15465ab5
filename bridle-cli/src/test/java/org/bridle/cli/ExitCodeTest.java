package org.bridle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.bridle.cli.Evidence.Trace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The documented exit codes of {@code bridle ios check-backup}: 0, 1, 2, 3 and 4. */
class ExitCodeTest {
    @TempDir
    Path dir;

    private String iocs() {
        return Evidence.indicators(dir.resolve("iocs")).toString();
    }

    @Test
    void cleanBackupExitsZero() {
        Path backup = Evidence.cleanBackup(dir.resolve("backup"));

        Cli.Result result = Cli.checkBackup(backup, "--no-builtin-iocs", "--iocs", iocs());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.CLEAN);
        assertThat(result.out()).contains("Detections: 0");
        result.hasNoStackTrace();
    }

    @Test
    void cleanBackupRaisesNoFalseAlertWithTheBuiltInIndicators() {
        Path backup = Evidence.cleanBackup(dir.resolve("backup"));

        Cli.Result result = Cli.checkBackup(backup);

        assertThat(result.exitCode()).as(result.out()).isEqualTo(ExitCode.CLEAN);
        assertThat(result.out()).contains("Detections: 0").doesNotContain("informational");
        result.hasNoStackTrace();
    }

    @ParameterizedTest
    @EnumSource(Trace.class)
    void eachPlantedTraceAloneExitsFour(Trace trace) {
        Path backup = Evidence.backup(dir.resolve("backup"), EnumSet.of(trace)).build();

        Cli.Result result = Cli.checkBackup(backup, "--no-builtin-iocs", "--iocs", iocs());

        assertThat(result.exitCode()).as(result.out()).isEqualTo(ExitCode.DETECTIONS);
        assertThat(result.out()).contains("Detections: 1 (1 HIGH)");
        String expected = switch (trace) {
            case SMS_LINK_TO_INDICATOR_SUBDOMAIN -> "sms: \"" + Evidence.SPY_LINK + "\" matches the domain-name:value "
                    + "indicator \"" + Evidence.SPY_DOMAIN + "\" of " + Evidence.FAMILY + " (" + Evidence.STIX_FILE + ")";
            case DATAUSAGE_INDICATOR_PROCESS -> "datausage: \"" + Evidence.SPY_PROCESS + "\" matches the process:name "
                    + "indicator \"" + Evidence.SPY_PROCESS + "\" of " + Evidence.FAMILY;
            case APPLE_THREAT_NOTIFICATION -> "sms: Apple's threat notification was received";
        };
        assertThat(result.out()).contains("HIGH   " + expected);
        result.hasNoStackTrace();
    }

    @Test
    void allPlantedTracesExitFour() {
        Path backup = Evidence.backupWithTraces(dir.resolve("backup"));

        Cli.Result result = Cli.checkBackup(backup, "--no-builtin-iocs", "--iocs", iocs());

        assertThat(result.exitCode()).isEqualTo(ExitCode.DETECTIONS);
        assertThat(result.out()).contains("Detections: 3 (3 HIGH)");
        result.hasNoStackTrace();
    }

    @Test
    void aFailedArtifactWithNothingFoundExitsThree() throws Exception {
        Path backup = Evidence.cleanBackup(dir.resolve("backup"));
        Files.writeString(Evidence.smsDb(backup), "this is a text file, not an SQLite database\n");

        Cli.Result result = Cli.checkBackup(backup, "--no-builtin-iocs", "--iocs", iocs());

        assertThat(result.exitCode()).as(result.out()).isEqualTo(ExitCode.INCOMPLETE);
        assertThat(result.out()).contains("2 failed").contains("failed: sms: ").contains("Detections: 0");
        result.hasNoStackTrace();
    }

    @Test
    void detectionsWinOverAFailedArtifact() throws Exception {
        Path backup = Evidence.backup(dir.resolve("backup"), EnumSet.of(Trace.DATAUSAGE_INDICATOR_PROCESS)).build();
        Files.writeString(Evidence.smsDb(backup), "not SQLite");

        Cli.Result result = Cli.checkBackup(backup, "--no-builtin-iocs", "--iocs", iocs());

        assertThat(result.exitCode()).isEqualTo(ExitCode.DETECTIONS);
        assertThat(result.out()).contains("2 failed").contains("Detections: 1 (1 HIGH)");
    }

    @Test
    void anInputThatIsNoBackupExitsOne() throws Exception {
        Path notBackup = Files.createDirectories(dir.resolve("photos"));
        Files.writeString(notBackup.resolve("IMG_0001.txt"), "not a photo");

        Cli.Result result = Cli.checkBackup(notBackup, "--no-builtin-iocs");

        assertThat(result.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
        result.saysInOneSentence("not an iOS backup");
    }

    @Test
    void anUnknownOptionExitsTwo() {
        Path backup = Evidence.cleanBackup(dir.resolve("backup"));

        Cli.Result result = Cli.checkBackup(backup, "--no-builtin-iocs", "--colour");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.errLines()).first().asString().startsWith("bridle: ").contains("--colour");
        assertThat(result.err()).contains("Try 'bridle ios check-backup --help'");
        assertThat(result.out()).isEmpty();
        result.hasNoStackTrace();
    }

    @Test
    void anUnknownArtifactExitsTwoAndNamesTheKnownOnes() {
        Path backup = Evidence.cleanBackup(dir.resolve("backup"));

        Cli.Result result = Cli.checkBackup(backup, "--no-builtin-iocs", "--artifact", "no_such_artifact");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.errLines().get(0)).startsWith("bridle: Unknown artifact 'no_such_artifact'").contains("sms");
        assertThat(result.out()).isEmpty();
        result.hasNoStackTrace();
    }

    @Test
    void aMissingBackupArgumentExitsTwo() {
        Cli.Result result = Cli.run("ios", "check-backup", "--no-builtin-iocs");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.errLines().get(0)).isEqualTo("bridle: Missing the evidence to check.");
        result.hasNoStackTrace();
    }

    @Test
    void anOutputFolderInsideTheEvidenceExitsTwoAndWritesNothing() {
        Path backup = Evidence.cleanBackup(dir.resolve("backup"));

        Cli.Result result = Cli.checkBackup(backup, "--no-builtin-iocs", "--output",
                backup.resolve("report").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.errLines().get(0)).contains("is inside the evidence");
        result.hasNoStackTrace();
    }

    @Test
    void anOutputFolderInsideTheFolderHoldingTheBackupExitsTwo() {
        Path parent = dir.resolve("backups");
        Evidence.cleanBackup(parent.resolve("00008030-0000000000000000"));

        Cli.Result result = Cli.checkBackup(parent, "--no-builtin-iocs", "-o", parent.resolve("r").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("is inside the evidence");
    }

    @Test
    void bridleWithoutACommandExitsTwoWithTheUsage() {
        Cli.Result result = Cli.run();

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("Usage: bridle").contains("ios").contains("iocs").contains("demo");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void anUnknownCommandExitsTwo() {
        Cli.Result result = Cli.run("blackberry", "check-backup", "x.zip");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).startsWith("bridle: ").contains("blackberry");
        result.hasNoStackTrace();
    }
}
