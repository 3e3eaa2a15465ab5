package org.bridle.android.artifacts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bridle.android.archive.ZipStream;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.Finding;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.model.Observable;
import org.bridle.core.model.ObservableKind;
import org.bridle.core.model.Severity;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * Android's Advanced Protection intrusion logs, as AndroidQF saves them ({@code intrusion_logs/} or
 * {@code intrusion-logs/}, {@code .txt} files of one JSON event per line, see {@link IntrusionEvent}). Daily files
 * overlap, so an event identical to one already read (same type, same fields and values) is dropped: the parse
 * of the first file reads every file in order and the others add nothing. Lines that are not JSON objects are
 * counted in a note. A {@code .zip} in those folders is read as a stream, never extracted: its {@code .txt}
 * entries as log files ({@code folder/logs.zip!entry.txt}), zips inside it likewise up to three levels, hostile
 * entry names skipped and noted, as MVT reads such zips. A log that cannot be read (a truncated zip, an entry past
 * the size bound) fails the artifact with its reason, once the other logs are read.
 *
 * <p>Host names are checked as domains, IPv4 addresses as addresses (loopback and {@code 0.0.0.0} left out),
 * packages and started processes as app ids. The security events that signal tampering are MEDIUM: a
 * certificate validation failure, a key integrity violation, a CA certificate installed (unless the event says
 * the install failed), a failed wipe, and a failed cryptographic self-test.
 */
public final class IntrusionLogs implements Artifact<IntrusionEvent> {
    private static final List<DevicePath> LOGS = List.of(DevicePath.of("@androidqf/intrusion_logs/**/*.txt"),
            DevicePath.of("@androidqf/intrusion-logs/**/*.txt"), DevicePath.of("@androidqf/intrusion_logs/**/*.zip"),
            DevicePath.of("@androidqf/intrusion-logs/**/*.zip"));
    /** How deep zips inside zips are followed. */
    private static final int MAX_ZIP_DEPTH = 3;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper SORTED = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    @Override public String id() { return "intrusion_logs"; }
    @Override public String description() { return "Android intrusion logs (DNS, connect and security events)"; }
    @Override public List<DevicePath> locations() { return LOGS; }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<IntrusionEvent> out) throws Exception {
        List<EvidenceFile> all = new ArrayList<>();
        for (DevicePath location : LOGS) {
            context.source().resolve(location).stream().filter(EvidenceFile::present).forEach(all::add);
        }
        if (all.isEmpty() || !all.get(0).devicePath().equals(file.devicePath())) {
            return;
        }
        Set<String> seen = new HashSet<>();
        IOException failure = null;
        for (EvidenceFile log : all) {
            try {
                read(log, seen, out);
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static void read(EvidenceFile log, Set<String> seen, Emitter<IntrusionEvent> out) throws IOException {
        if (log.devicePath().endsWith(".zip")) {
            try (InputStream in = log.open()) {
                readZip(in, log.devicePath(), 1, seen, out);
            }
        } else {
            readText(log.open(), log.devicePath(), seen, out);
        }
    }

    private static void readZip(InputStream in, String origin, int depth, Set<String> seen,
                                Emitter<IntrusionEvent> out) throws IOException {
        ZipStream.forEach(in, origin, (name, content) -> {
            if (name.endsWith(".txt")) {
                readText(content, origin + "!" + name, seen, out);
            } else if (name.endsWith(".zip") && depth < MAX_ZIP_DEPTH) {
                readZip(content, origin + "!" + name, depth + 1, seen, out);
            } else if (name.endsWith(".zip")) {
                out.note(origin + "!" + name + ": a zip nested more than " + MAX_ZIP_DEPTH + " deep, not read");
            }
        }, skipped -> out.note("skipped the entry " + skipped));
    }

    /** Reads one log's lines from {@code content} (then closed), named {@code file} in events and notes. */
    private static void readText(InputStream content, String file, Set<String> seen, Emitter<IntrusionEvent> out)
            throws IOException {
        int[] unreadable = {0};
        TextLines.forEach(content, line -> {
            if (line.isBlank()) {
                return;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                node = null;
            }
            if (node == null || !node.isObject()) {
                unreadable[0]++;
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue().isObject() && seen.add(field.getKey() + "\u0000" + canonical(field.getValue()))) {
                    IntrusionEvent event = IntrusionEvent.of(file, field.getKey(), field.getValue());
                    emit(event, event.tag() == null ? null : field.getValue().get(event.tag()), out);
                }
            }
        });
        if (unreadable[0] > 0) {
            out.note(file + ": " + unreadable[0] + " line(s) are not JSON objects and were skipped");
        }
    }

    private static String canonical(JsonNode event) {
        try {
            return SORTED.writeValueAsString(SORTED.treeToValue(event, Object.class));
        } catch (JsonProcessingException e) {
            return event.toString();
        }
    }

    private static void emit(IntrusionEvent event, JsonNode payload, Emitter<IntrusionEvent> out) {
        String tampering = payload == null ? null : tampering(event.tag(), payload);
        if (tampering == null) {
            out.entry(event);
        } else {
            out.entry(event, new Finding(Severity.MEDIUM, tampering + ": " + event.data(), event.time()));
        }
    }

    /** What a tampering security event means, or null for any other security event. */
    private static String tampering(String tag, JsonNode payload) {
        return switch (tag) {
            case "cert_validation_failure" -> "A certificate failed validation";
            case "key_integrity_violation" -> "A key's integrity was violated";
            case "cert_authority_installed" -> payload.path("success").asBoolean(true)
                    ? "A CA certificate was installed, which lets its holder read encrypted traffic" : null;
            case "wipe_failure" -> "Wiping the device or a user's data failed";
            case "crypto_self_test_completed" -> (payload.isObject() ? payload.path("success").asBoolean(true)
                    : payload.asInt(1) == 1) ? null : "The cryptographic self-test failed";
            default -> null;
        };
    }

    @Override
    public List<Observable> observables(IntrusionEvent e) {
        List<Observable> out = new ArrayList<>();
        if (e.host() != null) {
            out.add(Observable.domain(e.host()));
        }
        for (String address : e.addresses()) {
            if (ipv4(address) && !address.startsWith("127.") && !address.equals("0.0.0.0")) {
                out.add(new Observable(ObservableKind.IPV4, address));
            }
        }
        if (e.packageName() != null) {
            out.add(Observable.appId(e.packageName()));
        }
        return out;
    }

    private static boolean ipv4(String address) {
        Matcher m = IPV4.matcher(address);
        if (!m.matches()) {
            return false;
        }
        for (int i = 1; i <= 4; i++) {
            if (Integer.parseInt(m.group(i)) > 255) {
                return false;
            }
        }
        return true;
    }

    @Override
    public List<TimelineEvent> timeline(IntrusionEvent e) {
        if (e.time() == null) {
            return List.of();
        }
        String what = switch (e.type()) {
            case "dns_event" -> "DNS query for " + e.host();
            case "connect_event" -> "connection to " + String.join(", ", e.addresses()) + ":" + e.port();
            case "security_event" -> "security event " + e.tag();
            default -> e.type();
        };
        return List.of(new TimelineEvent(e.time(), id(), e.type(),
                what + (e.packageName() == null ? "" : " by " + e.packageName())));
    }
}
