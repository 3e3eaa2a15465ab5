package org.bridle.android.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.bridle.android.AndroidScan;
import org.bridle.core.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootBinariesTest {
    @TempDir
    Path dir;

    @Test
    void everyBinaryIsHigh() throws Exception {
        AndroidScan scan = AndroidScan.run(Sources.androidQf(dir, "root_binaries.json",
                "[\"/system/bin/su\", \"\", \"/sbin/magisk\"]"), new RootBinaries());
        assertThat(scan.<RootBinaries.Binary>entries("root_binaries")).containsExactly(
                new RootBinaries.Binary("/system/bin/su"), new RootBinaries.Binary("/sbin/magisk"));
        assertThat(scan.alerts("root_binaries")).hasSize(2).allMatch(a -> a.level() == Severity.HIGH);
    }
}
