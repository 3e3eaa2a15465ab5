package org.bridle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;
import java.util.Set;
import org.bridle.testkit.BackupBuilder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs that are not what bridle expects: each gives one clear sentence on standard error and exit 1, or, when only
 * one file of the backup is bad, a failure of that artifact in the report and exit 3. Never a stack trace.
 */
class BadInputTest {
    @TempDir
    Path dir;

    @Test
    void aFolderOfRandomFilesIsNotABackup() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("random"));
        Random random = new Random(7);
        for (int i = 0; i < 5; i++) {
            byte[] bytes = new byte[1000];
            random.nextBytes(bytes);
            Files.write(folder.resolve("file" + i + ".bin"), bytes);
        }
        Files.createDirectories(folder.resolve("sub")).resolve("notes.txt");
        Files.writeString(folder.resolve("sub/notes.txt"), "hello");

        Cli.Result result = Cli.checkBackup(folder, "--no-builtin-iocs");

        assertThat(result.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
        result.saysInOneSentence(folder.toString(), "is not an iOS backup");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void whenTheIndicatorsAndTheEvidenceAreBothBadTheIndicatorsAreNamed() throws Exception {
        Path iocs = Files.writeString(dir.resolve("broken.stix2"), "{ not json");
        Path missing = dir.resolve("no-such-backup");

        Cli.Result result = Cli.checkBackup(missing, "--no-builtin-iocs", "--iocs", iocs.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
        result.saysInOneSentence("broken.stix2");
    }

    @Test
    void badIndicatorsStopTheCheckOfAGoodBackup() throws Exception {
        Path iocs = Files.writeString(dir.resolve("broken.stix2"), "{ not json");
        Path backup = dir.resolve("backup");
        new BackupBuilder(backup).build();
        Path report = dir.resolve("report");

        Cli.Result result = Cli.checkBackup(backup, "--no-builtin-iocs", "--iocs", iocs.toString(), "--output",
                report.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
        result.saysInOneSentence("broken.stix2");
        assertThat(report).doesNotExist();
    }

    @Test
    void anEmptyFolderIsNotABackup() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        Cli.Result result = Cli.checkBackup(empty, "--no-builtin-iocs");

        assertThat(result.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
        result.saysInOneSentence("is not an iOS backup");
    }

    @Test
    void aMissingPathIsNamed() {
        Path missing = dir.resolve("no-such-backup");

        Cli.Result result = Cli.checkBackup(missing, "--no-builtin-iocs");

        assertThat(result.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
        result.saysInOneSentence(missing.toString(), "does not exist");
    }

    @Test
    void aFileInsteadOfAFolderIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("backup.zip"), "PK not really");

        Cli.Result result = Cli.checkBackup(file, "--no-builtin-iocs");

        assertThat(result.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
        result.saysInOneSentence("is a file, not a backup folder");
    }

    @Test
    void aTruncatedManifestDbCannotBeRead() throws Exception {
        Path backup = Evidence.cleanBackup(dir.resolve("backup"));
        Path manifest = backup.resolve("Manifest.db");
        try (FileChannel channel = FileChannel.open(manifest, StandardOpenOption.WRITE)) {
            channel.truncate(Math.min(channel.size() / 2, 4096));
        }

        Cli.Result result = Cli.checkBackup(backup, "--no-builtin-iocs");

        assertThat(result.exitCode()).as(result.out()).isEqualTo(ExitCode.INPUT_ERROR);
        result.saysInOneSentence("Manifest.db", "cannot be read");
    }

    @Test
    void aManifestDbThatIsNotSqliteCannotBeRead() throws Exception {
        Path backup = Evidence.cleanBackup(dir.resolve("backup"));
        Files.writeString(backup.resolve("Manifest.db"), "fileID,domain,relativePath\n3d0d7e5f,HomeDomain,x\n");

        Cli.Result result = Cli.checkBackup(backup, "--no-builtin-iocs");

        assertThat(result.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
        result.saysInOneSentence("Manifest.db", "not an SQLite database");
    }

    @Test
    void anEncryptedBackupIsRefused() {
        Path backup = Evidence.backup(dir.resolve("backup"), Set.of()).encrypted(true).build();

        Cli.Result result = Cli.checkBackup(backup, "--no-builtin-iocs");

        assertThat(result.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
        result.saysInOneSentence("encrypted");
    }

    @Test
    void aGarbageInfoPlistIsAFailureOfBackupInfo() throws Exception {
        Path backup = Evidence.cleanBackup(dir.resolve("backup"));
        Files.writeString(backup.resolve("Info.plist"), "<?xml version=\"1.0\"?><plist><dict><key>Device");
        Path report = dir.resolve("report");

        Cli.Result result = Cli.checkBackup(backup, "--no-builtin-iocs", "--output", report.toString());

        assertThat(result.exitCode()).as(result.out()).isEqualTo(ExitCode.INCOMPLETE);
        assertThat(result.out()).contains("failed: backup_info: Info.plist: ");
        result.hasNoStackTrace();
        JsonNode outcome = Reports.outcome(report, "backup_info");
        assertThat(outcome.get("status").asText()).isEqualTo("FAILED");
        assertThat(outcome.get("failures").get(0).get("file").asText()).isEqualTo("Info.plist");
        assertThat(outcome.get("failures").get(0).get("reason").asText()).isNotBlank();
        assertThat(Reports.outcome(report, "sms").get("status").asText()).as("the other artifacts still ran")
                .isEqualTo("FOUND");
    }

    @Test
    void anUnreadableEvidenceFileIsAFailureOfItsArtifact() throws Exception {
        Path backup = Evidence.cleanBackup(dir.resolve("backup"));
        Path sms = Evidence.smsDb(backup);
        Files.setPosixFilePermissions(sms, PosixFilePermissions.fromString("---------"));
        try {
            Assumptions.assumeFalse(Files.isReadable(sms),
                    "running as root: permissions cannot make a file unreadable");
            Path report = dir.resolve("report");

            Cli.Result result = Cli.checkBackup(backup, "--no-builtin-iocs", "--output", report.toString());

            assertThat(result.exitCode()).as(result.out()).isEqualTo(ExitCode.INCOMPLETE);
            assertThat(result.out()).contains("failed: sms: ").contains("permission denied");
            result.hasNoStackTrace();
            assertThat(Reports.outcome(report, "sms").get("status").asText()).isEqualTo("FAILED");
        } finally {
            Files.setPosixFilePermissions(sms, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void aFolderWithTwoBackupsAsksWhichOne() {
        Path parent = dir.resolve("Backup");
        Evidence.cleanBackup(parent.resolve("00008030-000000000000000A"));
        Evidence.cleanBackup(parent.resolve("00008030-000000000000000B"));

        Cli.Result result = Cli.checkBackup(parent, "--no-builtin-iocs");

        assertThat(result.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
        result.saysInOneSentence("holds 2 backups", "00008030-000000000000000A", "00008030-000000000000000B");
    }

    @Test
    void aFolderWithOneBackupIsCheckedAsThatBackup() {
        Path parent = dir.resolve("Backup");
        Path backup = Evidence.cleanBackup(parent.resolve("00008030-000000000000000A"));

        Cli.Result result = Cli.checkBackup(parent, "--no-builtin-iocs");

        assertThat(result.exitCode()).isEqualTo(ExitCode.CLEAN);
        assertThat(result.out()).contains("Checked: iOS backup at " + backup);
    }

    @Test
    void anIndicatorFileThatIsNotJsonIsRefused() throws Exception {
        Path backup = Evidence.cleanBackup(dir.resolve("backup"));
        Path iocs = Files.writeString(dir.resolve("iocs.stix2"), "domain,family\nspyrelay.example,TestSpy\n");

        Cli.Result result = Cli.checkBackup(backup, "--no-builtin-iocs", "--iocs", iocs.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
        result.saysInOneSentence(iocs.toString(), "is not valid JSON");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aMissingIndicatorFileIsRefused() {
        Path backup = Evidence.cleanBackup(dir.resolve("backup"));
        Path iocs = dir.resolve("missing.stix2");

        Cli.Result result = Cli.checkBackup(backup, "--no-builtin-iocs", "--iocs", iocs.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
        result.saysInOneSentence(iocs.toString(), "does not exist");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void anOutputPathThatIsAFileIsRefusedWithAReason() throws Exception {
        Path backup = Evidence.cleanBackup(dir.resolve("backup"));
        Path file = Files.writeString(dir.resolve("report"), "an earlier report, as one file");

        Cli.Result result = Cli.checkBackup(backup, "--no-builtin-iocs", "--output", file.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
        assertThat(result.errLines()).last().asString()
                .isEqualTo("bridle: The reports cannot be written to " + file + ": a file, not a folder, has that name.");
        assertThat(file).hasContent("an earlier report, as one file");
        result.hasNoStackTrace();
    }

    @Test
    void aDemoFolderThatIsAFileIsRefusedWithAReason() throws Exception {
        Path file = Files.writeString(dir.resolve("demo"), "x");

        Cli.Result result = Cli.run("demo", "--folder", file.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
        result.saysInOneSentence("Cannot create the demo folder " + file + ": a file, not a folder, has that name");
    }
}
