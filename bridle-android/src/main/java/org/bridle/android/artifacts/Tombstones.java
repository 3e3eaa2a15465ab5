package org.bridle.android.artifacts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
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
 * Crash reports ({@code data/tombstones/tombstone_NN}, text form): the crashed thread's name (the process name
 * MVT reports), the binary, ids, signal and abort message. Names and binaries are checked as processes; a crash
 * of a process running as root (uid 0), system (1000) or shell (2000) is MEDIUM, since exploits crash such
 * processes. Protobuf tombstones ({@code .pb}) are not read.
 */
public final class Tombstones implements Artifact<Tombstones.Tombstone> {
    private static final Pattern IDS = Pattern.compile(
            "^pid: (\\d+), tid: (\\d+), name: (.*?)\\s+>>> (.*?) <<<");
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .appendPattern("xx").toFormatter();

    /** One crash; fields the report lacks are null. */
    public record Tombstone(String file, String buildFingerprint, Instant timestamp, Long pid, Long tid,
                            Long uid, String processName, String binaryPath, String signal,
                            String abortMessage) {
    }

    @Override public String id() { return "tombstones"; }
    @Override public String description() { return "Crash reports of native processes (tombstones)"; }
    @Override public List<DevicePath> locations() { return List.of(DevicePath.of("data/tombstones/tombstone_*")); }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<Tombstone> out) throws Exception {
        if (file.devicePath().endsWith(".pb")) {
            out.note(file.origin() + ": protobuf tombstones are not read; its text twin is");
            return;
        }
        String[] f = new String[6];
        Long[] ids = new Long[3];
        TextLines.forEach(file, line -> {
            Matcher m;
            if (line.startsWith("Build fingerprint: ")) {
                f[0] = unquote(line.substring(19));
            } else if (line.startsWith("Timestamp: ") && f[1] == null) {
                f[1] = line.substring(11).strip();
            } else if ((m = IDS.matcher(line)).find() && f[2] == null) {
                ids[0] = Long.parseLong(m.group(1));
                ids[1] = Long.parseLong(m.group(2));
                f[2] = m.group(3);
                f[3] = m.group(4);
            } else if (line.startsWith("uid: ") && ids[2] == null) {
                ids[2] = Long.parseLong(line.substring(5).strip());
            } else if (line.startsWith("signal ") && f[4] == null) {
                f[4] = line.split(",")[0].strip();
            } else if (line.startsWith("Abort message: ") && f[5] == null) {
                f[5] = unquote(line.substring(15));
            }
        });
        if (f[2] == null) {
            throw new IllegalArgumentException("not a tombstone: no 'pid: …, tid: …, name: …' line");
        }
        String name = file.devicePath().substring(file.devicePath().lastIndexOf('/') + 1);
        Tombstone t = new Tombstone(name, f[0], time(f[1]), ids[0], ids[1], ids[2], f[2], f[3], f[4], f[5]);
        Long uid = t.uid();
        if (uid != null && (uid == 0 || uid == 1000 || uid == 2000)) {
            String who = uid == 0 ? "root" : uid == 1000 ? "system" : "shell";
            out.entry(t, new Finding(Severity.MEDIUM, "The " + who + " process " + t.binaryPath() + " ("
                    + t.processName() + ") crashed: exploits can crash privileged processes.", t.timestamp()));
        } else {
            out.entry(t);
        }
    }

    private static String unquote(String s) {
        String v = s.strip();
        return v.length() >= 2 && v.startsWith("'") && v.endsWith("'") ? v.substring(1, v.length() - 1) : v;
    }

    private static Instant time(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, TIMESTAMP).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public List<Observable> observables(Tombstone t) {
        List<Observable> out = new ArrayList<>();
        if (t.processName() != null) {
            out.add(Observable.process(t.processName()));
        }
        if (t.binaryPath() != null) {
            out.add(Observable.process(t.binaryPath()));
        }
        return out;
    }

    @Override
    public List<TimelineEvent> timeline(Tombstone t) {
        return t.timestamp() == null ? List.of() : List.of(new TimelineEvent(t.timestamp(), id(), "crash",
                t.processName() + " (" + t.binaryPath() + ") " + (t.signal() == null ? "" : t.signal())));
    }
}
