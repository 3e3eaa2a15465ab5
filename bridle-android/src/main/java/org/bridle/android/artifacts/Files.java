package org.bridle.android.artifacts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The file listing of an AndroidQF acquisition ({@code files.json}, read one record at a time): paths, names and
 * hashes are checked against indicators. A file under {@code /data/local/tmp/}, where exploits and implants stage
 * their tools, is HIGH, except AndroidQF's own collector.
 */
public final class Files implements Artifact<Files.FileRecord> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TMP = "/data/local/tmp/";
    private static final String COLLECTOR = TMP + "collector";

    /** One file; times are null when not given, hashes empty when not computed. */
    public record FileRecord(String path, long size, String mode, Long userId, Long groupId, Instant changed,
                             Instant modified, Instant accessed, String md5, String sha1, String sha256,
                             String sha512) {
    }

    @Override public String id() { return "files"; }
    @Override public String description() { return "Files listed by AndroidQF (files.json)"; }
    @Override public List<DevicePath> locations() { return List.of(DevicePath.of("@androidqf/files.json")); }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<FileRecord> out) throws Exception {
        try (InputStream in = file.open(); JsonParser parser = JSON.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalArgumentException("files.json is not a JSON array");
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                JsonNode f = JSON.readTree(parser);
                FileRecord r = new FileRecord(f.path("path").asText(), f.path("size").asLong(),
                        f.path("mode").asText(null), number(f, "user_id"), number(f, "group_id"),
                        time(f, "changed_time"), time(f, "modified_time"), time(f, "access_time"),
                        f.path("md5").asText(""), f.path("sha1").asText(""), f.path("sha256").asText(""),
                        f.path("sha512").asText(""));
                if (r.path().startsWith(TMP) && !r.path().startsWith(COLLECTOR)) {
                    out.entry(r, new Finding(Severity.HIGH, "The file " + r.path()
                            + " is in /data/local/tmp/, where exploits stage their tools.", null));
                } else {
                    out.entry(r);
                }
            }
        }
    }

    private static Long number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.canConvertToLong() ? null : v.asLong();
    }

    private static Instant time(JsonNode node, String field) {
        Long seconds = number(node, field);
        return seconds == null || seconds <= 0 ? null : Instant.ofEpochSecond(seconds);
    }

    @Override
    public List<Observable> observables(FileRecord r) {
        List<Observable> out = new ArrayList<>();
        out.add(Observable.filePath(r.path()));
        out.add(Observable.fileName(r.path().substring(r.path().lastIndexOf('/') + 1)));
        if (!r.md5().isEmpty()) {
            out.add(new Observable(ObservableKind.FILE_MD5, r.md5()));
        }
        if (!r.sha1().isEmpty()) {
            out.add(new Observable(ObservableKind.FILE_SHA1, r.sha1()));
        }
        if (!r.sha256().isEmpty()) {
            out.add(new Observable(ObservableKind.FILE_SHA256, r.sha256()));
        }
        return out;
    }

    /** One event per distinct time; when several of changed, modified and accessed agree they share it. */
    @Override
    public List<TimelineEvent> timeline(FileRecord r) {
        Map<Instant, List<String>> byTime = new LinkedHashMap<>();
        add(byTime, r.changed(), "changed");
        add(byTime, r.modified(), "modified");
        add(byTime, r.accessed(), "accessed");
        List<TimelineEvent> events = new ArrayList<>();
        byTime.forEach((time, what) -> events.add(new TimelineEvent(time, id(), String.join("+", what), r.path())));
        events.sort(java.util.Comparator.comparing(TimelineEvent::time));
        return events;
    }

    private static void add(Map<Instant, List<String>> byTime, Instant time, String what) {
        if (time != null) {
            byTime.computeIfAbsent(time, t -> new ArrayList<>()).add(what);
        }
    }
}
