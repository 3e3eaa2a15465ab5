package org.bridle.android.bugreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;
import org.bridle.core.source.InputException;
import org.bridle.testkit.android.AndroidArchives;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BugreportTest {
    static final String DUMPSTATE = String.join("\n",
            "== dumpstate: 2024-01-01 10:00:00",
            "------ SYSTEM PROPERTIES (getprop) ------",
            "[ro.build.version.security_patch]: [2024-01-05]",
            "------ 0.01s was the duration of 'SYSTEM PROPERTIES' ------",
            "------ PROCESSES AND THREADS (ps -A -T -Z -O pri,nice,rtprio,sched,pcy,time) ------",
            "LABEL USER PID TID PPID CMD",
            "------ 0.1s was the duration of 'PROCESSES AND THREADS' ------",
            "-------------------------------------------------------------------------------",
            "DUMP OF SERVICE CRITICAL package:",
            "Packages:",
            "  Package [com.example.app] (1):",
            "--------- 0.1s was the duration of dumpsys package, ending at: 2024-01-01 10:00:01",
            "-------------------------------------------------------------------------------",
            "DUMP OF SERVICE appops:",
            "Current AppOps Service state:",
            "-------------------------------------------------------------------------------",
            "DUMP OF SERVICE package:",
            "a second dump of package is ignored",
            "");

    @TempDir
    Path dir;

    private static String text(EvidenceFile file) throws Exception {
        return new String(file.readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void findsTheDumpstateThroughMainEntryAndSplitsItsSections() throws Exception {
        Path zip = Files.write(dir.resolve("bugreport.zip"), AndroidArchives.zip(AndroidArchives.entries(
                "main_entry.txt", "bugreport-x.txt\n", "bugreport-x.txt", DUMPSTATE,
                "FS/data/tombstones/tombstone_00", "crash", "../FS/evil", "x")));
        try (Bugreport report = Bugreport.open(zip)) {
            List<EvidenceFile> pkg = report.resolve(DevicePath.of("@dumpsys/package"));
            assertThat(pkg).singleElement().satisfies(f -> {
                assertThat(f.devicePath()).isEqualTo("@dumpsys/package");
                assertThat(f.origin()).isEqualTo("bugreport-x.txt (DUMP OF SERVICE package)");
            });
            assertThat(text(pkg.get(0))).isEqualTo("Packages:\n  Package [com.example.app] (1):\n");
            assertThat(text(report.resolve(DevicePath.of("@dumpsys/appops")).get(0)))
                    .isEqualTo("Current AppOps Service state:\n");
            assertThat(text(report.resolve(DevicePath.of("@command/getprop")).get(0)))
                    .isEqualTo("[ro.build.version.security_patch]: [2024-01-05]\n");
            assertThat(report.resolve(DevicePath.of("@command/ps"))).singleElement().satisfies(f -> {
                assertThat(f.origin()).isEqualTo("bugreport-x.txt (PROCESSES AND THREADS)");
                assertThat(text(f)).isEqualTo("LABEL USER PID TID PPID CMD\n");
            });
            assertThat(report.resolve(DevicePath.of("@command/dumpsys"))).isEmpty();
            assertThat(report.resolve(DevicePath.of("@dumpsys/battery"))).isEmpty();
            assertThat(report.resolve(DevicePath.of("data/tombstones/tombstone_*")))
                    .extracting(EvidenceFile::devicePath).containsExactly("data/tombstones/tombstone_00");
            assertThat(report.notes()).containsExactly(
                    "skipped the entry ../FS/evil: a path that climbs out of the archive");
        }
    }

    @Test
    void fallsBackToDumpStateLogThenDumpsysTxtInAFolder() throws Exception {
        Files.writeString(dir.resolve("dumpState_2024.log"), DUMPSTATE);
        try (Bugreport report = Bugreport.open(dir)) {
            assertThat(report.resolve(DevicePath.of("@dumpsys/appops"))).hasSize(1);
        }
        Path other = Files.createDirectories(dir.resolve("other/inner"));
        Files.writeString(other.resolve("dumpsys.txt"), DUMPSTATE);
        try (Bugreport report = Bugreport.open(dir.resolve("other"))) {
            assertThat(report.resolve(DevicePath.of("@dumpsys/appops"))).hasSize(1);
        }
    }

    @Test
    void withoutADumpstateItIsNoBugreport() throws Exception {
        Files.writeString(dir.resolve("readme.txt"), "hello");
        assertThatThrownBy(() -> Bugreport.open(dir)).isInstanceOf(InputException.class)
                .hasMessageContaining("is not an Android bugreport: it has no main_entry.txt");
        Files.writeString(dir.resolve("main_entry.txt"), "gone.txt");
        assertThatThrownBy(() -> Bugreport.open(dir)).isInstanceOf(InputException.class)
                .hasMessage("main_entry.txt names gone.txt, which the bugreport does not hold.");
    }
}
