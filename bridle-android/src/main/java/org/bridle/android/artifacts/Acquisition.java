package org.bridle.android.artifacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * What AndroidQF says about its acquisition ({@code acquisition.json}): its id, the AndroidQF version, and when it
 * started and completed (RFC 3339 times, on the timeline). A field that is missing or not a time is null.
 */
public final class Acquisition implements Artifact<Acquisition.Details> {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The acquisition's details. */
    public record Details(String uuid, String androidqfVersion, Instant started, Instant completed) {
    }

    @Override public String id() { return "acquisition"; }
    @Override public String description() { return "AndroidQF acquisition details (acquisition.json)"; }
    @Override public List<DevicePath> locations() { return List.of(DevicePath.of("@androidqf/acquisition.json")); }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<Details> out) throws Exception {
        JsonNode node;
        try (InputStream in = file.open()) {
            node = JSON.readTree(in);
        }
        out.entry(new Details(text(node, "uuid"), text(node, "androidqf_version"), time(node, "started"),
                time(node, "completed")));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isTextual() ? null : v.asText();
    }

    private static Instant time(JsonNode node, String field) {
        String text = text(node, field);
        try {
            return text == null ? null : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public List<TimelineEvent> timeline(Details d) {
        List<TimelineEvent> events = new ArrayList<>();
        if (d.started() != null) {
            events.add(new TimelineEvent(d.started(), id(), "acquisition_started", "AndroidQF acquisition started"));
        }
        if (d.completed() != null) {
            events.add(new TimelineEvent(d.completed(), id(), "acquisition_completed",
                    "AndroidQF acquisition completed"));
        }
        return events;
    }
}
