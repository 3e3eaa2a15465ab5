package org.bridle.android.artifacts;

import java.util.List;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * The environment of the adb shell AndroidQF ran ({@code env.txt}: the output of {@code env}), recorded as
 * {@code NAME=value} entries; a line without {@code =} continues the previous value. Neither MVT nor AndroidQF
 * judges these variables, so no heuristic does.
 */
public final class Environment implements Artifact<Environment.Variable> {
    /** One variable. */
    public record Variable(String name, String value) {
    }

    @Override public String id() { return "env"; }
    @Override public String description() { return "Environment of the adb shell (env.txt)"; }
    @Override public List<DevicePath> locations() { return List.of(DevicePath.of("@androidqf/env.txt")); }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<Variable> out) throws Exception {
        Variable[] open = {null};
        TextLines.forEach(file, line -> {
            int eq = line.indexOf('=');
            if (eq > 0 && line.substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]*")) {
                if (open[0] != null) {
                    out.entry(open[0]);
                }
                open[0] = new Variable(line.substring(0, eq), line.substring(eq + 1));
            } else if (open[0] != null && !line.isEmpty()) {
                open[0] = new Variable(open[0].name(), open[0].value() + "\n" + line);
            }
        });
        if (open[0] != null) {
            out.entry(open[0]);
        }
    }
}
