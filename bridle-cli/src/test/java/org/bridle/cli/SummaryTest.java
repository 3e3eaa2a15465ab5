package org.bridle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.bridle.ios.artifacts.IosArtifacts;
import org.bridle.testkit.ios.ProfileEventsPlist;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary printed on standard output at the end of a check: counts, detections by severity and the verdict. */
class SummaryTest {
    /** The iOS artifacts; 8 of them find their file in the test backups (applications reads Info.plist). */
    private static final int ARTIFACTS = IosArtifacts.forBackup().size();

    @TempDir
    Path dir;

    private String iocs() {
        return Evidence.indicators(dir.resolve("iocs")).toString();
    }

    @Test
    void withDetectionsTheSummaryCountsThemAndSaysTheyAreNoProof() {
        Path backup = Evidence.backupWithTraces(dir.resolve("backup"));

        Cli.Result result = Cli.checkBackup(backup, "--no-builtin-iocs", "--iocs", iocs());

        assertThat(result.exitCode()).isEqualTo(ExitCode.DETECTIONS);
        assertThat(result.out())
                .contains("Checked: iOS backup at " + backup)
                .contains("Artifacts: " + ARTIFACTS + " run: 8 found, " + (ARTIFACTS - 8) + " not present, 0 failed")
                .contains("Detections: 3 (3 HIGH)")
                .contains("bridle found 3 traces worth an expert's look (2 matching published indicators of spyware, "
                        + "1 from heuristics)")
                .contains("not proof of infection")
                .contains("Only an expert review")
                .doesNotContain("Reports written");
    }

    @Test
    void withoutDetectionsTheSummarySaysThatProvesNoClean() {
        Path backup = Evidence.cleanBackup(dir.resolve("backup"));

        Cli.Result result = Cli.checkBackup(backup, "--no-builtin-iocs", "--iocs", iocs());

        assertThat(result.exitCode()).isEqualTo(ExitCode.CLEAN);
        assertThat(result.out())
                .contains("Artifacts: " + ARTIFACTS + " run: 8 found, " + (ARTIFACTS - 8) + " not present, 0 failed")
                .contains("Detections: 0\n")
                .contains("bridle found no known traces of spyware")
                .contains("This does not prove the phone is clean")
                .doesNotContain("incomplete");
    }

    @Test
    void aFailedArtifactIsCountedNamedAndMakesTheVerdictIncomplete() throws Exception {
        Path backup = Evidence.cleanBackup(dir.resolve("backup"));
        Files.writeString(Evidence.smsDb(backup), "not a database");

        Cli.Result result = Cli.checkBackup(backup, "--no-builtin-iocs", "--iocs", iocs());

        assertThat(result.exitCode()).isEqualTo(ExitCode.INCOMPLETE);
        String smsOrigin = backup.relativize(Evidence.smsDb(backup)).toString();
        assertThat(result.out())
                .contains("Artifacts: " + ARTIFACTS + " run: 6 found, " + (ARTIFACTS - 8) + " not present, 2 failed")
                .contains("  failed: sms: " + smsOrigin + " (HomeDomain, Library/SMS/sms.db): not an SQLite database")
                .contains("  failed: sms_attachments: " + smsOrigin + " (HomeDomain, Library/SMS/sms.db): not an "
                        + "SQLite database")
                .contains("2 artifacts could not be checked (see above), so the check is incomplete");
    }

    @Test
    void aFileListedButMissingIsNamed() {
        Path backup = Evidence.backup(dir.resolve("backup"), Set.of())
                .listedOnly("HomeDomain", "Library/Preferences/com.apple.osanalytics.addaily.plist", 300)
                .build();

        Cli.Result result = Cli.checkBackup(backup, "--no-builtin-iocs", "--iocs", iocs());

        assertThat(result.exitCode()).isEqualTo(ExitCode.CLEAN);
        assertThat(result.out()).contains("listed but missing from the evidence: os_analytics_ad_daily: ");
    }

    @Test
    void informationalNotesAreCountedApartFromDetections() {
        Path backup = Evidence.backup(dir.resolve("backup"), Set.of())
                .file(ProfileEventsPlist.DOMAIN,
                        ProfileEventsPlist.RELATIVE_PATH,
                        new ProfileEventsPlist()
                                .event("com.example.profile", "install", "MCInstallationAgent", Evidence.DAY)
                                .bytes())
                .build();

        Cli.Result result = Cli.checkBackup(backup, "--no-builtin-iocs", "--iocs", iocs());

        assertThat(result.exitCode()).as("informational notes alone do not count").isEqualTo(ExitCode.CLEAN);
        assertThat(result.out()).contains("Detections: 0; 1 informational note\n");
    }
}
