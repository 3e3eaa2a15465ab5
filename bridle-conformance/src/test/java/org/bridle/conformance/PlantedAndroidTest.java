package org.bridle.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.bridle.android.androidqf.AndroidQf;
import org.bridle.android.artifacts.AndroidArtifacts;
import org.bridle.android.bugreport.Bugreport;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.indicators.BuiltinIndicators;
import org.bridle.core.model.Alert;
import org.bridle.core.model.Severity;
import org.bridle.core.scan.MemorySink;
import org.bridle.core.scan.ScanEngine;
import org.bridle.core.scan.ScanListener;
import org.bridle.core.source.PasswordSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An unseen AndroidQF acquisition with planted traces, checked with the built-in indicators: a stalkerware app
 * (Echap's TheTruthSpy), a sideloaded app, a root binary, a disabled package verifier, a process of an indicator app
 * (ResidentBat), a property of Amnesty's Android campaign, and an SMS link to a Pegasus domain in the nested backup.
 * Every trace gives one alert, and the clean entries beside them give none. The same holds for an indicator app's
 * process in a bugreport's process list, and for a C2 lookup and a CA install in an acquisition's intrusion logs.
 */
class PlantedAndroidTest {
    @TempDir
    Path dir;

    @Test
    void everyPlantedTraceAndNoFalseAlert() throws Exception {
        Path qf = Files.createDirectories(dir.resolve("acquisition"));
        Files.writeString(qf.resolve("acquisition.json"), "{}");
        Files.writeString(qf.resolve("packages.json"), """
                [{"name":"com.thetruth","installer":"com.android.vending","system":false,"files":[]},
                 {"name":"com.sideloaded.notes","installer":"null","system":false,"files":[]},
                 {"name":"com.android.chrome","installer":"com.android.vending","system":false,"files":[]},
                 {"name":"com.android.phone","installer":"null","system":true,"files":[]}]
                """);
        Files.writeString(qf.resolve("root_binaries.json"), "[\"/system/xbin/su\"]");
        Files.writeString(qf.resolve("settings_global.txt"), "package_verifier_enable=0\nadb_enabled=0\n");
        Files.writeString(qf.resolve("ps.txt"), """
                USER           PID  PPID     VSZ    RSS WCHAN            ADDR S NAME
                system        1200     1  100000   2000 0                   0 S system_server
                u0_a99        4242   700  100000   2000 0                   0 S com.oneplussync.bat
                """);
        Files.writeString(qf.resolve("getprop.txt"), "[ro.product.model]: [Pixel 7]\n[sys.brand.note]: [1]\n");
        Files.write(qf.resolve("backup.ab"), backup(
                "[{\"address\":\"+15550100\",\"body\":\"Your parcel https://weather4free.com/t/1\",\"type\":\"1\"},"
                        + "{\"address\":\"+15550101\",\"body\":\"see https://www.example.org/\",\"type\":\"1\"}]"));

        MemorySink sink = new MemorySink();
        try (AndroidQf source = AndroidQf.open(qf, PasswordSource.NONE)) {
            List<Artifact<?>> artifacts = AndroidArtifacts.forAndroidQf();
            new ScanEngine(BuiltinIndicators.load(), 2).run(source, artifacts, sink, ScanListener.NONE);
        }

        List<Alert> alerts = sink.alerts().stream().filter(a -> a.level().compareTo(Severity.LOW) >= 0).toList();
        assertThat(alerts).extracting(Alert::artifact, Alert::level).containsExactlyInAnyOrder(
                tuple("packages", Severity.HIGH),
                tuple("packages", Severity.MEDIUM),
                tuple("root_binaries", Severity.HIGH),
                tuple("settings", Severity.MEDIUM),
                tuple("processes", Severity.HIGH),
                tuple("getprop", Severity.HIGH),
                tuple("sms", Severity.HIGH));
        assertThat(alerts).extracting(Alert::message).anyMatch(m -> m.contains("TheTruthSpy"))
                .anyMatch(m -> m.contains("com.sideloaded.notes")).anyMatch(m -> m.contains("weather4free.com"))
                .anyMatch(m -> m.contains("sys.brand.note")).anyMatch(m -> m.contains("com.oneplussync.bat"));
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

    private static byte[] backup(String smsJson) throws Exception {
        ByteArrayOutputStream sms = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(sms)) {
            out.write(smsJson.getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(tar)) {
            TarArchiveEntry entry = new TarArchiveEntry(
                    "apps/com.android.providers.telephony/d_f/000000_sms_backup", true);
            entry.setSize(sms.size());
            out.putArchiveEntry(entry);
            out.write(sms.toByteArray());
            out.closeArchiveEntry();
        }
        ByteArrayOutputStream ab = new ByteArrayOutputStream();
        ab.write("ANDROID BACKUP\n5\n0\nnone\n".getBytes(StandardCharsets.US_ASCII));
        ab.write(tar.toByteArray());
        return ab.toByteArray();
    }
}
