package org.bridle.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import org.bridle.testkit.BackupBuilder;
import org.bridle.testkit.ios.DataUsageDatabase;
import org.bridle.testkit.ios.SafariHistoryDatabase;
import org.bridle.testkit.ios.SmsDatabase;

/**
 * Writes a synthetic iOS backup with the test kit, and a STIX file of generated domain indicators, with planted
 * traces: an SMS linking to a sub-domain of a generated indicator, an SMS linking to a domain of the built-in
 * indicators, a Safari visit of a generated indicator domain and network usage by a process indicator. The same
 * sizes always give the same backup.
 */
final class SyntheticBackup {
    /** A domain of the built-in indicators (Amnesty's Pegasus list). */
    static final String BUILTIN_DOMAIN = "weather4free.com";
    static final String SPY_PROCESS = "benchspyd";

    private static final Instant START = Instant.parse("2023-01-01T00:00:00Z");

    private final int files;
    private final int fileBytes;
    private final int messages;
    private final int visits;
    private final int indicators;

    SyntheticBackup(int files, int fileBytes, int messages, int visits, int indicators) {
        this.files = files;
        this.fileBytes = fileBytes;
        this.messages = messages;
        this.visits = visits;
        this.indicators = indicators;
    }

    /** The strings alerts.json must contain when every planted trace is found. */
    List<String> plantedTraces() {
        List<String> domains = generatedDomains(indicators);
        return List.of("https://login." + domains.get(0) + "/track", "https://" + BUILTIN_DOMAIN + "/x",
                "https://" + domains.get(domains.size() - 1) + "/landing", SPY_PROCESS);
    }

    /** Writes the indicators to {@code stix} and the backup into {@code folder}. */
    void write(Path stix, Path folder) throws IOException {
        List<String> domains = generatedDomains(indicators);
        Files.writeString(stix, stix(domains), StandardCharsets.UTF_8);
        List<String> traces = plantedTraces();
        BackupBuilder builder = new BackupBuilder(folder);
        builder.file("HomeDomain", "Library/SMS/sms.db", sms(traces));
        builder.file(SafariHistoryDatabase.DOMAIN, SafariHistoryDatabase.RELATIVE_PATH, safari(traces.get(2)));
        builder.file("WirelessDomain", "Library/Databases/DataUsage.sqlite", usage());
        byte[] content = new byte[fileBytes];
        for (int i = 0; i < files; i++) {
            byte[] label = ("file " + i + "\n").getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(label, 0, content, 0, Math.min(label.length, content.length));
            builder.file("AppDomain-com.example.app" + (i % 200), "Documents/f" + (i % 97) + "/file" + i + ".dat",
                    content.clone());
        }
        builder.build();
    }

    private byte[] sms(List<String> traces) {
        SmsDatabase sms = SmsDatabase.create().handle(1, "+15555550123", "SMS");
        for (int i = 1; i <= messages; i++) {
            String text;
            if (i == messages / 2) {
                text = "Your parcel is waiting: " + traces.get(0);
            } else if (i == messages / 3) {
                text = "Weather alert " + traces.get(1);
            } else {
                text = "Message " + i + ": see https://news" + (i % 500) + ".example.org/story/" + i + " later";
            }
            sms.received(i, 1, text, START.plusSeconds(i * 60L), null);
        }
        return sms.bytes();
    }

    private byte[] safari(String planted) {
        SafariHistoryDatabase safari = SafariHistoryDatabase.recent();
        for (int i = 1; i <= visits; i++) {
            String url = i == visits / 2 ? planted : "https://site" + (i % 5000) + ".example.com/page/" + i;
            safari.visit(i, url, START.plusSeconds(i * 30L), "Page " + i);
        }
        return safari.bytes();
    }

    private static byte[] usage() {
        DataUsageDatabase usage = DataUsageDatabase.create();
        for (int i = 1; i <= 200; i++) {
            String name = i == 100 ? SPY_PROCESS : "process" + i;
            usage.process(i, name, "com.example.app" + i, START, START.plusSeconds(i))
                    .liveUsage(i, i, START.plusSeconds(i), 1000, 100, 0, 0);
        }
        return usage.bytes();
    }

    private static List<String> generatedDomains(int count) {
        GeneratedNames names = new GeneratedNames(6);
        LinkedHashSet<String> domains = new LinkedHashSet<>();
        while (domains.size() < count) {
            domains.add(names.domain());
        }
        return List.copyOf(domains);
    }

    private static String stix(List<String> domains) {
        StringBuilder s = new StringBuilder("{\"type\":\"bundle\",\"id\":\"bundle--00000000-0000-4000-8000-"
                + "000000000000\",\"objects\":[{\"type\":\"malware\",\"spec_version\":\"2.1\",\"id\":\"malware--"
                + "00000000-0000-4000-8000-000000000000\",\"name\":\"BenchSpy\",\"is_family\":true}");
        for (int i = 0; i <= domains.size(); i++) {
            String pattern = i < domains.size() ? "[domain-name:value='" + domains.get(i) + "']"
                    : "[process:name='" + SPY_PROCESS + "']";
            String id = String.format("00000000-0000-4000-8000-%012d", i + 1);
            s.append(",\n{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--").append(id)
                    .append("\",\"pattern\":\"").append(pattern).append("\",\"pattern_type\":\"stix\"}")
                    .append(",\n{\"type\":\"relationship\",\"spec_version\":\"2.1\",\"id\":\"relationship--")
                    .append(id).append("\",\"relationship_type\":\"indicates\",\"source_ref\":\"indicator--")
                    .append(id).append("\",\"target_ref\":\"malware--00000000-0000-4000-8000-000000000000\"}");
        }
        return s.append("]}\n").toString();
    }
}
