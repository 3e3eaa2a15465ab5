package org.bridle.android.artifacts;

import java.util.List;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.model.Observable;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * Apps that were installed once and may since have been removed, from {@code dumpsys platform_compat}: the
 * packages of the {@code rawOverrides} of the {@code DOWNSCALED} change (id 168419799), which Android keeps after
 * an uninstall. Each is checked as an app id.
 */
public final class PlatformCompat implements Artifact<PlatformCompat.UninstalledApp> {
    private static final String CHANGE = "ChangeId(168419799; name=DOWNSCALED;";
    private static final String RAW = "rawOverrides={";

    /** One package named by the overrides. */
    public record UninstalledApp(String packageName) {
    }

    @Override public String id() { return "platform_compat"; }
    @Override public String description() { return "Apps kept in compatibility overrides (dumpsys platform_compat)"; }
    @Override public List<DevicePath> locations() { return List.of(DevicePath.of("@dumpsys/platform_compat")); }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<UninstalledApp> out) throws Exception {
        TextLines.forEach(file, line -> {
            int raw = line.indexOf(RAW);
            if (!line.startsWith(CHANGE) || raw < 0) {
                return;
            }
            int end = line.indexOf('}', raw);
            String overrides = line.substring(raw + RAW.length(), end < 0 ? line.length() : end);
            for (String entry : overrides.split(",")) {
                String name = entry.split("=")[0].strip();
                if (!name.isEmpty()) {
                    out.entry(new UninstalledApp(name));
                }
            }
        });
    }

    @Override
    public List<Observable> observables(UninstalledApp app) {
        return List.of(Observable.appId(app.packageName()));
    }
}
