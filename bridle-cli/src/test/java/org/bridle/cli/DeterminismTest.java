package org.bridle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same check twice gives byte-identical reports, except info.json (which holds the date). */
class DeterminismTest {
    @TempDir
    Path dir;

    @Test
    void twoRunsOfTheSameCheckWriteTheSameBytes() throws IOException {
        Path backup = Evidence.backupWithTraces(dir.resolve("backup"));
        String iocs = Evidence.indicators(dir.resolve("iocs")).toString();
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");

        Cli.Result a = Cli.checkBackup(backup, "--no-builtin-iocs", "--iocs", iocs, "-o", first.toString());
        Cli.Result b = Cli.checkBackup(backup, "--no-builtin-iocs", "--iocs", iocs, "-o", second.toString());

        assertThat(a.exitCode()).isEqualTo(ExitCode.DETECTIONS);
        assertThat(b.exitCode()).isEqualTo(ExitCode.DETECTIONS);
        List<String> names = names(first);
        assertThat(names(second)).isEqualTo(names);
        assertThat(names).contains("timeline.csv", "alerts.json", "alerts_timeline.csv", "sms.json",
                "sms_detected.json", "datausage.json");
        for (String name : names) {
            if (!name.equals("info.json")) {
                assertThat(first.resolve(name)).as(name).hasSameBinaryContentAs(second.resolve(name));
            }
        }
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
