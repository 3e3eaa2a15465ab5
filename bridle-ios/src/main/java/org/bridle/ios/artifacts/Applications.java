package org.bridle.ios.artifacts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.Finding;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.io.PlistValues;
import org.bridle.core.io.Plists;
import org.bridle.core.model.Observable;
import org.bridle.core.model.Severity;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * {@code applications}: the apps the owner installed. A backup lists them in its Info.plist ({@code Applications}
 * with each app's {@code iTunesMetadata}, and the bundle ids of {@code Installed Applications}); a filesystem dump
 * holds each app's bundle under {@code private/var/containers/Bundle/Application/<UUID>/}, with the
 * {@code iTunesMetadata.plist} the App Store writes beside it. An app installed by something other than the App
 * Store or device management (a sideloading tool, TestFlight, an enterprise installer) is flagged, and so, on a dump,
 * is an app with no App Store metadata at all.
 */
public final class Applications implements Artifact<Applications.App> {
    private static final String BUNDLES = "private/var/containers/Bundle/Application/";
    private static final Set<String> STORE_INSTALLERS = Set.of("com.apple.AppStore",
            "com.apple.AppStore.ProductPageExtension", "com.apple.dmd", "dmd");

    /**
     * One installed app; what the evidence does not say is null.
     *
     * @param softwareVersionBundleId the bundle id
     * @param name the app's name
     * @param bundleShortVersionString its version
     * @param artistName its publisher
     * @param sourceApp the bundle id of what installed it ({@code com.apple.AppStore}, …)
     * @param itemId its App Store id
     * @param isodate when it was bought or downloaded
     * @param executable the name of its main executable (dumps only)
     * @param bundlePath the device path of its bundle (dumps only)
     * @param hasItunesMetadata whether the App Store's metadata was found for it
     */
    public record App(String softwareVersionBundleId, String name, String bundleShortVersionString,
                      String artistName, String sourceApp, Long itemId, Instant isodate, String executable,
                      String bundlePath, boolean hasItunesMetadata) {
    }

    @Override
    public String id() {
        return "applications";
    }

    @Override
    public String description() {
        return "Installed apps and what installed them, from the backup's Info.plist or the dump's app bundles";
    }

    @Override
    public List<DevicePath> locations() {
        return List.of(DevicePath.of("@backup/Info.plist"), DevicePath.of(BUNDLES + "*/*.app/Info.plist"));
    }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<App> out) throws Exception {
        if (file.devicePath().startsWith("@backup/")) {
            fromBackupInfo(Plists.parseMap(file.readAllBytes()), out);
        } else {
            fromBundle(file, context, out);
        }
    }

    private static void fromBackupInfo(Map<String, Object> info, Emitter<App> out) throws Exception {
        Map<String, Object> applications = PlistValues.dictionary(info, "Applications");
        Set<String> seen = new LinkedHashSet<>();
        for (String bundleId : applications.keySet()) {
            Object metadata = PlistValues.dictionary(applications, bundleId).get("iTunesMetadata");
            Map<String, Object> itunes = metadata instanceof byte[] bytes ? Plists.parseMap(bytes) : Map.of();
            emit(app(bundleId, itunes, Map.of(), null), out);
            seen.add(bundleId);
        }
        for (Object bundleId : PlistValues.list(info, "Installed Applications")) {
            if (bundleId instanceof String id && seen.add(id)) {
                out.entry(app(id, Map.of(), Map.of(), null));
            }
        }
    }

    private static void fromBundle(EvidenceFile file, ParseContext context, Emitter<App> out) throws Exception {
        Map<String, Object> bundle = Plists.parseMap(file.readAllBytes());
        String bundlePath = file.devicePath().substring(0, file.devicePath().lastIndexOf('/'));
        String container = bundlePath.substring(0, bundlePath.lastIndexOf('/'));
        List<EvidenceFile> metadata = context.source().resolve(DevicePath.of(container + "/iTunesMetadata.plist"))
                .stream().filter(EvidenceFile::present).toList();
        if (!metadata.isEmpty()) {
            emit(app(null, Plists.parseMap(metadata.get(0).readAllBytes()), bundle, bundlePath), out);
            return;
        }
        App app = app(null, Map.of(), bundle, bundlePath);
        out.entry(app, new Finding(Severity.MEDIUM, "App " + app.softwareVersionBundleId() + " has no App Store "
                + "metadata: it was not installed from the App Store (sideloaded, enterprise or developer build)",
                null));
    }

    /**
     * An app from its App Store metadata and (on a dump) its bundle's Info.plist, either of which may be empty;
     * {@code listedId} is the id the backup lists it under.
     */
    private static App app(String listedId, Map<String, Object> itunes, Map<String, Object> bundle,
                           String bundlePath) {
        Map<String, Object> download = PlistValues.dictionary(itunes, "com.apple.iTunesStore.downloadInfo");
        Object purchased = download.containsKey("purchaseDate") ? download.get("purchaseDate")
                : itunes.get("purchaseDate");
        return new App(first(PlistValues.string(itunes, "softwareVersionBundleId"),
                        PlistValues.string(bundle, "CFBundleIdentifier"), listedId),
                first(PlistValues.string(itunes, "itemName"), PlistValues.string(bundle, "CFBundleDisplayName"),
                        PlistValues.string(bundle, "CFBundleName")),
                first(PlistValues.string(itunes, "bundleShortVersionString"),
                        PlistValues.string(bundle, "CFBundleShortVersionString"), null),
                PlistValues.string(itunes, "artistName"), PlistValues.string(itunes, "sourceApp"),
                PlistValues.number(itunes, "itemId"), time(purchased), PlistValues.string(bundle, "CFBundleExecutable"),
                bundlePath, !itunes.isEmpty());
    }

    private static String first(String a, String b, String c) {
        return a != null ? a : b != null ? b : c;
    }

    /** A purchase date: a plist date, or ISO-8601 text as the App Store writes it. */
    private static Instant time(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof String text) {
            try {
                return Instant.parse(text);
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    private static void emit(App app, Emitter<App> out) {
        if (app.sourceApp() != null && !STORE_INSTALLERS.contains(app.sourceApp())) {
            out.entry(app, new Finding(Severity.MEDIUM, "App " + app.softwareVersionBundleId() + " was installed by "
                    + app.sourceApp() + ", not the App Store or device management", app.isodate()));
        } else {
            out.entry(app);
        }
    }

    @Override
    public List<Observable> observables(App app) {
        List<Observable> observables = new ArrayList<>();
        if (app.softwareVersionBundleId() != null) {
            observables.add(Observable.appId(app.softwareVersionBundleId()));
            observables.add(Observable.process(app.softwareVersionBundleId()));
        }
        if (app.executable() != null && !app.executable().equals(app.softwareVersionBundleId())) {
            observables.add(Observable.process(app.executable()));
        }
        return observables;
    }

    @Override
    public List<TimelineEvent> timeline(App app) {
        if (app.isodate() == null) {
            return List.of();
        }
        return List.of(new TimelineEvent(app.isodate(), id(), "app_installed", "App " + app.name() + " ("
                + app.softwareVersionBundleId() + ") version " + app.bundleShortVersionString() + " from "
                + app.artistName() + " installed from " + app.sourceApp()));
    }
}
