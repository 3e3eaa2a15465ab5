package org.bridle.android.artifacts;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.Finding;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.model.Observable;
import org.bridle.core.model.Severity;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * The package changes of the battery statistics' daily records ({@code dumpsys batterystats}, {@code Daily stats}:
 * {@code Update PACKAGE vers=N} and {@code Uninstall PACKAGE} under {@code Package changes:}), one entry per
 * distinct change of a day. An uninstall, and an update to a lower version than the package had (a downgrade,
 * which can bring back a flaw), are MEDIUM.
 */
public final class BatteryDaily implements Artifact<BatteryDaily.PackageChange> {
    private static final Pattern DAY = Pattern.compile("^\\s*Daily from (\\S+) to (\\S+):$");
    private static final Pattern CHANGE = Pattern.compile("^\\s+(Update|Uninstall) (\\S+)(?: vers=(\\d+))?$");

    /** One package change; {@code version} is null for an uninstall. */
    public record PackageChange(String from, String to, String action, String packageName, Long version) {
    }

    @Override public String id() { return "battery_daily"; }
    @Override public String description() { return "Daily package updates and uninstalls (dumpsys batterystats)"; }

    @Override
    public List<DevicePath> locations() {
        return List.of(DevicePath.of("@dumpsys/batterystats"));
    }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<PackageChange> out) throws Exception {
        String[] day = new String[2];
        Set<PackageChange> seen = new HashSet<>();
        Map<String, Long> lastVersion = new HashMap<>();
        TextLines.forEach(file, line -> {
            Matcher d = DAY.matcher(line);
            if (d.matches()) {
                day[0] = d.group(1);
                day[1] = d.group(2);
                return;
            }
            Matcher c = day[0] == null ? null : CHANGE.matcher(line);
            if (c == null || !c.matches()) {
                return;
            }
            PackageChange change = new PackageChange(day[0], day[1], c.group(1).toLowerCase(java.util.Locale.ROOT),
                    c.group(2), c.group(3) == null ? null : Long.parseLong(c.group(3)));
            if (!seen.add(change)) {
                return;
            }
            Long before = change.version() == null ? null : lastVersion.put(change.packageName(), change.version());
            if (change.action().equals("uninstall")) {
                out.entry(change, new Finding(Severity.MEDIUM, change.packageName() + " was uninstalled between "
                        + change.from() + " and " + change.to() + ".", null));
            } else if (before != null && change.version() < before) {
                out.entry(change, new Finding(Severity.MEDIUM, change.packageName() + " was downgraded from version "
                        + before + " to " + change.version() + ".", null));
            } else {
                out.entry(change);
            }
        });
    }

    @Override
    public List<Observable> observables(PackageChange c) {
        return List.of(Observable.appId(c.packageName()));
    }
}
