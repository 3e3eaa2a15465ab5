package org.bridle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bridle.testkit.DumpArchive;
import org.bridle.testkit.DumpBuilder;
import org.bridle.testkit.EvidenceSnapshot;
import org.bridle.testkit.ios.DataUsageDatabase;
import org.bridle.testkit.ios.ShutdownLogText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bridle ios check-fs}: dumps as folders and archives, hostile archives, the output-folder rule. */
class CheckFsTest {
    @TempDir
    Path dir;

    private Path dump(Path folder) {
        return new DumpBuilder(folder)
                .file("private/var/db/diagnostics/shutdown.log", ShutdownLogText.create()
                        .client(7, "/private/var/tmp/" + Evidence.SPY_PROCESS).sigterm(Evidence.DAY).text())
                .file("private/var/networkd/netusage.sqlite", DataUsageDatabase.create()
                        .process(1, "locationd", null, Evidence.DAY, Evidence.DAY).bytes())
                .file("usr/libexec/locationd", "binary")
                .build();
    }

    @Test
    void findsTracesInAFolderDump() throws Exception {
        Path dump = dump(dir.resolve("dump"));
        EvidenceSnapshot before = EvidenceSnapshot.of(dump);
        Path report = dir.resolve("report");

        Cli.Result result = Cli.run("ios", "check-fs", "--no-builtin-iocs", "--iocs",
                Evidence.indicators(dir.resolve("iocs")).toString(), "--output", report.toString(), dump.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.DETECTIONS);
        assertThat(EvidenceSnapshot.of(dump)).isEqualTo(before);
        assertThat(report.resolve("shutdown_log_detected.json")).exists();
        assertThat(report.resolve("filesystem.json")).exists();
        assertThat(report.resolve("netusage.json")).exists();
    }

    @Test
    void aHostileTarIsReadWhereSafeReportedAndNothingIsWrittenOutsideTheOutput() throws Exception {
        Path archive = new DumpArchive().folder(dump(dir.resolve("dump")), "filesystem/")
                .file("filesystem/../../../escaped.txt", "x".getBytes(StandardCharsets.UTF_8))
                .file("/tmp/absolute.txt", "x".getBytes(StandardCharsets.UTF_8))
                .link("filesystem/private/var/mobile/evil", "/etc/passwd", false)
                .link("filesystem/private/var/mobile/climb", "../../../../../outside", false)
                .link("filesystem/private/var/mobile/hard", "../outside", true)
                .write(dir.resolve("in/dump.tar"), DumpArchive.Format.TAR);
        Path report = dir.resolve("out/report");
        Files.createDirectories(report.getParent());
        EvidenceSnapshot before = EvidenceSnapshot.of(dir.resolve("in"));

        Cli.Result result = Cli.run("ios", "check-fs", "--no-builtin-iocs", "--iocs",
                Evidence.indicators(dir.resolve("iocs")).toString(), "--output", report.toString(),
                archive.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.DETECTIONS);
        assertThat(result.err()).contains("unsafe entries left out");
        assertThat(EvidenceSnapshot.of(dir.resolve("in"))).isEqualTo(before);
        try (Stream<Path> top = Files.list(dir)) {
            assertThat(top.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("dump", "in", "out", "iocs");
        }
        try (Stream<Path> out = Files.list(dir.resolve("out"))) {
            assertThat(out.map(p -> p.getFileName().toString())).containsExactly("report");
        }
        JsonNode info = new ObjectMapper().readTree(report.resolve("info.json").toFile());
        List<String> notes = new ArrayList<>();
        for (JsonNode outcome : info.findValues("notes")) {
            outcome.forEach(n -> notes.add(n.asText()));
        }
        assertThat(notes).contains(
                "Left out \"filesystem/../../../escaped.txt\": its path climbs out of the dump (..)",
                "Left out \"/tmp/absolute.txt\": an absolute path",
                "Not followed: link \"filesystem/private/var/mobile/evil\" points outside the dump, to \"/etc/passwd\"",
                "Not followed: link \"filesystem/private/var/mobile/climb\" points outside the dump, to "
                        + "\"../../../../../outside\"",
                "Not followed: link \"filesystem/private/var/mobile/hard\" points outside the dump, to \"../outside\"");
    }

    @Test
    void theOutputMayNotBeInsideAFolderDumpButMayBeBesideAnArchive() throws Exception {
        Path dump = dump(dir.resolve("dump"));
        Cli.Result inside = Cli.run("ios", "check-fs", "--output", dump.resolve("report").toString(), dump.toString());
        assertThat(inside.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(inside.err()).contains("inside the evidence");

        Path zip = new DumpArchive().folder(dump, "").write(dir.resolve("z/dump.zip"), DumpArchive.Format.ZIP);
        Cli.Result beside = Cli.run("ios", "check-fs", "--no-builtin-iocs", "--output",
                dir.resolve("z/report").toString(), zip.toString());
        assertThat(beside.exitCode()).as(beside.err()).isEqualTo(ExitCode.CLEAN);
    }

    @Test
    void whatIsNotADumpIsOneSentence() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "hello");
        Cli.run("ios", "check-fs", notes.toString()).saysInOneSentence("neither a folder nor a .tar");
        Files.createDirectories(dir.resolve("empty"));
        Cli.run("ios", "check-fs", dir.resolve("empty").toString()).saysInOneSentence("not an iOS filesystem dump");
    }
}
