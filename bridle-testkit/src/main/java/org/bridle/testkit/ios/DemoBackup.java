package org.bridle.testkit.ios;

import java.nio.file.Path;
import java.time.Instant;
import org.bridle.testkit.BackupBuilder;

/**
 * A small synthetic iPhone backup with planted traces, for {@code bridle demo}: what a finding looks like before
 * anyone checks a real phone. Nothing in it belongs to a person. The traces:
 * <ul>
 *   <li>an SMS with a link to a sub-domain of {@value #PEGASUS_DOMAIN}, a domain of Amnesty's published Pegasus
 *       indicators;</li>
 *   <li>an SMS that starts with Apple's threat notification;</li>
 *   <li>network usage by the process {@value #PEGASUS_PROCESS}, a Pegasus process name of the same indicators;</li>
 *   <li>a network-usage record whose process record was deleted;</li>
 * </ul>
 * and ordinary data around them, with near misses (a look-alike domain that is not the indicator) that must not alert.
 */
public final class DemoBackup {
    /** A domain from the Pegasus indicators that the planted SMS links to (under a sub-domain). */
    public static final String PEGASUS_DOMAIN = "weather4free.com";
    /** A process name from the Pegasus indicators that appears in the planted network usage. */
    public static final String PEGASUS_PROCESS = "fservernetd";

    private DemoBackup() {
    }

    /** Writes the backup into {@code folder} and returns it. */
    public static Path write(Path folder) {
        return write(new BackupBuilder(folder));
    }

    /** Writes the same backup, encrypted, into {@code folder} and returns it. */
    public static Path writeEncrypted(Path folder, BackupEncryption encryption) {
        return write(new BackupBuilder(folder).encryptedWith(encryption));
    }

    private static Path write(BackupBuilder builder) {
        Instant day = Instant.parse("2021-07-02T09:00:00Z");
        byte[] sms = SmsDatabase.create()
                .handle(1, "+15555550123", "SMS")
                .handle(2, "+15555550188", "SMS")
                .received(1, 1, "Are we still on for lunch? Menu: https://www.example.org/menu", day, day.plusSeconds(60))
                .received(2, 2, "Your parcel is waiting, confirm delivery: https://c4." + PEGASUS_DOMAIN
                        + "/r/8bN2x", day.plusSeconds(3600), day.plusSeconds(3700))
                .received(3, 2, "Weather for the weekend: https://" + PEGASUS_DOMAIN + ".forecast.example.net/today",
                        day.plusSeconds(7200), null)
                .received(4, 1, "ALERT: Apple detected a targeted mercenary spyware attack against your iPhone.",
                        day.plusSeconds(86_400), day.plusSeconds(86_500))
                .bytes();
        byte[] dataUsage = DataUsageDatabase.create()
                .process(1, "com.apple.WebKit.Networking", "com.apple.mobilesafari", day, day.plusSeconds(600))
                .process(2, PEGASUS_PROCESS, null, day.plusSeconds(3650), day.plusSeconds(3660))
                .process(3, "itunesstored", "com.apple.itunesstored", day, day.plusSeconds(900))
                .liveUsage(1, 1, day.plusSeconds(600), 120_000, 8_000, 0, 0)
                .liveUsage(2, 2, day.plusSeconds(3660), 0, 0, 4_000, 900_000)
                .liveUsage(3, 3, day.plusSeconds(900), 50_000, 2_000, 0, 0)
                .liveUsage(4, 9, day.plusSeconds(3700), 0, 0, 1_000, 350_000)
                .bytes();
        byte[] safari = SafariHistoryDatabase.recent()
                .visit(1, "https://www.example.org/menu", day.plusSeconds(120), "Menu")
                .visit(2, "https://en.wikipedia.org/wiki/Pegasus", day.plusSeconds(200), "Pegasus - Wikipedia")
                .bytes();
        byte[] tcc = TccDatabase.create()
                .access("kTCCServiceCamera", "com.apple.camera", TccDatabase.BUNDLE_ID, 2, 2, day)
                .access("kTCCServicePhotos", "com.example.notes", TccDatabase.BUNDLE_ID, 2, 2, day)
                .bytes();
        return builder
                .info("Device Name", "Demo iPhone (synthetic)")
                .info("Product Type", "iPhone12,1")
                .info("Product Version", "14.6")
                .info("Build Version", "18F72")
                .info("Last Backup Date", day.plusSeconds(2 * 86_400))
                .time(day)
                .file("HomeDomain", "Library/SMS/sms.db", sms)
                .file("WirelessDomain", "Library/Databases/DataUsage.sqlite", dataUsage)
                .file(SafariHistoryDatabase.DOMAIN, SafariHistoryDatabase.RELATIVE_PATH, safari)
                .file("HomeDomain", "Library/TCC/TCC.db", tcc)
                .build();
    }
}
