package org.bridle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stack traces: never on standard error without {@code --verbose}, and there with it for what failed. */
class VerboseTest {
    @TempDir
    Path dir;

    private Path backupWithBrokenSmsDb() throws Exception {
        Path backup = Evidence.cleanBackup(dir.resolve("backup"));
        Files.write(Evidence.smsDb(backup), new byte[] {'S', 'Q', 'L', 0, 1, 2, 3});
        return backup;
    }

    @Test
    void aFailingArtifactShowsNoStackTraceWithoutVerbose() throws Exception {
        Path backup = backupWithBrokenSmsDb();

        Cli.Result result = Cli.checkBackup(backup, "--no-builtin-iocs", "-o", dir.resolve("report").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.INCOMPLETE);
        assertThat(result.err()).contains("sms: FAILED: ");
        result.hasNoStackTrace();
    }

    @Test
    void aFailingArtifactShowsItsStackTraceWithVerbose() throws Exception {
        Path backup = backupWithBrokenSmsDb();

        Cli.Result result = Cli.checkBackup(backup, "--no-builtin-iocs", "--verbose",
                "-o", dir.resolve("report").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.INCOMPLETE);
        assertThat(result.err()).contains("bridle: sms failed on ");
        result.hasStackTrace();
    }

    @Test
    void aFailingArtifactShowsItsStackTraceWithVerboseEvenWithoutOutput() throws Exception {
        Path backup = backupWithBrokenSmsDb();

        Cli.Result result = Cli.checkBackup(backup, "--no-builtin-iocs", "-v");

        assertThat(result.exitCode()).isEqualTo(ExitCode.INCOMPLETE);
        assertThat(result.err()).contains("bridle: sms failed on ");
        result.hasStackTrace();
    }

    @Test
    void anUnreadableInputShowsItsStackTraceOnlyWithVerbose() throws Exception {
        Path backup = Evidence.cleanBackup(dir.resolve("backup"));
        Files.writeString(backup.resolve("Manifest.db"), "not SQLite");

        Cli.Result quiet = Cli.checkBackup(backup, "--no-builtin-iocs");
        Cli.Result verbose = Cli.checkBackup(backup, "--no-builtin-iocs", "--verbose");

        assertThat(quiet.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
        quiet.saysInOneSentence("Manifest.db");
        assertThat(verbose.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
        assertThat(verbose.errLines().get(0)).isEqualTo(quiet.errLines().get(0));
        verbose.hasStackTrace();
    }

    @Test
    void aBadIndicatorFileShowsItsStackTraceOnlyWithVerbose() throws Exception {
        Path backup = Evidence.cleanBackup(dir.resolve("backup"));
        Path iocs = Files.writeString(dir.resolve("bad.stix2"), "{\"type\": \"bundle\", \"objects\": [");

        Cli.Result quiet = Cli.checkBackup(backup, "--no-builtin-iocs", "--iocs", iocs.toString());
        Cli.Result verbose = Cli.checkBackup(backup, "--no-builtin-iocs", "--iocs", iocs.toString(), "--verbose");

        assertThat(quiet.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
        quiet.saysInOneSentence("is not valid JSON");
        assertThat(verbose.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
        verbose.hasStackTrace();
    }
}
