package org.bridle.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.bridle.testkit.BackupBuilder;
import org.bridle.testkit.ios.BackupEncryption;
import org.bridle.testkit.ios.DataUsageDatabase;
import org.bridle.testkit.ios.SafariHistoryDatabase;
import org.bridle.testkit.ios.SmsDatabase;
import org.bridle.testkit.ios.TccDatabase;

/**
 * The evidence the command-line tests check: an ordinary backup written with the testkit (real SQLite databases and
 * property lists), optionally with planted traces, and a small STIX file whose indicators those traces match.
 */
final class Evidence {
    /** A domain of the test indicators; the planted SMS links to a sub-domain of it. */
    static final String SPY_DOMAIN = "spyrelay.example";
    /** A process name of the test indicators; the planted network usage is by this process. */
    static final String SPY_PROCESS = "bridletestd";
    /** The family the test indicators indicate. */
    static final String FAMILY = "TestSpy";
    /** The name of the test indicator file. */
    static final String STIX_FILE = "testspy.stix2";
    /** The link of the planted SMS: a sub-domain of {@link #SPY_DOMAIN}. */
    static final String SPY_LINK = "https://c4." + SPY_DOMAIN + "/r/8bN2x";
    /** The start of Apple's threat notification. */
    static final String THREAT_NOTIFICATION =
            "ALERT: Apple detected a targeted mercenary spyware attack against your iPhone.";

    static final Instant DAY = Instant.parse("2022-03-01T08:00:00Z");

    /** The traces that can be planted. */
    enum Trace {
        /** An SMS with a link whose host is a sub-domain of an indicator domain. */
        SMS_LINK_TO_INDICATOR_SUBDOMAIN,
        /** Network usage (DataUsage.sqlite) by a process named as a process indicator. */
        DATAUSAGE_INDICATOR_PROCESS,
        /** Apple's threat notification received by SMS. */
        APPLE_THREAT_NOTIFICATION
    }

    private Evidence() {
    }

    /** Writes a backup with no traces into {@code folder}. */
    static Path cleanBackup(Path folder) {
        return backup(folder, EnumSet.noneOf(Trace.class)).build();
    }

    /** Writes a backup with every trace into {@code folder}. */
    static Path backupWithTraces(Path folder) {
        return backup(folder, EnumSet.allOf(Trace.class)).build();
    }

    /**
     * A builder holding an ordinary phone's SMS, network usage, Safari history and permissions (with near misses of
     * the test indicators that must not match), plus the given traces; add files or call {@code build()}.
     */
    static BackupBuilder backup(Path folder, Set<Trace> traces) {
        return backup(new BackupBuilder(folder), traces);
    }

    /** The backup with every trace, encrypted. */
    static Path encryptedBackupWithTraces(Path folder, BackupEncryption encryption) {
        return backup(new BackupBuilder(folder).encryptedWith(encryption), EnumSet.allOf(Trace.class)).build();
    }

