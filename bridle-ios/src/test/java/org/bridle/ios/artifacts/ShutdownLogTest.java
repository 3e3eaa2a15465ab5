package org.bridle.ios.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.bridle.core.model.Observable;
import org.bridle.core.model.TimelineEvent;
import org.bridle.ios.ArtifactScan;
import org.bridle.ios.artifacts.ShutdownLog.Client;
import org.bridle.testkit.DumpArchive;
import org.bridle.testkit.DumpBuilder;
import org.bridle.testkit.ios.ShutdownLogText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShutdownLogTest {
    private static final Instant FIRST = Instant.ofEpochSecond(1_700_000_000);
    private static final Instant SECOND = Instant.ofEpochSecond(1_700_086_400);
    private static final Instant ROTATED = Instant.ofEpochSecond(1_690_000_000);

    @TempDir
    Path dir;

    private final ShutdownLog shutdownLog = new ShutdownLog();

    private Path dump() {
        return new DumpBuilder(dir.resolve("dump"))
                .file("private/var/db/diagnostics/shutdown.log", ShutdownLogText.create()
                        .line("Shutdown started")
                        .client(100, "/usr/libexec/first")
                        .after(0.51)
                        .client(101, "/private/var/db/com.apple.xpc.roleaccountd.staging/rolexd")
                        .after(1.02)
                        .client(102, "/usr/sbin/filecoordinationd/123e4567-e89b-12d3-a456-426614174000")
                        .sigterm(FIRST)
                        .client(200, "/usr/libexec/second")
                        .line("SIGTERM: sent @" + SECOND.getEpochSecond() + " to remaining clients")
                        .client(300, "/usr/libexec/cut-short")
                        .text())
                .file("private/var/db/diagnostics/shutdown.0.log", ShutdownLogText.create()
                        .client(1, "/usr/libexec/rotated").sigterm(ROTATED).text())
                .build();
    }

    @Test
    void readsClientsGroupedByShutdownFromTheLogAndItsRotatedFiles() throws Exception {
        ArtifactScan scan = ArtifactScan.overDump(dump(), shutdownLog);

        assertThat(scan.<Client>entries("shutdown_log")).containsExactly(
                new Client(FIRST, 100, "/usr/libexec/first", 0, 0),
                new Client(FIRST, 101, "/private/var/db/com.apple.xpc.roleaccountd.staging/rolexd", 0.51, 1),
                new Client(FIRST, 102, "/usr/sbin/filecoordinationd/123e4567-e89b-12d3-a456-426614174000", 1.53, 2),
                new Client(SECOND, 200, "/usr/libexec/second", 0, 0),
                new Client(null, 300, "/usr/libexec/cut-short", 0, 0),
                new Client(ROTATED, 1, "/usr/libexec/rotated", 0, 0));
        assertThat(scan.outcome("shutdown_log").notes()).containsExactly("private/var/db/diagnostics/shutdown.log "
                + "ends with 1 clients after its last SIGTERM line: their shutdown has no time");
        assertThat(scan.sink().timeline()).hasSize(5).first().isEqualTo(new TimelineEvent(FIRST, "shutdown_log",
                "shutdown", "Client /usr/libexec/first with PID 100 was running when the device was shut down"));
    }

    @Test
    void clientPathsAreFilePathsAndEachSegmentAProcessName() throws Exception {
        Client client = new Client(FIRST, 102, "/usr/sbin/filecoordinationd/123e4567", 0, 0);
        assertThat(shutdownLog.observables(client)).containsExactly(
                Observable.filePath("/usr/sbin/filecoordinationd/123e4567"), Observable.process("usr"),
                Observable.process("sbin"), Observable.process("filecoordinationd"), Observable.process("123e4567"));
    }

    @Test
    void aZipOfTheDumpGivesTheSameEntries() throws Exception {
        Path folder = dump();
        List<Client> fromFolder = ArtifactScan.overDump(folder, shutdownLog).entries("shutdown_log");
        Path zip = new DumpArchive().folder(folder, "").write(dir.resolve("z/dump.zip"), DumpArchive.Format.ZIP);

        assertThat(ArtifactScan.overDump(zip, shutdownLog).<Client>entries("shutdown_log"))
                .containsExactlyElementsOf(fromFolder);
    }

    @Test
    void linesOfOtherFormsAreIgnored() throws Exception {
        Path dump = new DumpBuilder(dir.resolve("other"))
                .file("private/var/db/diagnostics/shutdown.log", "garbage\u0000\nremaining client pid: x (y)\n"
                        + "SIGTERM: [not a time]\n")
                .build();
        ArtifactScan scan = ArtifactScan.overDump(dump, shutdownLog);
        assertThat(scan.entries("shutdown_log")).isEmpty();
        assertThat(scan.outcome("shutdown_log").failures()).isEmpty();
    }
}
