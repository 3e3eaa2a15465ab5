package org.bridle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SHA-256 digests info.json records: of every file read, or with {@code --hashes} of every file of the backup. */
class HashesTest {
    @TempDir
    Path dir;

    /** Origin (as info.json names a file) to SHA-256, checking each against the file's actual content. */
    private static Map<String, String> hashes(Path report, Path backup) {
        Map<String, String> hashes = new HashMap<>();
        for (JsonNode hash : Reports.json(report.resolve("info.json")).get("hashes")) {
            String origin = hash.get("origin").asText();
            Path file = backup.resolve(origin.split(" ")[0]);
            assertThat(hash.get("sha256").asText()).as(origin).isEqualTo(Reports.sha256(file));
            assertThat(hash.get("file_path").asText()).isNotBlank();
            hashes.put(origin.split(" ")[0], hash.get("sha256").asText());
        }
        return hashes;
    }

    @Test
    void withoutHashesInfoJsonHashesTheFilesRead() {
        Path backup = Evidence.cleanBackup(dir.resolve("backup"));
        Path report = dir.resolve("report");

        Cli.Result result = Cli.checkBackup(backup, "--no-builtin-iocs", "-o", report.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.CLEAN);
        String sms = backup.relativize(Evidence.smsDb(backup)).toString();
        assertThat(hashes(report, backup).keySet())
                .contains("Info.plist", "Manifest.db", sms)
                .doesNotContain("Status.plist")
                .hasSize(6);
    }

    @Test
    void withHashesInfoJsonHashesEveryFileOfTheBackup() {
        Path backup = Evidence.cleanBackup(dir.resolve("backup"));
        Path report = dir.resolve("report");

        Cli.Result result = Cli.checkBackup(backup, "--no-builtin-iocs", "--hashes", "-o", report.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.CLEAN);
        Map<String, String> hashes = hashes(report, backup);
        assertThat(hashes).hasSize((int) Evidence.fileCount(backup));
        assertThat(hashes.keySet()).contains("Info.plist", "Manifest.plist", "Status.plist", "Manifest.db");
    }

    @Test
    void withHashesAFileTheBackupListsButLacksIsLeftOut() {
        Path backup = Evidence.backup(dir.resolve("backup"), Set.of())
                .listedOnly("HomeDomain", "Library/Notes/notes.sqlite", 4096)
                .build();
        Path report = dir.resolve("report");

        Cli.Result result = Cli.checkBackup(backup, "--no-builtin-iocs", "--hashes", "-o", report.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.CLEAN);
        assertThat(hashes(report, backup)).hasSize((int) Evidence.fileCount(backup));
    }

    @Test
    void hashesNeedsOutputToBeRecordedAndWritesNothingWithoutIt() {
        Path backup = Evidence.cleanBackup(dir.resolve("backup"));

        Cli.Result result = Cli.checkBackup(dir, "--no-builtin-iocs", "--hashes");

        assertThat(result.exitCode()).isEqualTo(ExitCode.CLEAN);
        assertThat(result.out()).contains("Checked: iOS backup at " + backup).doesNotContain("Reports written");
    }
}
