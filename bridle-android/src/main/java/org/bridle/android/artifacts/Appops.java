package org.bridle.android.artifacts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.Finding;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.model.Observable;
import org.bridle.core.model.Severity;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * The app operations ({@code dumpsys appops}): for each package, each operation with its mode and the times it
 * was allowed ({@code Access:}) or refused ({@code Reject:}). An app allowed to install other apps
 * ({@code REQUEST_INSTALL_PACKAGES}) is MEDIUM. Times are read as {@link DeviceTime} does.
 */
public final class Appops implements Artifact<Appops.PackageOps> {
    private static final Pattern UID = Pattern.compile("^  Uid (\\S+):$");
    private static final Pattern PACKAGE = Pattern.compile("^    Package (\\S+):$");
    private static final Pattern OP = Pattern.compile("^      (\\w+) \\((\\w+)[^)]*\\):?$");
    private static final Pattern EVENT = Pattern.compile("^\\s+(Access|Reject): \\[([^\\]]*)\\]\\s*"
            + "(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?)");
    private static final String INSTALL = "REQUEST_INSTALL_PACKAGES";

    /** The operations of one package. */
    public record PackageOps(String packageName, String uid, List<Op> ops) {
    }

    /** One operation with its mode and events. */
    public record Op(String name, String mode, List<Event> events) {
    }

    /** One time the operation was allowed ({@code access}) or refused ({@code reject}), in a process state. */
    public record Event(String type, String state, Instant time) {
    }

    @Override public String id() { return "appops"; }
    @Override public String description() { return "App operations and when apps used them (dumpsys appops)"; }
    @Override public List<DevicePath> locations() { return List.of(DevicePath.of("@dumpsys/appops")); }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<PackageOps> out) throws Exception {
        var state = new Object() {
            String uid;
            String pkg;
            List<Op> ops = new ArrayList<>();
            Op op;

            void flush() {
                if (pkg != null) {
                    emit(new PackageOps(pkg, uid, List.copyOf(ops)), out);
                }
                pkg = null;
                ops = new ArrayList<>();
                op = null;
            }
        };
        TextLines.forEach(file, line -> {
            Matcher m;
            if ((m = UID.matcher(line)).matches()) {
                state.flush();
                state.uid = m.group(1);
            } else if ((m = PACKAGE.matcher(line)).matches()) {
                state.flush();
                state.pkg = m.group(1);
            } else if (state.pkg != null && (m = OP.matcher(line)).matches()) {
                state.op = new Op(m.group(1), m.group(2), new ArrayList<>());
                state.ops.add(state.op);
            } else if (state.op != null && (m = EVENT.matcher(line)).find()) {
                state.op.events().add(new Event(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2),
                        DeviceTime.parse(m.group(3))));
            } else if (!line.isEmpty() && TextLines.indent(line) < 2) {
                state.flush();
                state.uid = null;
            }
        });
        state.flush();
    }

    private static void emit(PackageOps p, Emitter<PackageOps> out) {
        List<Op> frozen = p.ops().stream().map(o -> new Op(o.name(), o.mode(), List.copyOf(o.events()))).toList();
        PackageOps entry = new PackageOps(p.packageName(), p.uid(), frozen);
        boolean installs = frozen.stream().anyMatch(o -> o.name().equals(INSTALL) && o.mode().equals("allow"));
        if (installs) {
            out.entry(entry, new Finding(Severity.MEDIUM, entry.packageName()
                    + " is allowed to install other apps (REQUEST_INSTALL_PACKAGES).", null));
        } else {
            out.entry(entry);
        }
    }

    @Override
    public List<Observable> observables(PackageOps p) {
        return List.of(Observable.appId(p.packageName()));
    }

    @Override
    public List<TimelineEvent> timeline(PackageOps p) {
        List<TimelineEvent> events = new ArrayList<>();
        for (Op op : p.ops()) {
            for (Event e : op.events()) {
                if (e.time() != null) {
                    events.add(new TimelineEvent(e.time(), id(), e.type(),
                            p.packageName() + " " + op.name() + " (" + op.mode() + ", " + e.state() + ")"));
                }
            }
        }
        events.sort(java.util.Comparator.comparing(TimelineEvent::time));
        return events;
    }
}
