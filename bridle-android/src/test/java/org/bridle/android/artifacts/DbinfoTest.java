package org.bridle.android.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.bridle.android.AndroidScan;
import org.bridle.core.model.Observable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbinfoTest {
    @TempDir
    Path dir;

    @Test
    void readsOperationsWithTheOwningApp() throws Exception {
        String dump = Sources.service("dbinfo", String.join("\n",
                "** Database info for pid 8817 [com.example.app] **",
                "        0: [2023-07-27 12:21:44.097] [Pid:(8817)]executeForLong took 4ms - succeeded,"
                        + " sql=\"PRAGMA page_count;\", path=/data/user/0/com.example.app/databases/a.db",
                "        1: [2023-07-27 12:21:45.000] prepare took 0ms - failed"));
        Dbinfo artifact = new Dbinfo();
        AndroidScan scan = AndroidScan.run(Sources.bugreport(dir, dump), artifact);
        var operations = scan.<Dbinfo.Operation>entries("dbinfo");
        assertThat(operations).containsExactly(
                new Dbinfo.Operation(Instant.parse("2023-07-27T12:21:44.097Z"), 8817L, "executeForLong", 4,
                        "succeeded", "PRAGMA page_count;", "/data/user/0/com.example.app/databases/a.db",
                        "com.example.app"),
                new Dbinfo.Operation(Instant.parse("2023-07-27T12:21:45Z"), null, "prepare", 0, "failed", null, null,
                        null));
        assertThat(artifact.observables(operations.get(0))).containsExactly(Observable.appId("com.example.app"));
        assertThat(artifact.observables(operations.get(1))).isEmpty();
    }
}
