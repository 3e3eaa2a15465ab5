package org.bridle.android.artifacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.Finding;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.model.Severity;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * The mounted file systems AndroidQF lists ({@code mounts.json}: {@code mount} output lines such as
 * {@code /dev/block/dm-12 on / type ext4 (ro,seclabel)}). A system partition ({@code /}, {@code /system},
 * {@code /system_root}, {@code /system_ext}, {@code /vendor}, {@code /product}, {@code /odm}) mounted read-write is
 * HIGH: a stock device never does that, a rooted or tampered one does.
 */
public final class Mounts implements Artifact<Mounts.Mount> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINE = Pattern.compile("^(\\S+) on (\\S+) type (\\S+) \\(([^)]*)\\)$");
    private static final Set<String> SYSTEM = Set.of("/", "/system", "/system_root", "/system_ext", "/vendor",
            "/product", "/odm");

    /** One mount. */
    public record Mount(String device, String mountPoint, String type, List<String> options) {
    }

    @Override public String id() { return "mounts"; }
    @Override public String description() { return "Mounted file systems, with system partitions mounted read-write"; }
    @Override public List<DevicePath> locations() { return List.of(DevicePath.of("@androidqf/mounts.json")); }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<Mount> out) throws Exception {
        JsonNode lines;
        try (InputStream in = file.open()) {
            lines = JSON.readTree(in);
        }
        for (JsonNode line : lines) {
            Matcher m = LINE.matcher(line.asText().strip());
            if (!m.matches()) {
                continue;
            }
            Mount mount = new Mount(m.group(1), m.group(2), m.group(3), List.of(m.group(4).split(",")));
            if (SYSTEM.contains(mount.mountPoint()) && mount.options().contains("rw")) {
                out.entry(mount, new Finding(Severity.HIGH, "The system partition " + mount.mountPoint()
                        + " is mounted read-write: the device is rooted or was tampered with.", null));
            } else {
                out.entry(mount);
            }
        }
    }
}
