package org.bridle.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bridle.android.androidqf.AndroidQf;
import org.bridle.android.artifacts.AndroidArtifacts;
import org.bridle.android.bugreport.Bugreport;
import org.bridle.core.indicators.BuiltinIndicators;
import org.bridle.core.indicators.IndicatorSet;
import org.bridle.core.model.Alert;
import org.bridle.core.model.Severity;
import org.bridle.core.scan.MemorySink;
import org.bridle.core.scan.ScanEngine;
import org.bridle.core.scan.ScanListener;
import org.bridle.core.source.PasswordSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Unseen AndroidQF acquisitions drawn from fixed seeds ({@link PlantedAndroid}), checked with the built-in
 * indicators: a stalkerware app of Echap's feed, a sideloaded app, a root binary, a disabled verifier, an
 * indicator app's process and an SMS link to an indicator domain in the nested backup, among random benign apps,
 * processes, settings and links. Every trace gives its alert, and nothing else does. The same holds for an
 * indicator app's process in a bugreport's process list, and for a C2 lookup and a CA install in an acquisition's
 * intrusion logs.
 */
class PlantedAndroidTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7, 42, 1234, 20261122})
    void everyPlantedTraceAndNoFalseAlert(long seed) throws Exception {
        IndicatorSet indicators = BuiltinIndicators.load();
        PlantedAndroid planted = PlantedAndroid.of(seed, indicators);
        List<PlantedAndroid.Trace> traces = new ArrayList<>();
        Path acquisition = planted.androidQf(dir, traces);
        planted.check(AndroidQf.open(acquisition, PasswordSource.NONE), AndroidArtifacts.forAndroidQf(), traces);
    }

    @Test
    void anIndicatorProcessInABugreportsProcessList() throws Exception {
        Path report = Files.createDirectories(dir.resolve("bugreport"));
        Files.writeString(report.resolve("main_entry.txt"), "bugreport-x.txt");
        Files.writeString(report.resolve("bugreport-x.txt"), String.join("\n",
                "== dumpstate: 2024-05-01 10:00:00",
                "------ PROCESSES AND THREADS (ps -A -T -Z -O pri,nice,rtprio,sched,pcy,time) ------",
                "LABEL                 USER     PID   TID  PPID    VSZ  RSS WCHAN ADDR S PRI NI RTPRIO SCH PCY TIME "
                        + "CMD",
                "u:r:system_server:s0  system  1200  1200     1  10000  200 0     0    S  18  0 -      0   fg  0:10 "
                        + "system_server",
                "u:r:untrusted_app:s0  u0_a99  4242  4242   700  10000  200 0     0    S  19  0 -      0   fg  0:01 "
                        + "com.mxspy",
                "u:r:untrusted_app:s0  u0_a99  4242  4250   700  10000  200 0     0    S  19  0 -      0   fg  0:00 "
                        + "Binder:4242_1",
                "u:r:untrusted_app:s0  u0_a98  4300  4300   700  10000  200 0     0    S  19  0 -      0   fg  0:01 "
                        + "com.notes",
                "------ 0.2s was the duration of 'PROCESSES AND THREADS' ------",
                ""));
        MemorySink sink = new MemorySink();
        try (Bugreport source = Bugreport.open(report)) {
            new ScanEngine(BuiltinIndicators.load(), 2).run(source, AndroidArtifacts.forBugreport(), sink,
                    ScanListener.NONE);
        }
        assertThat(sink.alerts().stream().filter(a -> a.level().compareTo(Severity.LOW) >= 0))
                .singleElement().satisfies(a -> {
                    assertThat(a.artifact()).isEqualTo("processes");
                    assertThat(a.level()).isEqualTo(Severity.HIGH);
                    assertThat(a.message()).contains("TheTruthSpy");
                });
    }

    @Test
    void aC2LookupAndACaInstallInIntrusionLogs() throws Exception {
        Path qf = Files.createDirectories(dir.resolve("acquisition/intrusion_logs"));
        Files.writeString(qf.resolve("../acquisition.json"), "{}");
        String lookup = "{\"dns_event\": {\"event_time\": 1714557600000, \"hostname\": \"weather4free.com\","
                + " \"package_name\": \"com.example.weather\", \"ip_addresses\": [\"/192.0.2.10\"]}}";
        Files.writeString(qf.resolve("2024-05-01.txt"), String.join("\n", lookup,
                "{\"dns_event\": {\"event_time\": 1714557601000, \"hostname\": \"www.example.org\","
                        + " \"package_name\": \"com.android.chrome\", \"ip_addresses\": [\"/192.0.2.11\"]}}",
                "{\"security_event\": {\"event_id\": 7, \"event_time\": 1714557602000000000,"
                        + " \"cert_authority_installed\": {\"subject\": \"CN=Proxy\", \"success\": true}}}",
                "{\"security_event\": {\"event_id\": 8, \"event_time\": 1714557603000000000,"
                        + " \"crypto_self_test_completed\": {\"success\": true}}}"));
        Files.writeString(qf.resolve("2024-05-02.txt"), lookup);

        MemorySink sink = new MemorySink();
        try (AndroidQf source = AndroidQf.open(qf.getParent(), PasswordSource.NONE)) {
            new ScanEngine(BuiltinIndicators.load(), 2).run(source, AndroidArtifacts.forAndroidQf(), sink,
                    ScanListener.NONE);
        }
        List<Alert> alerts = sink.alerts().stream().filter(a -> a.level().compareTo(Severity.LOW) >= 0).toList();
        assertThat(alerts).extracting(Alert::artifact, Alert::level).containsExactlyInAnyOrder(
                tuple("intrusion_logs", Severity.HIGH),
                tuple("intrusion_logs", Severity.MEDIUM));
        assertThat(alerts).extracting(Alert::message).anyMatch(m -> m.contains("weather4free.com"))
                .anyMatch(m -> m.contains("CN=Proxy"));
    }
}
