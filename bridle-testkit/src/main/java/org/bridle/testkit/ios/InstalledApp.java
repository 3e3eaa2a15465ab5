package org.bridle.testkit.ios;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bridle.testkit.BackupBuilder;
import org.bridle.testkit.DumpBuilder;
import org.bridle.testkit.PlistFixture;

/**
 * An installed app as the evidence shows it: the App Store's {@code iTunesMetadata.plist} (absent for a sideloaded
 * app) and the bundle's {@code Info.plist}. It goes into a backup's Info.plist ({@code Applications} and
 * {@code Installed Applications}) or into a dump's {@code private/var/containers/Bundle/Application/<UUID>/}.
 *
 * @param bundleId the bundle id
 * @param name the app's name
 * @param executable the main executable's name
 * @param sourceApp what installed it ({@code com.apple.AppStore}, …); null writes metadata without the key
 * @param purchased when it was bought
 * @param fromStore false for an app without App Store metadata
 */
public record InstalledApp(String bundleId, String name, String executable, String sourceApp, Instant purchased,
                           boolean fromStore) {

    /** An app installed by {@code sourceApp} at {@code purchased}. */
    public static InstalledApp installedBy(String bundleId, String name, String sourceApp, Instant purchased) {
        return new InstalledApp(bundleId, name, name.replace(" ", ""), sourceApp, purchased, true);
    }

    /** An app with no App Store metadata (sideloaded, enterprise or developer build). */
    public static InstalledApp sideloaded(String bundleId, String name) {
        return new InstalledApp(bundleId, name, name.replace(" ", ""), null, null, false);
    }

    /** The App Store's iTunesMetadata.plist. */
    public byte[] itunesMetadata() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("softwareVersionBundleId", bundleId);
        metadata.put("itemName", name);
        metadata.put("itemId", 1_000_000_000L + Math.abs(bundleId.hashCode() % 1000));
        metadata.put("artistName", "Example Ltd");
        metadata.put("bundleShortVersionString", "1.2.3");
        if (sourceApp != null) {
            metadata.put("sourceApp", sourceApp);
        }
        metadata.put("com.apple.iTunesStore.downloadInfo",
                Map.of("purchaseDate", purchased.truncatedTo(ChronoUnit.SECONDS).toString()));
        return PlistFixture.xml(metadata);
    }

    /** The bundle's Info.plist. */
    public byte[] infoPlist() {
        return PlistFixture.binary(Map.of("CFBundleIdentifier", bundleId, "CFBundleName", name,
                "CFBundleExecutable", executable, "CFBundleShortVersionString", "1.2.3"));
    }

    /** Lists these apps in a backup's Info.plist, as iTunes and Finder do. */
    public static BackupBuilder addTo(BackupBuilder backup, List<InstalledApp> apps) {
        Map<String, Object> applications = new LinkedHashMap<>();
        for (InstalledApp app : apps) {
            applications.put(app.bundleId(), app.fromStore() ? Map.of("iTunesMetadata", app.itunesMetadata(),
                    "ApplicationSINF", new byte[] {1, 2, 3}) : Map.of("ApplicationSINF", new byte[] {1}));
        }
        return backup.info("Applications", applications)
                .info("Installed Applications", apps.stream().map(InstalledApp::bundleId).toList());
    }

    /** Writes this app's bundle (and metadata, when from the store) into a dump. */
    public DumpBuilder addTo(DumpBuilder dump) {
        String folder = "private/var/containers/Bundle/Application/"
                + new UUID(0xA99L, bundleId.hashCode()).toString().toUpperCase() + "/";
        dump.file(folder + executable + ".app/Info.plist", infoPlist());
        dump.file(folder + executable + ".app/" + executable, new byte[] {(byte) 0xCF, (byte) 0xFA, (byte) 0xED,
            (byte) 0xFE});
        if (fromStore) {
            dump.file(folder + "iTunesMetadata.plist", itunesMetadata());
        }
        return dump;
    }
}
