package org.bridle.ios.artifacts;

import java.util.List;
import java.util.Map;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.io.PlistValues;
import org.bridle.core.io.Plists;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * {@code system_version}: the iOS version a filesystem dump was taken from, from the system's SystemVersion.plist
 * (a backup gives it in {@code backup_info}). An iOS version older than the newest known release of its line gets a
 * note (see {@link IosVersions}).
 */
public final class SystemVersion implements Artifact<SystemVersion.Version> {

    /**
     * The installed system; absent keys are null.
     *
     * @param productName {@code iPhone OS}
     * @param productVersion the iOS version
     * @param productBuildVersion the iOS build
     */
    public record Version(String productName, String productVersion, String productBuildVersion) {
    }

    @Override
    public String id() {
        return "system_version";
    }

    @Override
    public String description() {
        return "The iOS version and build of a filesystem dump, from SystemVersion.plist";
    }

    @Override
    public List<DevicePath> locations() {
        return List.of(DevicePath.of("System/Library/CoreServices/SystemVersion.plist"));
    }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<Version> out) throws Exception {
        Map<String, Object> plist = Plists.parseMap(file.readAllBytes());
        Version version = new Version(PlistValues.string(plist, "ProductName"),
                PlistValues.string(plist, "ProductVersion"), PlistValues.string(plist, "ProductBuildVersion"));
        out.entry(version);
        IosVersions.outdatedNote(version.productVersion()).ifPresent(out::note);
    }
}
