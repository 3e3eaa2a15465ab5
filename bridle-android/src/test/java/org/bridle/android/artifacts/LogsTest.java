package org.bridle.android.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.bridle.android.AndroidScan;
import org.bridle.core.model.Observable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogsTest {
    @TempDir
    Path dir;

    @Test
    void listsTheCopiedLogsByDevicePathWithoutTimeline() throws Exception {
        Logs artifact = new Logs();
        AndroidScan scan = AndroidScan.run(Sources.androidQf(dir, "logs/data/anr/traces.txt", "----- pid 42",
                "logs/proc/last_kmsg", "", "logcat.txt", "not a copied log"), artifact);
        assertThat(scan.<Logs.LogFile>entries("logs")).containsExactlyInAnyOrder(
                new Logs.LogFile("/data/anr/traces.txt", 12), new Logs.LogFile("/proc/last_kmsg", 0));
        Logs.LogFile traces = new Logs.LogFile("/data/anr/traces.txt", 12);
        assertThat(artifact.observables(traces)).containsExactly(Observable.filePath("/data/anr/traces.txt"));
        assertThat(artifact.timeline(traces)).isEmpty();
    }
}
