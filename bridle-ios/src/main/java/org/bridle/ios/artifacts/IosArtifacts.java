package org.bridle.ios.artifacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bridle.core.artifact.Artifact;

/** The iOS artifacts, in report order. */
public final class IosArtifacts {
    /** The artifacts that read the backup's own files, which a filesystem dump does not have. */
    private static final Set<String> BACKUP_ONLY = Set.of("backup_info", "manifest");

    private IosArtifacts() {
    }

    /** The artifacts that can be found in an iOS backup. */
    public static List<Artifact<?>> forBackup() {
        return List.of(
                new BackupInfo(),
                new Manifest(),
                new Sms(),
                new SmsAttachments(),
                new SafariHistory(),
                new SafariBrowserState(),
                new WebkitResourceLoadStatistics(),
                new WebkitSessionResourceLog(),
                new ChromeHistory(),
                new ChromeFavicon(),
                new FirefoxHistory(),
                new FirefoxFavicon(),
                new DataUsage(),
                new Tcc(),
                new IdStatusCache(),
                new OsAnalyticsAdDaily(),
                new LocationdClients(),
                new ConfigurationProfiles(),
                new ProfileEvents(),
                new Whatsapp(),
                new WhatsappContacts(),
                new Calendar(),
                new GlobalPreferences(),
                new InteractionC(),
                new Calls(),
                new Contacts(),
                new Shortcuts(),
                new Applications());
    }

    /** The artifacts that only a filesystem dump holds (no backup has their files). */
    public static List<Artifact<?>> dumpOnly() {
        return List.of(
                new CacheFiles(),
                new SafariFavicon(),
                new WebKitIndexedDb(),
                new WebKitLocalStorage(),
                new WebKitSafariViewService(),
                new Analytics(),
                new AnalyticsIosVersions(),
                new IosVersionHistory(),
                new Filesystem(),
                DataUsage.netusage(),
                new ShutdownLog(),
                new SystemVersion());
    }

    /** The artifacts that can be found in a filesystem dump: those of a backup but the backup's own, then the rest. */
    public static List<Artifact<?>> forFilesystem() {
        List<Artifact<?>> all = new ArrayList<>();
        for (Artifact<?> artifact : forBackup()) {
            if (!BACKUP_ONLY.contains(artifact.id())) {
                all.add(artifact);
            }
        }
        all.addAll(dumpOnly());
        return List.copyOf(all);
    }
}
