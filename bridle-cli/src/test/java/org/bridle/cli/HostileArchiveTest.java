package org.bridle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bridle.testkit.android.AndroidArchives;
import org.bridle.testkit.EvidenceSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile archives given to the Android commands: clear errors, and nothing written outside the output folder. */
class HostileArchiveTest {
    private static final String DUMPSTATE = "DUMP OF SERVICE package:\nPackages:\n-----\n";

    @TempDir
    Path dir;

    private Path zip(String name, Object... namesAndContents) throws IOException {
        return Files.write(dir.resolve(name), AndroidArchives.zip(AndroidArchives.entries(namesAndContents)));
    }

    @Test
    void traversalEntriesAreReportedSkippedAndNeverWritten() throws Exception {
        Path input = zip("bugreport.zip", "main_entry.txt", "dumpstate.txt", "dumpstate.txt", DUMPSTATE,
                "../../escaped.txt", "x", "/tmp/absolute.txt", "x", "FS/../../../up.txt", "x");
        Path reports = dir.resolve("out/report");
        EvidenceSnapshot before = EvidenceSnapshot.of(input);
        Cli.Result result = Cli.run("android", "check-bugreport", "--output", reports.toString(), input.toString());
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.CLEAN);
        assertThat(result.err()).contains("bridle: skipped the entry ../../escaped.txt: a path that climbs out")
                .contains("skipped the entry /tmp/absolute.txt: an absolute path")
                .contains("skipped the entry FS/../../../up.txt");
        assertThat(new ObjectMapper().readTree(reports.resolve("info.json").toFile()).get("source_notes"))
                .extracting(JsonNode::asText).containsExactly(
                        "skipped the entry ../../escaped.txt: a path that climbs out of the archive",
                        "skipped the entry /tmp/absolute.txt: an absolute path",
                        "skipped the entry FS/../../../up.txt: a path that climbs out of the archive");
        assertThat(dir.resolve("escaped.txt")).doesNotExist();
        assertThat(Path.of("/tmp/absolute.txt")).doesNotExist();
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)
                    .filter(p -> !p.startsWith(dir.resolve("out")) && !p.equals(input))).isEmpty();
        }
        assertThat(EvidenceSnapshot.of(input)).isEqualTo(before);
    }

    @Test
    void aZipBombIsOneSentence() throws Exception {
        Path bomb = dir.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
            out.putNextEntry(new ZipEntry("main_entry.txt"));
            out.write("dumpstate.txt".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("dumpstate.txt"));
            writeZeros(out, 300L << 20);
            out.closeEntry();
        }
        Cli.Result result = Cli.run("android", "check-bugreport", bomb.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
        result.saysInOneSentence("decompresses to more than 256 MiB", "zip bomb").hasNoStackTrace();
    }

    @Test
    void aTruncatedZipAndANonZipAreOneSentence() throws Exception {
        Path good = zip("good.zip", "main_entry.txt", "dumpstate.txt", "dumpstate.txt", DUMPSTATE);
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(dir.resolve("truncated.zip"),
                java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Cli.run("android", "check-bugreport", truncated.toString()).hasNoStackTrace();
        assertThat(Cli.run("android", "check-bugreport", truncated.toString()).exitCode())
                .isEqualTo(ExitCode.INPUT_ERROR);
        Path notZip = Files.writeString(dir.resolve("photo.zip"), "JFIF not a zip");
        Cli.Result result = Cli.run("android", "check-androidqf", notZip.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
        result.saysInOneSentence("is not an AndroidQF acquisition", "neither a folder nor a readable zip")
                .hasNoStackTrace();
    }

    private static void writeZeros(OutputStream out, long count) throws IOException {
        byte[] zeros = new byte[1 << 20];
        for (long written = 0; written < count; written += zeros.length) {
            out.write(zeros);
        }
    }
}
