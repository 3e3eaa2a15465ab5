package org.bridle.android.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bridle.android.AndroidScan;
import org.bridle.core.indicators.IndicatorSet;
import org.bridle.core.indicators.StixBundleLoader;
import org.bridle.core.model.Alert;
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

        AndroidScan txt = AndroidScan.run(Sources.androidQf(dir.resolve("t"), "processes.txt",
                "USER PID PPID VSZ RSS WCHAN ADDR S NAME\nsystem 7 1 1 1 0 0 S system_server\n"), artifact);
        assertThat(txt.<Processes.Process>entries("processes"))
                .containsExactly(new Processes.Process("system", 7L, 1L, "system_server", null));
    }

    /** AndroidQF's collector: the first argument names a process, else its task name, resolved when cut. */
    @Test
    void readsTheCollectorsProcessesJson() throws Exception {
        AndroidScan json = AndroidScan.run(Sources.androidQf(dir, "packages.json",
                "[{\"name\":\"com.example.longspyware\",\"installer\":\"null\",\"system\":false,\"files\":[]}]",
                "processes.json", """
                [{"pid":7,"uid":1000,"ppid":1,"filename":"(system_server)","state":"S","command_line":["system_server"],
                  "context":"u:r:system_server:s0","env":[]},
                 {"pid":2,"uid":0,"ppid":0,"filename":"(kthreadd)","command_line":null,"context":"u:r:kernel:s0"},
                 {"pid":42,"uid":10123,"ppid":700,"filename":"(ple.longspyware)","command_line":[],
                  "context":"u:r:untrusted_app:s0"},
                 {"pid":43,"uid":10124,"ppid":700,"filename":"(mple.app:remote)",
                  "command_line":["com.example.app:remote"],"context":"u:r:untrusted_app:s0"}]
                """), new Processes());
        assertThat(json.<Processes.Process>entries("processes")).containsExactly(
                new Processes.Process("1000", 7L, 1L, "system_server", "u:r:system_server:s0"),
                new Processes.Process("0", 2L, 0L, "kthreadd", "u:r:kernel:s0"),
                new Processes.Process("10123", 42L, 700L, "ple.longspyware", "u:r:untrusted_app:s0",
                        "com.example.longspyware"),
                new Processes.Process("10124", 43L, 700L, "com.example.app:remote", "u:r:untrusted_app:s0"));
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

    private static final String PS_HEADER = "LABEL                 USER     PID   TID  PPID    VSZ  RSS WCHAN ADDR S CMD";

    private static String psLine(long pid, String name) {
        return "u:r:untrusted_app:s0  u0_a99  " + pid + "  " + pid + "   700  10000  200 0     0    S " + name;
    }

    private static String dumpstate(String... packagesThenPs) {
        StringBuilder packages = new StringBuilder("Packages:\n");
        List<String> ps = new ArrayList<>();
        for (String value : packagesThenPs) {
            if (value.startsWith("ps:")) {
                ps.add(psLine(4000 + ps.size(), value.substring(3)));
            } else {
                packages.append("  Package [").append(value).append("] (a1):\n    userId=10099\n");
            }
        }
        return String.join("\n", "------ PROCESSES AND THREADS (ps -A -T -Z -O pri,nice,rtprio,sched,pcy,time) ------",
                PS_HEADER, String.join("\n", ps), "------ 0.2s was the duration of 'PROCESSES AND THREADS' ------",
                Sources.service("package", packages.toString()));
    }

    private static IndicatorSet indicators(String... appIds) throws Exception {
        StringBuilder objects = new StringBuilder("{\"type\":\"malware\",\"id\":\"malware--1\",\"name\":\"Spy\","
                + "\"is_family\":false}");
        for (int i = 0; i < appIds.length; i++) {
            objects.append(",{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--").append(i)
                    .append("\",\"pattern_type\":\"stix\",\"pattern\":\"[app:id='").append(appIds[i]).append("']\"},")
                    .append("{\"type\":\"relationship\",\"id\":\"relationship--").append(i)
                    .append("\",\"relationship_type\":\"indicates\",\"source_ref\":\"indicator--").append(i)
                    .append("\",\"target_ref\":\"malware--1\"}");
        }
        String bundle = "{\"type\":\"bundle\",\"id\":\"bundle--1\",\"objects\":[" + objects + "]}";
        return IndicatorSet.builder().add(StixBundleLoader.load("test.stix2", "test",
                bundle.getBytes(StandardCharsets.UTF_8))).build();
    }

    /** A kernel name of 15 characters is the tail of the one installed package or app-id indicator it ends. */
    @Test
    void resolvesKernelTruncatedNamesOnlyWhenOneAppIdEndsWithThem() throws Exception {
        String dumpstate = dumpstate("com.example.longspyware", "com.aa.twinsample1", "com.example.app",
                "ps:ple.longspyware", "ps:tor.hiddenapps", "ps:.aa.twinsample1", "ps:com.example.app",
                "ps:ple.longspywar", "ps:ple.longspyware:x", "ps:system_server");
        AndroidScan scan = AndroidScan.run(Sources.bugreport(dir, dumpstate),
                indicators("com.example.longspyware", "com.monitor.hiddenapps", "org.aa.twinsample1"),
                new Processes());
        assertThat(scan.<Processes.Process>entries("processes")).extracting(Processes.Process::name,
                Processes.Process::appId).containsExactly(
                tuple("ple.longspyware", "com.example.longspyware"),
                tuple("tor.hiddenapps", null),
                tuple(".aa.twinsample1", null),
                tuple("com.example.app", null),
                tuple("ple.longspywar", null),
                tuple("ple.longspyware:x", null),
                tuple("system_server", null));
        assertThat(scan.alerts("processes")).extracting(Alert::message).singleElement()
                .satisfies(m -> assertThat(m).contains("com.example.longspyware"));
    }

    /** An indicator alone resolves a tail, and a whole name of AndroidQF's {@code ps -A} is never resolved. */
    @Test
    void resolvesFromIndicatorsAndLeavesWholeNamesAlone() throws Exception {
        AndroidScan scan = AndroidScan.run(Sources.bugreport(dir, dumpstate("ps:tor.hiddenapps1")),
                indicators("com.monitor.hiddenapps1"), new Processes());
        assertThat(scan.outcome("processes").failures()).isEmpty();
        assertThat(scan.<Processes.Process>entries("processes")).extracting(Processes.Process::appId)
                .containsExactly("com.monitor.hiddenapps1");
        assertThat(scan.alerts("processes")).hasSize(1);

        AndroidScan qf = AndroidScan.run(Sources.androidQf(dir.resolve("qf"), "ps.txt",
                "USER PID PPID VSZ RSS WCHAN ADDR S NAME\nu0_a9 42 1 1 1 0 0 S tor.hiddenapps1\n"),
                indicators("com.monitor.hiddenapps1"), new Processes());
        assertThat(qf.<Processes.Process>entries("processes")).extracting(Processes.Process::appId)
                .containsOnlyNulls();
        assertThat(qf.alerts("processes")).isEmpty();
    }
}
