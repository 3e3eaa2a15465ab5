package org.bridle.android.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.bridle.android.AndroidScan;
import org.bridle.core.model.Observable;
import org.bridle.core.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TombstonesTest {
    private static final String SHELL_CRASH = String.join("\n",
            "*** *** *** *** *** *** *** *** *** *** *** *** *** *** *** ***",
            "Build fingerprint: 'google/x/x:14/AP1/1:user/release-keys'",
            "Timestamp: 2024-03-01 10:00:00.250+0100",
            "pid: 42, tid: 43, name: worker  >>> /system/bin/adbd <<<",
            "uid: 2000",
            "signal 6 (SIGABRT), code -1 (SI_QUEUE), fault addr --------",
            "Abort message: 'Check failed'",
            "");
    private static final String APP_CRASH = "pid: 7, tid: 7, name: com.app  >>> com.app <<<\nuid: 10100\n";

    @TempDir
    Path dir;

    @Test
    void readsTextTombstonesAndFlagsPrivilegedCrashes() throws Exception {
        Tombstones artifact = new Tombstones();
        AndroidScan scan = AndroidScan.run(Sources.bugreport(dir, "", "FS/data/tombstones/tombstone_00",
                SHELL_CRASH, "FS/data/tombstones/tombstone_01", APP_CRASH,
                "FS/data/tombstones/tombstone_02", "garbage"), artifact);
        var tombstones = scan.<Tombstones.Tombstone>entries("tombstones");
        assertThat(tombstones).containsExactly(
                new Tombstones.Tombstone("tombstone_00", "google/x/x:14/AP1/1:user/release-keys",
                        Instant.parse("2024-03-01T09:00:00.250Z"), 42L, 43L, 2000L, "worker", "/system/bin/adbd",
                        "signal 6 (SIGABRT)", "Check failed"),
                new Tombstones.Tombstone("tombstone_01", null, null, 7L, 7L, 10100L, "com.app", "com.app", null,
                        null));
        assertThat(scan.alerts("tombstones")).singleElement().satisfies(a -> {
            assertThat(a.level()).isEqualTo(Severity.MEDIUM);
            assertThat(a.message()).contains("shell process /system/bin/adbd");
        });
        assertThat(scan.outcome("tombstones").failures()).singleElement()
                .satisfies(f -> assertThat(f.file()).endsWith("tombstone_02"));
        assertThat(artifact.observables(tombstones.get(0))).containsExactly(Observable.process("worker"),
                Observable.process("/system/bin/adbd"));
    }
}
