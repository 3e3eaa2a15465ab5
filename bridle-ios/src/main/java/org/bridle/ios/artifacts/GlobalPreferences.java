package org.bridle.ios.artifacts;

import java.util.List;
import java.util.Map;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.Finding;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.io.Plists;
import org.bridle.core.model.Severity;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * {@code global_preferences}: the system-wide preferences of .GlobalPreferences.plist, one entry per key. Whether
 * Lockdown Mode is on ({@code LDMGlobalEnabled}) is reported: on as information, off as a low alert, since the
 * mode blocks the attack surface mercenary spyware has used. iOS records the key only once the mode was turned on.
 */
public final class GlobalPreferences implements Artifact<GlobalPreferences.Preference> {
    private static final String LOCKDOWN_MODE = "LDMGlobalEnabled";

    /**
     * One preference.
     *
     * @param entry its key
     * @param value its value: a string, number, boolean, time, bytes, list or map
     */
    public record Preference(String entry, Object value) {
    }

    @Override
    public String id() {
        return "global_preferences";
    }

    @Override
    public String description() {
        return "System-wide preferences, with whether Lockdown Mode is on, from .GlobalPreferences.plist";
    }

    @Override
    public List<DevicePath> locations() {
        return List.of(DevicePath.of("private/var/mobile/Library/Preferences/.GlobalPreferences.plist"));
    }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<Preference> out) throws Exception {
        Map<String, Object> preferences = Plists.parseMap(file.readAllBytes());
        for (Map.Entry<String, Object> e : preferences.entrySet()) {
            Preference preference = new Preference(e.getKey(), e.getValue());
            if (!LOCKDOWN_MODE.equals(e.getKey())) {
                out.entry(preference);
            } else if (Boolean.TRUE.equals(e.getValue())) {
                out.entry(preference, new Finding(Severity.INFORMATIONAL, "Lockdown Mode is enabled", null));
            } else {
                out.entry(preference, new Finding(Severity.LOW, "Lockdown Mode is disabled", null));
            }
        }
        if (!preferences.containsKey(LOCKDOWN_MODE)) {
            out.note("No " + LOCKDOWN_MODE + " key: Lockdown Mode was never turned on (or iOS is older than 16)");
        }
    }
}
