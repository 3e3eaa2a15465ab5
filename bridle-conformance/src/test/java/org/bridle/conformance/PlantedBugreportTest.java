package org.bridle.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bridle.android.artifacts.AndroidArtifacts;
import org.bridle.android.bugreport.Bugreport;
import org.bridle.core.indicators.BuiltinIndicators;
import org.bridle.core.model.Alert;
import org.bridle.core.model.Severity;
import org.bridle.core.scan.MemorySink;
import org.bridle.core.scan.ScanEngine;
import org.bridle.core.scan.ScanListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An unseen bugreport zip with planted traces, checked with the built-in indicators: a stalkerware app of Echap's
 * list (TheTruthSpy) installed by adb, an app allowed to install apps, an indicator property, and a crash of a root
 * process. Each trace raises its alerts, and the clean packages, operations and properties beside them none.
 */
class PlantedBugreportTest {
    private static final String DUMPSTATE = String.join("\n",
            "== dumpstate: 2026-11-01 10:00:00",
            "------ SYSTEM PROPERTIES (getprop) ------",
            "[ro.product.model]: [Pixel 8]",
            "[sys.brand.doc]: [1]",
            "------ 0.010s was the duration of 'SYSTEM PROPERTIES' ------",
            "-------------------------------------------------------------------------------",
            "DUMP OF SERVICE package:",
            "Packages:",
            "  Package [com.thetruth] (a):",
            "    userId=10300",
            "    pkgFlags=[ HAS_CODE ]",
            "    installerPackageName=null",
            "  Package [com.android.chrome] (b):",
            "    userId=10100",
            "    pkgFlags=[ SYSTEM HAS_CODE ]",
            "    installerPackageName=com.android.vending",
            "",
            "--------- 0.1s was the duration of dumpsys package",
            "-------------------------------------------------------------------------------",
            "DUMP OF SERVICE appops:",
            "Current AppOps Service state:",
            "  Uid u0a300:",
            "    Package com.thetruth:",
            "      REQUEST_INSTALL_PACKAGES (allow):",
            "  Uid u0a100:",
            "    Package com.android.chrome:",
            "      CAMERA (allow):",
            "-------------------------------------------------------------------------------",
            "");
    private static final String ROOT_CRASH = "pid: 900, tid: 901, name: vold  >>> /system/bin/vold <<<\nuid: 0\n";

    @TempDir
    Path dir;

    @Test
    void everyPlantedTraceAndNoFalseAlert() throws Exception {
        Path zip = dir.resolve("bugreport.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String[] entry : new String[][] {{"main_entry.txt", "bugreport-x.txt"},
                    {"bugreport-x.txt", DUMPSTATE}, {"FS/data/tombstones/tombstone_00", ROOT_CRASH}}) {
                out.putNextEntry(new ZipEntry(entry[0]));
                out.write(entry[1].getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        MemorySink sink = new MemorySink();
        try (Bugreport source = Bugreport.open(zip)) {
            new ScanEngine(BuiltinIndicators.load(), 2).run(source, AndroidArtifacts.forBugreport(), sink,
                    ScanListener.NONE);
        }
        List<Alert> alerts = sink.alerts().stream().filter(a -> a.level().compareTo(Severity.LOW) >= 0).toList();
        assertThat(alerts).extracting(Alert::artifact, Alert::level).containsExactlyInAnyOrder(
                tuple("packages", Severity.MEDIUM),
                tuple("packages", Severity.HIGH),
                tuple("appops", Severity.MEDIUM),
                tuple("appops", Severity.HIGH),
                tuple("getprop", Severity.HIGH),
                tuple("tombstones", Severity.MEDIUM));
        assertThat(alerts).extracting(Alert::message).noneMatch(m -> m.contains("com.android.chrome"));
    }
}
