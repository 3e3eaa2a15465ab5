package org.bridle.android.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.bridle.android.AndroidScan;
import org.bridle.android.androidqf.AndroidQf;
import org.bridle.android.archive.Limits;
import org.bridle.core.model.Alert;
import org.bridle.core.model.Observable;
import org.bridle.core.model.ObservableKind;
import org.bridle.core.model.Severity;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.core.source.PasswordSource;
import org.bridle.testkit.android.AndroidArchives;
import org.bridle.testkit.android.AndroidQfFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntrusionLogsTest {
    private static final String DNS = "{\"dns_event\": {\"event_time\": 1700000000000,"
            + " \"hostname\": \"c2.example.net\", \"package_name\": \"com.example.spy\","
            + " \"ip_addresses\": [\"/203.0.113.7\", \"/0.0.0.0\", \"/2001:db8::1\"]}}";
    private static final String DNS_REORDERED = "{\"dns_event\": {\"hostname\": \"c2.example.net\","
            + " \"event_time\": 1700000000000, \"ip_addresses\": [\"/203.0.113.7\", \"/0.0.0.0\", \"/2001:db8::1\"],"
            + " \"package_name\": \"com.example.spy\"}}";

    @TempDir
    Path dir;

    private AndroidScan scan(Object... namesAndContents) throws Exception {
        return AndroidScan.run(AndroidQf.open(AndroidQfFolder.write(dir.resolve("qf"),
                AndroidArchives.entries(namesAndContents)), PasswordSource.NONE), new IntrusionLogs());
    }

    private static String security(long nanos, String tag, String payload) {
        return "{\"security_event\": {\"event_id\": " + nanos % 1000 + ", \"event_time\": " + nanos + ", \"" + tag
                + "\": " + payload + "}}";
    }

    @Test
    void readsEveryTypeAndDropsEventsRepeatedAcrossDailyFiles() throws Exception {
        AndroidScan scan = scan(
                "intrusion_logs/2024-05-01.txt", String.join("\n", DNS,
                        "{\"connect_event\": {\"event_time\": 1700000001000, \"ip_address\": \"/198.51.100.9\","
                                + " \"port\": 443, \"package_name\": \"com.example.spy\"}}",
                        "not json", "[1, 2]", ""),
                "intrusion_logs/2024-05-02.txt", String.join("\n", DNS_REORDERED,
                        security(1700000002000000000L, "app_process_start",
                                "{\"process\": \"com.example.spy:remote\", \"uid\": 10123, \"pid\": 42}"),
                        "{\"future_event\": {\"field\": \"value\"}}"),
                "intrusion-logs/device/2024-05-03.txt",
                "{\"connect_event\": {\"event_time\": 1700000003000, \"ip_address\": \"ip6-localhost/::1\","
                        + " \"port\": 5037}}",
                "intrusion_logs/readme.md", DNS);
        List<IntrusionEvent> events = scan.entries("intrusion_logs");
        assertThat(events).extracting(IntrusionEvent::type).containsExactly(
                "dns_event", "connect_event", "security_event", "future_event", "connect_event");
        IntrusionEvent dns = events.get(0);
        assertThat(dns.file()).isEqualTo("@androidqf/intrusion_logs/2024-05-01.txt");
        assertThat(dns.time()).isEqualTo(Instant.ofEpochMilli(1700000000000L));
        assertThat(dns.host()).isEqualTo("c2.example.net");
        assertThat(dns.addresses()).containsExactly("203.0.113.7", "0.0.0.0", "2001:db8::1");
        assertThat(new IntrusionLogs().observables(dns)).containsExactly(Observable.domain("c2.example.net"),
                new Observable(ObservableKind.IPV4, "203.0.113.7"), Observable.appId("com.example.spy"));

        IntrusionEvent connect = events.get(1);
        assertThat(connect.port()).isEqualTo(443);
        assertThat(new IntrusionLogs().observables(connect)).containsExactly(
                new Observable(ObservableKind.IPV4, "198.51.100.9"), Observable.appId("com.example.spy"));

        IntrusionEvent process = events.get(2);
        assertThat(process.tag()).isEqualTo("app_process_start");
        assertThat(process.time()).isEqualTo(Instant.ofEpochSecond(1700000002L));
        assertThat(process.packageName()).isEqualTo("com.example.spy");

        assertThat(events.get(3).time()).isNull();
        IntrusionEvent loopback = events.get(4);
        assertThat(loopback.host()).isEqualTo("ip6-localhost");
        assertThat(loopback.addresses()).containsExactly("::1");
        assertThat(new IntrusionLogs().observables(loopback)).containsExactly(Observable.domain("ip6-localhost"));

        assertThat(scan.alerts("intrusion_logs")).isEmpty();
        assertThat(scan.outcome("intrusion_logs").notes()).containsExactly(
                "@androidqf/intrusion_logs/2024-05-01.txt: 2 line(s) are not JSON objects and were skipped");
    }

    @Test
    void tamperingSecurityEventsAreMediumAndTheirNearMissesAreNot() throws Exception {
        AndroidScan scan = scan("intrusion_logs/day.txt", String.join("\n",
                security(1L, "cert_validation_failure", "{\"reason\": \"untrusted root\"}"),
                security(2L, "key_integrity_violation", "{\"alias\": \"k\", \"uid\": 1000}"),
                security(3L, "cert_authority_installed", "{\"subject\": \"CN=Intercept\", \"success\": true}"),
                security(4L, "cert_authority_installed", "{\"subject\": \"CN=Tried\", \"success\": false}"),
                security(5L, "wipe_failure", "{}"),
                security(6L, "crypto_self_test_completed", "{\"success\": false}"),
                security(7L, "crypto_self_test_completed", "{\"success\": true}"),
                security(8L, "crypto_self_test_completed", "0"),
                security(9L, "crypto_self_test_completed", "1"),
                security(10L, "cert_authority_removed", "{\"subject\": \"CN=Old\"}"),
                security(11L, "key_generated", "{\"key_id\": \"k\", \"success\": false}")));
        assertThat(scan.<IntrusionEvent>entries("intrusion_logs")).hasSize(11);
        assertThat(scan.alerts("intrusion_logs")).extracting(Alert::level).containsOnly(Severity.MEDIUM);
        assertThat(scan.alerts("intrusion_logs")).extracting(Alert::message).containsExactly(
                "A certificate failed validation: {\"reason\":\"untrusted root\"}",
                "A key's integrity was violated: {\"alias\":\"k\",\"uid\":1000}",
                "A CA certificate was installed, which lets its holder read encrypted traffic: "
                        + "{\"subject\":\"CN=Intercept\",\"success\":true}",
                "Wiping the device or a user's data failed: {}",
                "The cryptographic self-test failed: {\"success\":false}",
                "The cryptographic self-test failed: 0");
    }

    /** A zip in the folder is read in place: its logs, a zip inside it, duplicates dropped, hostile names noted. */
    @Test
    void readsLogsZippedInTheFolderAsAStream() throws Exception {
        String connect = "{\"connect_event\": {\"event_time\": 1700000001000, \"ip_address\": \"/198.51.100.9\","
                + " \"port\": 443, \"package_name\": \"com.example.spy\"}}";
        String escaped = "{\"dns_event\": {\"event_time\": 1700000005000, \"hostname\": \"escaped.example\"}}";
        String inner = "{\"dns_event\": {\"event_time\": 1700000006000, \"hostname\": \"inner.example\"}}";
        byte[] innerZip = AndroidArchives.zip(AndroidArchives.entries("deep/2024-05-04.txt", inner));
        byte[] outer = AndroidArchives.zip(AndroidArchives.entries("device/", null,
                "device/2024-05-01.txt", DNS_REORDERED, "device/2024-05-02.txt", connect, "../escape.txt", escaped,
                "/etc/abs.txt", escaped, "notes.md", escaped, "nested.zip", innerZip));
        AndroidScan scan = scan("intrusion_logs/2024-05-01.txt", DNS, "intrusion_logs/export.zip", outer);
        List<IntrusionEvent> events = scan.entries("intrusion_logs");
        assertThat(events).extracting(IntrusionEvent::file, IntrusionEvent::type).containsExactly(
                tuple("@androidqf/intrusion_logs/2024-05-01.txt", "dns_event"),
                tuple("@androidqf/intrusion_logs/export.zip!device/2024-05-02.txt", "connect_event"),
                tuple("@androidqf/intrusion_logs/export.zip!nested.zip!deep/2024-05-04.txt", "dns_event"));
        assertThat(events.get(2).host()).isEqualTo("inner.example");
        assertThat(scan.outcome("intrusion_logs").notes()).containsExactly(
                "skipped the entry @androidqf/intrusion_logs/export.zip!../escape.txt:"
                        + " a path that climbs out of the archive",
                "skipped the entry @androidqf/intrusion_logs/export.zip!/etc/abs.txt: an absolute path");
        assertThat(scan.outcome("intrusion_logs").failures()).isEmpty();
    }

    /** A zip that is cut short or no zip at all fails the artifact with its reason; the other logs are read. */
    @Test
    void aBrokenZipFailsWithItsReasonAfterTheOtherLogs() throws Exception {
        byte[] whole = AndroidArchives.zip(AndroidArchives.entries("a.txt", DNS));
        AndroidScan scan = scan("intrusion_logs/2024-05-01.txt", DNS, "intrusion_logs/cut.zip",
                Arrays.copyOf(whole, 40), "intrusion_logs/text.zip", "not a zip");
        assertThat(scan.<IntrusionEvent>entries("intrusion_logs")).singleElement()
                .extracting(IntrusionEvent::host).isEqualTo("c2.example.net");
        assertThat(scan.outcome("intrusion_logs").status()).isEqualTo(ArtifactOutcome.Status.FAILED);
        assertThat(scan.outcome("intrusion_logs").failures()).singleElement()
                .satisfies(f -> assertThat(f.reason()).isNotBlank());
    }

    /** A zip bomb among the logs is a clear failure once its bound is read, not an exhausted memory. */
    @Test
    void aZipBombFailsAtItsBound() throws Exception {
        byte[] lines = new byte[Limits.MAX_IN_MEMORY_BYTES + 1024];
        Arrays.fill(lines, (byte) ' ');
        for (int i = 1023; i < lines.length; i += 1024) {
            lines[i] = '\n';
        }
        AndroidScan scan = scan("intrusion_logs/bomb.zip", AndroidArchives.zip(AndroidArchives.entries("a.txt", lines)),
                "intrusion_logs/2024-05-01.txt", DNS);
        assertThat(scan.<IntrusionEvent>entries("intrusion_logs")).hasSize(1);
        assertThat(scan.outcome("intrusion_logs").failures()).singleElement()
                .satisfies(f -> assertThat(f.reason()).contains("bomb.zip!a.txt").contains("zip bomb"));
    }
}
