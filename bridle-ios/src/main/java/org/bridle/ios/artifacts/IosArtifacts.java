package org.bridle.ios.artifacts;

import java.util.List;
import org.bridle.core.artifact.Artifact;

/** The iOS artifacts, in report order. */
public final class IosArtifacts {
    private IosArtifacts() {
    }

    /** The artifacts that can be found in an iOS backup. */
    public static List<Artifact<?>> forBackup() {
        return List.of(
                new BackupInfo(),
                new Manifest(),
                new Sms(),
                new SafariHistory(),
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
                new SystemVersion());
    }
}
