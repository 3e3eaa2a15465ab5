package org.bridle.android.artifacts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.model.Observable;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * The recent database operations of apps ({@code dumpsys dbinfo}: {@code N: [time] [Pid:(x)]action took ... -
 * result, sql="...", path=...}). The app owning the database path ({@code /data/user/N/PACKAGE/} or
 * {@code /data/data/PACKAGE/}) is checked as an app id. Times are read as {@link DeviceTime} does.
 */
public final class Dbinfo implements Artifact<Dbinfo.Operation> {
    private static final Pattern OPERATION = Pattern.compile(
            "^\\s*\\d+: \\[([^\\]]+)\\]\\s*(?:\\[Pid:\\((\\d+)\\)\\])?\\s*(\\w+) took (\\d+)ms - (\\w+)"
                    + "(?:, sql=\"(.*)\")?(?:, path=(\\S+))?");
    private static final Pattern OWNER = Pattern.compile("^/data/(?:user/\\d+|data)/([^/]+)/");

    /** One database operation. */
    public record Operation(Instant time, Long pid, String action, long milliseconds, String result, String sql,
                            String path, String packageName) {
    }

    @Override public String id() { return "dbinfo"; }
    @Override public String description() { return "Recent database operations of apps (dumpsys dbinfo)"; }
    @Override public List<DevicePath> locations() { return List.of(DevicePath.of("@dumpsys/dbinfo")); }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<Operation> out) throws Exception {
        TextLines.forEach(file, line -> {
            Matcher m = OPERATION.matcher(line);
            if (!m.find()) {
                return;
            }
            String path = m.group(7);
            Matcher owner = path == null ? null : OWNER.matcher(path);
            Long pid = m.group(2) == null ? null : Long.parseLong(m.group(2));
            String packageName = owner != null && owner.find() ? owner.group(1) : null;
            out.entry(new Operation(DeviceTime.parse(m.group(1)), pid, m.group(3), Long.parseLong(m.group(4)),
                    m.group(5), m.group(6), path, packageName));
        });
    }

    @Override
    public List<Observable> observables(Operation o) {
        List<Observable> out = new ArrayList<>();
        if (o.packageName() != null) {
            out.add(Observable.appId(o.packageName()));
        }
        return out;
    }

    @Override
    public List<TimelineEvent> timeline(Operation o) {
        return o.time() == null ? List.of() : List.of(new TimelineEvent(o.time(), id(), o.action(),
                (o.packageName() == null ? "" : o.packageName() + ": ") + (o.sql() == null ? "" : o.sql())));
    }
}
