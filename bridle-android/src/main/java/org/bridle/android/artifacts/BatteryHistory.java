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
 * The app events of the battery history ({@code dumpsys batterystats}, {@code Battery History}): each
 * {@code +event=uid:"package[/component]"} or {@code -event=...} that starts or stops a job, a foreground app, a
 * wake lock and the like, with its time offset. The package is checked as an app id.
 */
public final class BatteryHistory implements Artifact<BatteryHistory.Event> {
    private static final Pattern EVENT = Pattern.compile("(?<=\\s)([+-])(\\w+)=(\\w+):\"([^\"]*)\"");

    /** One event; {@code offset} is the time since the history's start, as the dump writes it. */
    public record Event(String offset, String event, boolean start, String uid, String packageName,
                        String component) {
    }

    @Override public String id() { return "battery_history"; }
    @Override public String description() { return "App events of the battery history (dumpsys batterystats)"; }
    @Override public List<DevicePath> locations() { return List.of(DevicePath.of("@dumpsys/batterystats")); }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<Event> out) throws Exception {
        boolean[] inHistory = {false};
        TextLines.forEach(file, line -> {
            if (line.startsWith("Battery History")) {
                inHistory[0] = true;
                return;
            }
            if (!inHistory[0]) {
                return;
            }
            if (line.isBlank()) {
                inHistory[0] = false;
                return;
            }
            String offset = line.strip().split("\\s+")[0];
            Matcher m = EVENT.matcher(line);
            while (m.find()) {
                String target = m.group(4);
                int slash = target.indexOf('/');
                String packageName = slash < 0 ? target : target.substring(0, slash);
                String component = slash < 0 ? null : target.substring(slash + 1);
                out.entry(new Event(offset, m.group(2), m.group(1).equals("+"), m.group(3), packageName, component));
            }
        });
    }

    @Override
    public List<Observable> observables(Event e) {
        return List.of(Observable.appId(e.packageName()));
    }
}
