package org.bridle.android.artifacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.List;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.Finding;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.model.Observable;
import org.bridle.core.model.Severity;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/** The rooting binaries AndroidQF found on the device ({@code root_binaries.json}, a list of paths): HIGH each. */
public final class RootBinaries implements Artifact<RootBinaries.Binary> {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One binary found. */
    public record Binary(String path) {
    }

    @Override public String id() { return "root_binaries"; }
    @Override public String description() { return "Rooting binaries found on the device (root_binaries.json)"; }
    @Override public List<DevicePath> locations() { return List.of(DevicePath.of("@androidqf/root_binaries.json")); }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<Binary> out) throws Exception {
        JsonNode list;
        try (InputStream in = file.open()) {
            list = JSON.readTree(in);
        }
        for (JsonNode path : list) {
            String p = path.asText().strip();
            if (!p.isEmpty()) {
                out.entry(new Binary(p), new Finding(Severity.HIGH, "The rooting binary " + p
                        + " is on the device: it is rooted, or was.", null));
            }
        }
    }

    @Override
    public List<Observable> observables(Binary b) {
        return List.of(Observable.filePath(b.path()));
    }
}
