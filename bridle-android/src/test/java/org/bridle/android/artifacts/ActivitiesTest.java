package org.bridle.android.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.bridle.android.AndroidScan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActivitiesTest {
    @TempDir
    Path dir;

    @Test
    void readsTheActivityTableOnly() throws Exception {
        AndroidScan scan = AndroidScan.run(Sources.bugreport(dir, Sources.service("package", ReceiversTest.TABLES)),
                new Activities());
        assertThat(scan.<Activities.Activity>entries("activities")).containsExactly(
                new Activities.Activity("android.intent.action.MAIN", "com.example.app", ".Main"));
    }
}
