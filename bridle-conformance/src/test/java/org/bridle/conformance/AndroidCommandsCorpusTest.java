package org.bridle.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bridle.cli.ExitCode;
import org.bridle.cli.Main;
import org.bridle.testkit.EvidenceSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code bridle android check-*} command lines on the corpus's Android evidence, with the built-in indicators. */
class AndroidCommandsCorpusTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void checkBugreportWritesReportsAndFindsTheHeuristicAlerts() throws Exception {
        Path input = Corpus.mvt("android_data/bugreport");
        EvidenceSnapshot before = EvidenceSnapshot.of(input);
        Path reports = dir.resolve("report");
        Run run = run("android", "check-bugreport", "--output", reports.toString(), input.toString());
        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCode.DETECTIONS);
        assertThat(reports.resolve("appops.json")).exists();
        assertThat(reports.resolve("tombstones.json")).exists();
        assertThat(EvidenceSnapshot.of(input)).isEqualTo(before);
    }

    @Test
    void checkBackupWithThePasswordFileAndAWrongOne() throws Exception {
        Path input = Corpus.mvt("android_backup/backup2.ab");
        Path good = Files.writeString(dir.resolve("good"), "123456\n");
        Path bad = Files.writeString(dir.resolve("bad"), "nope\n");
        Run ok = run("android", "check-backup", "--password-file", good.toString(), input.toString());
        assertThat(ok.exit()).as(ok.err()).isIn(ExitCode.CLEAN, ExitCode.DETECTIONS);
        assertThat(ok.out()).contains("1 found");
        Run wrong = run("android", "check-backup", "--password-file", bad.toString(), input.toString());
        assertThat(wrong.exit()).isEqualTo(ExitCode.INPUT_ERROR);
        assertThat(wrong.err().strip()).startsWith("bridle: The password is wrong for the backup").endsWith(".")
                .doesNotContain("Exception");
    }

    @Test
    void checkAndroidQf() {
        Run run = run("android", "check-androidqf", Corpus.mvt("androidqf").toString());
        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCode.DETECTIONS);
        assertThat(run.err()).contains("AndroidQF acquisition at").contains("backup.ab of the acquisition");
    }
}