    private static BackupBuilder backup(BackupBuilder builder, Set<Trace> traces) {
        SmsDatabase sms = SmsDatabase.create()
                .handle(1, "+15555550123", "SMS")
                .handle(2, "+15555550188", "iMessage")
                .received(1, 1, "Are we still on for lunch? Menu: https://www.example.org/menu", DAY,
                        DAY.plusSeconds(60))
                .message(2, 1, true, "Yes, see you at noon", null, DAY.plusSeconds(120), null)
                .received(3, 2, "Forecast: https://" + SPY_DOMAIN + ".weather.example.net/today and "
                        + "https://not" + SPY_DOMAIN + "/", DAY.plusSeconds(600), DAY.plusSeconds(660));
        if (traces.contains(Trace.SMS_LINK_TO_INDICATOR_SUBDOMAIN)) {
            sms.received(4, 2, "Your parcel is waiting, confirm delivery: " + SPY_LINK, DAY.plusSeconds(3600),
                    DAY.plusSeconds(3700));
        }
        if (traces.contains(Trace.APPLE_THREAT_NOTIFICATION)) {
            sms.received(5, 1, THREAT_NOTIFICATION + " This attack is likely targeting you specifically.",
                    DAY.plusSeconds(86_400), null);
        }
        DataUsageDatabase dataUsage = DataUsageDatabase.create()
                .process(1, "com.apple.WebKit.Networking", "com.apple.mobilesafari", DAY, DAY.plusSeconds(600))
                .process(2, "itunesstored", "com.apple.itunesstored", DAY, DAY.plusSeconds(900))
                .liveUsage(1, 1, DAY.plusSeconds(600), 120_000, 8_000, 0, 0)
                .liveUsage(2, 2, DAY.plusSeconds(900), 50_000, 2_000, 0, 0);
        if (traces.contains(Trace.DATAUSAGE_INDICATOR_PROCESS)) {
            dataUsage.process(3, SPY_PROCESS, null, DAY.plusSeconds(3650), DAY.plusSeconds(3660))
                    .liveUsage(3, 3, DAY.plusSeconds(3660), 0, 0, 4_000, 900_000);
        }
        byte[] safari = SafariHistoryDatabase.recent()
                .visit(1, "https://www.example.org/menu", DAY.plusSeconds(130), "Menu")
                .visit(2, "https://en.wikipedia.org/wiki/Bridle", DAY.plusSeconds(200), "Bridle - Wikipedia")
                .bytes();
        byte[] tcc = TccDatabase.create()
                .access("kTCCServiceCamera", "com.apple.camera", TccDatabase.BUNDLE_ID, 2, 2, DAY)
                .bytes();
        return builder
                .time(DAY)
                .file("HomeDomain", "Library/SMS/sms.db", sms.bytes())
                .file("WirelessDomain", "Library/Databases/DataUsage.sqlite", dataUsage.bytes())
                .file(SafariHistoryDatabase.DOMAIN, SafariHistoryDatabase.RELATIVE_PATH, safari)
                .file("HomeDomain", "Library/TCC/TCC.db", tcc);
    }

    /** The content file of a backup file, at {@code <xx>/<fileID>}. */
    static Path contentFile(Path backup, String domain, String relativePath) {
        String id = BackupBuilder.fileId(domain, relativePath);
        return backup.resolve(id.substring(0, 2)).resolve(id);
    }

    /** The content file of the backup's sms.db. */
    static Path smsDb(Path backup) {
        return contentFile(backup, "HomeDomain", "Library/SMS/sms.db");
    }

    /** How many regular files the folder holds, at any depth. */
    static long fileCount(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a STIX 2.1 bundle with the indicators of family {@link #FAMILY}: the domain {@link #SPY_DOMAIN} and the
     * process {@link #SPY_PROCESS}.
     */
    static Path indicators(Path folder) {
        return stix(folder, STIX_FILE, FAMILY, SPY_DOMAIN, SPY_PROCESS);
    }

    /** Writes a STIX 2.1 bundle with one malware family, one domain and one process indicator. */
    static Path stix(Path folder, String fileName, String family, String domain, String process) {
        String json = """
                {"type": "bundle", "id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d", "objects": [
                  {"type": "malware", "spec_version": "2.1", "id": "malware--7a7e0b3e-3e4c-4a8e-9d5e-000000000001",
                   "name": "%1$s", "is_family": false},
                  {"type": "indicator", "spec_version": "2.1", "id": "indicator--00000000-0000-4000-8000-000000000001",
                   "pattern": "[domain-name:value='%2$s']", "pattern_type": "stix"},
                  {"type": "indicator", "spec_version": "2.1", "id": "indicator--00000000-0000-4000-8000-000000000002",
                   "pattern": "[process:name='%3$s']", "pattern_type": "stix"},
                  {"type": "relationship", "spec_version": "2.1", "id": "relationship--00000000-0000-4000-8000-000000000001",
                   "relationship_type": "indicates",
                   "source_ref": "indicator--00000000-0000-4000-8000-000000000001",
                   "target_ref": "malware--7a7e0b3e-3e4c-4a8e-9d5e-000000000001"},
                  {"type": "relationship", "spec_version": "2.1", "id": "relationship--00000000-0000-4000-8000-000000000002",
                   "relationship_type": "indicates",
                   "source_ref": "indicator--00000000-0000-4000-8000-000000000002",
                   "target_ref": "malware--7a7e0b3e-3e4c-4a8e-9d5e-000000000001"}
                ]}
                """.formatted(family, domain, process);
        try {
            Files.createDirectories(folder);
            return Files.writeString(folder.resolve(fileName), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
