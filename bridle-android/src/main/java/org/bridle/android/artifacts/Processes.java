package org.bridle.android.artifacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.model.Observable;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * The running processes: {@code ps} output (a header line, then columns ending with the name) or AndroidQF's
 * {@code processes.json}. Each name is checked as a process and, without its {@code :suffix}, as an app id.
 * Columns are found by their header, so a leading {@code LABEL} column ({@code ps -Z}) is read as the label; when
 * threads are listed ({@code ps -T}, as in a bugreport) only each process's main thread (TID equal to PID) is kept,
 * its name being the kernel's name of the process, which Android cuts to its last 15 characters.
 */
public final class Processes implements Artifact<Processes.Process> {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One process; numbers are null when the source does not give them. */
    public record Process(String user, Long pid, Long ppid, String name, String label) {
    }

    @Override public String id() { return "processes"; }
    @Override public String description() { return "Running processes (ps, processes.json)"; }

    @Override
    public List<DevicePath> locations() {
        return List.of(DevicePath.of("@command/ps"), DevicePath.of("@androidqf/processes.json"));
    }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<Process> out) throws Exception {
        if (file.devicePath().endsWith(".json")) {
            try (InputStream in = file.open()) {
                for (JsonNode p : JSON.readTree(in)) {
                    out.entry(new Process(text(p, "user"), number(p, "pid"), number(p, "ppid"),
                            text(p, "name"), text(p, "label")));
                }
            }
            return;
        }
        List<String> header = new ArrayList<>();
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
            out.entry(new Process(user < 0 ? null : cols[user], pid, column(header, cols, "PPID"), name,
                    label < 0 ? null : cols[label]));
        });
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
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
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
        return List.of(Observable.process(p.name()),
                Observable.appId(colon < 0 ? p.name() : p.name().substring(0, colon)));
    }
}
