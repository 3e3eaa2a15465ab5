package org.bridle.android.artifacts;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.Finding;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.model.Severity;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * The SELinux mode AndroidQF records ({@code selinux.txt}: the output of {@code getenforce}). {@code Permissive}
 * or {@code Disabled} is MEDIUM: stock Android enforces SELinux, and rooting tools relax it. Any other text (such
 * as an error message) is kept as the entry without an alert.
 */
public final class Selinux implements Artifact<Selinux.Mode> {
    /** The mode as {@code getenforce} printed it, trimmed. */
    public record Mode(String mode) {
    }

    @Override public String id() { return "selinux"; }
    @Override public String description() { return "SELinux mode (getenforce), with enforcement turned off"; }
    @Override public List<DevicePath> locations() { return List.of(DevicePath.of("@androidqf/selinux.txt")); }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<Mode> out) throws Exception {
        Mode mode = new Mode(new String(file.readAllBytes(), StandardCharsets.UTF_8).strip());
        if (mode.mode().equalsIgnoreCase("permissive") || mode.mode().equalsIgnoreCase("disabled")) {
            out.entry(mode, new Finding(Severity.MEDIUM, "SELinux is " + mode.mode()
                    + ", not enforcing: the device is rooted or its protections were weakened.", null));
        } else {
            out.entry(mode);
        }
    }
}
