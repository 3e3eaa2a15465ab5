package org.bridle.android.artifacts;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Crash reports ({@code data/tombstones/tombstone_NN}, as text, or as Android's {@code Tombstone} protobuf in
 * {@code tombstone_NN.pb}): the crashed thread's name (the process name MVT reports), the binary, ids, signal and
 * abort message. A protobuf tombstone whose text twin the evidence also holds is skipped, so that no crash is
 * counted twice. Names and binaries are checked as processes; a crash of a process running as root (uid 0), system
 * (1000) or shell (2000) is MEDIUM, since exploits crash such processes.
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
        String name = file.devicePath().substring(file.devicePath().lastIndexOf('/') + 1);
        if (file.devicePath().endsWith(".pb")) {
            String twin = file.devicePath().substring(0, file.devicePath().length() - 3);
            if (context.source().resolve(DevicePath.of(twin)).stream().anyMatch(EvidenceFile::present)) {
                out.note(file.origin() + " is not read: its text twin is");
            } else {
                emit(fromProtobuf(name, file.readAllBytes()), out);
            }
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
        emit(new Tombstone(name, f[0], time(f[1]), ids[0], ids[1], ids[2], f[2], f[3], f[4], f[5]), out);
    }

    /**
     * The fields of Android's {@code Tombstone} message bridle reads: 2 build fingerprint, 4 timestamp, 5 pid,
     * 6 tid, 7 uid, 9 command line (the first is the binary), 10 signal (2: its name), 14 abort message, 16 the
     * threads (a map from id to a {@code Thread} whose field 2 is its name).
     */
    private static Tombstone fromProtobuf(String name, byte[] content) throws IOException {
        String[] f = new String[6];
        Long[] ids = new Long[3];
        Map<Long, String> threads = new HashMap<>();
        List<ProtoFields.Field> fields = new ArrayList<>();
        ProtoFields.read(content, fields::add);
        for (ProtoFields.Field field : fields) {
            switch (field.number()) {
                case 2 -> f[0] = field.text();
                case 4 -> f[1] = field.text();
                case 5 -> ids[0] = field.varint();
                case 6 -> ids[1] = field.varint();
                case 7 -> ids[2] = field.varint();
                case 9 -> f[3] = f[3] == null ? field.text() : f[3];
                case 10 -> f[4] = signalName(field.bytes());
                case 14 -> f[5] = field.text();
                case 16 -> thread(field.bytes(), threads);
                default -> { }
            }
        }
        if (ids[0] == null) {
            throw new IllegalArgumentException("not a tombstone: the protobuf has no pid");
        }
        f[2] = threads.get(ids[1]);
        return new Tombstone(name, f[0], time(f[1]), ids[0], ids[1], ids[2], f[2], f[3], f[4], f[5]);
    }

    private static String signalName(byte[] signal) throws IOException {
        String[] found = new String[1];
        ProtoFields.read(signal, field -> {
            if (field.number() == 2 && field.bytes() != null) {
                found[0] = field.text();
            }
        });
        return found[0];
    }

    private static void thread(byte[] entry, Map<Long, String> threads) throws IOException {
        long[] key = {-1};
        byte[][] value = {null};
        ProtoFields.read(entry, field -> {
            if (field.number() == 1) {
                key[0] = field.varint();
            } else if (field.number() == 2 && field.bytes() != null) {
                value[0] = field.bytes();
            }
        });
        if (value[0] != null) {
            String[] threadName = {null};
            ProtoFields.read(value[0], field -> {
                if (field.number() == 2 && field.bytes() != null) {
                    threadName[0] = field.text();
                }
            });
            threads.put(key[0], threadName[0]);
        }
    }

    private void emit(Tombstone t, Emitter<Tombstone> out) {
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
