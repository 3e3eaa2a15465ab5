package org.bridle.android.artifacts;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.model.Observable;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * The accessibility services ({@code dumpsys accessibility}), which can read the screen and act for the user:
 * the {@code installed services: { N : package/service }} list of older Android, or the
 * {@code Enabled services:{{package/service}, ...}} line of Android 14 and later. Package names are checked as app
 * ids.
 */
public final class Accessibility implements Artifact<Accessibility.Service> {
    private static final Pattern INSTALLED = Pattern.compile("^\\s*\\d+ : (\\S+?)/(\\S+)$");
    private static final Pattern ENABLED = Pattern.compile("^\\s*Enabled services:\\{(.*)\\}$");
    private static final Pattern COMPONENT = Pattern.compile("\\{?([\\w.]+)/([\\w.$]+)\\}?");

    /**
     * One accessibility service.
     *
     * @param state {@code installed} (older Android lists the installed services) or {@code enabled}
     */
    public record Service(String packageName, String service, String state) {
    }

    @Override public String id() { return "accessibility"; }
    @Override public String description() { return "Accessibility services (dumpsys accessibility)"; }
    @Override public List<DevicePath> locations() { return List.of(DevicePath.of("@dumpsys/accessibility")); }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<Service> out) throws Exception {
        boolean[] inInstalled = {false};
        TextLines.forEach(file, line -> {
            String s = line.strip();
            if (s.equals("installed services: {")) {
                inInstalled[0] = true;
                return;
            }
            if (inInstalled[0]) {
                Matcher m = INSTALLED.matcher(line);
                if (m.matches()) {
                    out.entry(new Service(m.group(1), m.group(2), "installed"));
                } else if (s.equals("}")) {
                    inInstalled[0] = false;
                }
                return;
            }
            Matcher enabled = ENABLED.matcher(line);
            if (enabled.matches()) {
                Matcher c = COMPONENT.matcher(enabled.group(1));
                while (c.find()) {
                    out.entry(new Service(c.group(1), c.group(2), "enabled"));
                }
            }
        });
    }

    @Override
    public List<Observable> observables(Service s) {
        return List.of(Observable.appId(s.packageName()));
    }
}
