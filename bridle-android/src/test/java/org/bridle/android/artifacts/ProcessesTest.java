package org.bridle.android.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.bridle.android.AndroidScan;
import org.bridle.core.model.Observable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessesTest {
    @TempDir
    Path dir;

    @Test
    void readsPsTxtAndProcessesJson() throws Exception {
        Processes artifact = new Processes();
        AndroidScan ps = AndroidScan.run(Sources.androidQf(dir, "ps.txt", """
                USER           PID  PPID     VSZ    RSS WCHAN            ADDR S NAME
                root             2     0       0      0 0                   0 S [kthreadd]
                u0_a12        4242   700  100000   2000 0                   0 S com.example.spy:remote
                """), artifact);
        assertThat(ps.<Processes.Process>entries("processes")).containsExactly(
                new Processes.Process("root", 2L, 0L, "[kthreadd]", null),
                new Processes.Process("u0_a12", 4242L, 700L, "com.example.spy:remote", null));
        assertThat(artifact.observables(new Processes.Process("u", 1L, 0L, "com.example.spy:remote", null)))
                .containsExactly(Observable.process("com.example.spy:remote"), Observable.appId("com.example.spy"));
        assertThat(artifact.observables(new Processes.Process("root", 2L, 0L, "[kthreadd]", null))).isEmpty();

        AndroidScan json = AndroidScan.run(Sources.androidQf(dir.resolve("j"), "processes.json",
                "[{\"pid\":7,\"ppid\":1,\"user\":\"system\",\"name\":\"system_server\",\"label\":\"u:r:system\"}]"),
                artifact);
        assertThat(json.<Processes.Process>entries("processes"))
                .containsExactly(new Processes.Process("system", 7L, 1L, "system_server", "u:r:system"));
    }

    @Test
    void readsTheBugreportsProcessesSectionKeepingMainThreadsOnly() throws Exception {
        String dumpstate = String.join("\n",
                "------ PROCESSES AND THREADS (ps -A -T -Z -O pri,nice,rtprio,sched,pcy,time) ------",
                "LABEL                          USER           PID   TID  PPID     VSZ    RSS WCHAN            ADDR S "
                        + "PRI  NI RTPRIO SCH  PCY     TIME CMD",
                "u:r:untrusted_app:s0:c12,c257  u0_a12        4242  4242   700  100000   2000 0                   0 S "
                        + " 19   0      -   0   fg 00:00:01 com.example.spy",
                "u:r:untrusted_app:s0:c12,c257  u0_a12        4242  4250   700  100000   2000 0                   0 S "
                        + " 19   0      -   0   fg 00:00:00 Binder:4242_1",
                "------ 0.2s was the duration of 'PROCESSES AND THREADS' ------",
                "------ SYSTEM PROPERTIES (getprop) ------",
                "[ro.debuggable]: [0]",
                "");
        AndroidScan scan = AndroidScan.run(Sources.bugreport(dir, dumpstate), new Processes());
        assertThat(scan.<Processes.Process>entries("processes")).containsExactly(
                new Processes.Process("u0_a12", 4242L, 700L, "com.example.spy", "u:r:untrusted_app:s0:c12,c257"));
    }
}
