package org.bridle.android.artifacts;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.Finding;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.model.Observable;
import org.bridle.core.model.ObservableKind;
import org.bridle.core.model.Severity;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * The system properties ({@code getprop} output: {@code [name]: [value]} lines). Each name is checked against
 * Android property indicators; a security patch level more than six months before the check is MEDIUM.
 */
public final class Getprop implements Artifact<Getprop.Property> {
    private static final Pattern LINE = Pattern.compile("^\\[(.+?)\\]: \\[(.*)\\]$");
    private static final String PATCH_LEVEL = "ro.build.version.security_patch";

    /** One property. */
    public record Property(String name, String value) {
    }

    private final Clock clock;

    /** Judges patch levels against the system clock. */
    public Getprop() {
        this(Clock.systemUTC());
    }

    /** Judges patch levels against {@code clock}. */
    public Getprop(Clock clock) {
        this.clock = clock;
    }

    @Override public String id() { return "getprop"; }
    @Override public String description() { return "System properties (getprop), with the security patch level"; }
    @Override public List<DevicePath> locations() { return List.of(DevicePath.of("@command/getprop")); }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<Property> out) throws Exception {
        TextLines.forEach(file, line -> {
            Matcher m = LINE.matcher(line.strip());
            if (m.matches()) {
                Property p = new Property(m.group(1), m.group(2));
                Finding outdated = p.name().equals(PATCH_LEVEL) ? outdated(p.value()) : null;
                if (outdated == null) {
                    out.entry(p);
                } else {
                    out.entry(p, outdated);
                }
            }
        });
    }

    private Finding outdated(String patchLevel) {
        try {
            LocalDate patch = LocalDate.parse(patchLevel);
            if (patch.plus(Period.ofMonths(6)).isBefore(LocalDate.now(clock))) {
                return new Finding(Severity.MEDIUM, "The security patch level " + patchLevel
                        + " is more than six months old: the device misses security updates.", null);
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        return null;
    }

    @Override
    public List<Observable> observables(Property p) {
        return List.of(new Observable(ObservableKind.ANDROID_PROPERTY, p.name()));
    }
}
