package org.bridle.android.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.bridle.android.AndroidScan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentTest {
    @TempDir
    Path dir;

    @Test
    void recordsEachVariableAndJudgesNone() throws Exception {
        AndroidScan scan = AndroidScan.run(Sources.androidQf(dir, "env.txt", String.join("\n",
                "PATH=/product/bin:/apex/com.android.runtime/bin:/system/bin",
                "LD_PRELOAD=/data/local/tmp/hook.so", "MOTD=two", "lines", "=odd", "HOSTNAME=", "")),
                new Environment());
        assertThat(scan.<Environment.Variable>entries("env")).containsExactly(
                new Environment.Variable("PATH", "/product/bin:/apex/com.android.runtime/bin:/system/bin"),
                new Environment.Variable("LD_PRELOAD", "/data/local/tmp/hook.so"),
                new Environment.Variable("MOTD", "two\nlines\n=odd"),
                new Environment.Variable("HOSTNAME", ""));
        assertThat(scan.alerts("env")).isEmpty();
    }
}
