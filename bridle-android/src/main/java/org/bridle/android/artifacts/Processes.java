package org.bridle.android.artifacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.indicators.IndicatorType;
import org.bridle.core.model.Observable;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * The running processes: {@code ps} output (a header line, then columns ending with the name) or AndroidQF's
 * {@code processes.json}. Each name is checked as a process and, without its {@code :suffix}, as an app id.
 * Columns are found by their header, so a leading {@code LABEL} column ({@code ps -Z}) is read as the label; when
 * threads are listed ({@code ps -T}, as in a bugreport) only each process's main thread (TID equal to PID) is kept.
 *
 * <p>A bugreport runs toybox {@code ps -A -T -Z -O ...}, whose last column {@code CMD} is the kernel's task name
 * ({@code /proc/PID/stat}), at most 15 characters; Android sets it to the last 15 characters of a longer app
 * process name ({@code AndroidRuntime::setArgv0}). So a {@code CMD} name of exactly 15 characters may be the tail
 * of a longer name: it is resolved to the one app id, among the packages the same evidence lists and the app-id
 * indicators of the scan, that ends with it (or with its part before {@code :}); with none or several, it is
 * kept as it is. AndroidQF's {@code ps.txt} or {@code processes.txt} ({@code ps -A}, column {@code NAME}:
 * {@code argv[0]}) give whole names.
 *
 * <p>AndroidQF's {@code processes.json} is what its on-device collector reads from {@code /proc}: per process
 * {@code pid}, {@code ppid}, {@code uid}, {@code filename} (the task name of {@code /proc/PID/stat}, in
 * parentheses), {@code command_line} (the arguments) and {@code context} (the SELinux label). The name is the
 * first argument, the whole process name; a process without arguments (a kernel thread, or one whose command line
 * could not be read) is named by its task name, resolved as above when it has 15 characters. The uid is kept as
 * the user, the context as the label.
 */
public final class Processes implements Artifact<Processes.Process> {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One process; numbers are null when the source does not give them.
     *
     * @param appId the app id a kernel-truncated name was resolved to, else null
     */
    public record Process(String user, Long pid, Long ppid, String name, String label, String appId) {
        /** A process whose name is whole (or could not be resolved). */
        public Process(String user, Long pid, Long ppid, String name, String label) {
            this(user, pid, ppid, name, label, null);
        }
    }

    /** The length of Android's kernel task names. */
    private static final int TASK_NAME_LENGTH = 15;
    private static final DevicePath DUMPSYS_PACKAGE = DevicePath.of("@dumpsys/package");
    private static final DevicePath PACKAGES_JSON = DevicePath.of("@androidqf/packages.json");

    @Override public String id() { return "processes"; }
    @Override public String description() { return "Running processes (ps, processes.json)"; }

    @Override
    public List<DevicePath> locations() {
        return List.of(DevicePath.of("@command/ps"), DevicePath.of("@androidqf/processes.json"));
    }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<Process> out) throws Exception {
        if (file.devicePath().endsWith(".json")) {
            Tails tails = new Tails(context);
            try (InputStream in = file.open()) {
                for (JsonNode p : JSON.readTree(in)) {
                    String argv0 = text(p.path("command_line"), 0);
                    String task = text(p, "filename");
                    task = task != null && task.startsWith("(") && task.endsWith(")")
                            ? task.substring(1, task.length() - 1) : task;
                    String name = argv0 != null ? argv0 : task;
                    String appId = argv0 == null && task != null && task.length() == TASK_NAME_LENGTH
                            ? tails.resolve(task) : null;
                    out.entry(new Process(p.path("uid").canConvertToLong() ? p.path("uid").asText() : null,
                            number(p, "pid"), number(p, "ppid"), name, text(p, "context"), appId));
                }
            }
            return;
        }
        List<String> header = new ArrayList<>();
        Tails tails = new Tails(context);
        TextLines.forEach(file, line -> {
            String[] cols = line.strip().split("\\s+");
            if (header.isEmpty()) {
                header.addAll(List.of(cols));
                return;
            }
            if (cols.length < header.size() || line.isBlank()) {
                return;
            }
            Long pid = column(header, cols, "PID");
            Long tid = column(header, cols, "TID");
            if (tid != null && !tid.equals(pid)) {
                return;
            }
            int user = header.indexOf("USER");
            int label = header.indexOf("LABEL");
            String name = String.join(" ", List.of(cols).subList(header.size() - 1, cols.length));
            String appId = header.get(header.size() - 1).equals("CMD") && name.length() == TASK_NAME_LENGTH
                    ? tails.resolve(name) : null;
            out.entry(new Process(user < 0 ? null : cols[user], pid, column(header, cols, "PPID"), name,
                    label < 0 ? null : cols[label], appId));
        });
    }

    /** The app ids a truncated task name may be the tail of, read once a parse when a name needs them. */
    private static final class Tails {
        private final ParseContext context;
        private Set<String> ids;

        Tails(ParseContext context) {
            this.context = context;
        }

        /** The one known app id whose name ends with the task name's app-id part; null with none or several. */
        String resolve(String taskName) {
            int colon = taskName.indexOf(':');
            String tail = colon < 0 ? taskName : taskName.substring(0, colon);
            if (tail.isEmpty()) {
                return null;
            }
            Set<String> found = new HashSet<>();
            for (String id : ids()) {
                if (id.length() > tail.length() ? id.endsWith(tail) : id.equals(taskName)) {
                    found.add(id);
                }
            }
            return found.size() == 1 && !found.contains(taskName) ? found.iterator().next() : null;
        }

        private Set<String> ids() {
            if (ids == null) {
                ids = new HashSet<>();
                try {
                    installed(ids);
                } catch (IOException e) {
                    // the package list only helps resolve names: without it, the indicators still do
                }
                ids.addAll(context.indicators().values(IndicatorType.APP_ID));
            }
            return ids;
        }

        private void installed(Set<String> into) throws IOException {
            for (EvidenceFile f : context.source().resolve(DUMPSYS_PACKAGE)) {
                if (f.present()) {
                    TextLines.forEach(f, line -> {
                        Matcher m = Packages.PACKAGE.matcher(line);
                        if (m.matches()) {
                            into.add(m.group(1));
                        }
                    });
                }
            }
            for (EvidenceFile f : context.source().resolve(PACKAGES_JSON)) {
                if (f.present()) {
                    try (InputStream in = f.open()) {
                        JSON.readTree(in).forEach(p -> {
                            String name = text(p, "name");
                            if (name != null) {
                                into.add(name);
                            }
                        });
                    }
                }
            }
        }
    }

    private static Long column(List<String> header, String[] cols, String name) {
        int i = header.indexOf(name);
        return i < 0 ? null : parse(cols[i]);
    }

    private static Long parse(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        return text(node.get(field));
    }

    private static String text(JsonNode node, int index) {
        return text(node.get(index));
    }

    private static String text(JsonNode v) {
        return v == null || v.isNull() || !v.isValueNode() || v.asText().isEmpty() ? null : v.asText();
    }

    private static Long number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.canConvertToLong() ? null : v.asLong();
    }

    @Override
    public List<Observable> observables(Process p) {
        if (p.name() == null || p.name().startsWith("[")) {
            return List.of();
        }
        int colon = p.name().indexOf(':');
        return List.of(Observable.process(p.name()), Observable.appId(p.appId() != null ? p.appId()
                : colon < 0 ? p.name() : p.name().substring(0, colon)));
    }
}
