package org.bridle.ios.artifacts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.io.EvidenceFormatException;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * {@code ios_version_history}: which iOS version the phone ran and when, from the header line of each analytics
 * journal ({@code private/var/db/analyticsd/Analytics-Journal-*.ips}; dump only). The header is a JSON object with
 * {@code timestamp} ({@code 2021-03-22 11:04:23.00 +0100}) and {@code os_version}
 * ({@code iPhone OS 14.4.1 (18D61)}); the rest of the journal is not read.
 */
public final class IosVersionHistory implements Artifact<IosVersionHistory.Version> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BUILD = Pattern.compile("\\(([0-9A-Za-z]+)\\)\\s*$");
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss").optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .appendLiteral(' ').appendOffset("+HHMM", "+0000").toFormatter();
    /** The longest header line read; a journal's header is a few hundred characters. */
    private static final int MAX_HEADER = 64 * 1024;

    /**
     * The version a journal recorded.
     *
     * @param isodate when the journal was started ({@code timestamp}); null when it is not a time
     * @param osVersion the version as recorded ({@code os_version})
     * @param build the build in parentheses at the end of {@code os_version}, or null
     * @param journal the device path of the journal
     */
    public record Version(Instant isodate, String osVersion, String build, String journal) {
    }

    @Override
    public String id() {
        return "ios_version_history";
    }

    @Override
    public String description() {
        return "iOS versions the phone ran, and when, from the analytics journals";
    }

    @Override
    public List<DevicePath> locations() {
        return List.of(DevicePath.of("private/var/db/analyticsd/Analytics-Journal-*.ips"));
    }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<Version> out) throws Exception {
        JsonNode header = header(file);
        String version = header.path("os_version").isTextual() ? header.get("os_version").asText() : null;
        if (version == null) {
            out.note(file.devicePath() + " has no os_version in its header");
            return;
        }
        String timestamp = header.path("timestamp").asText(null);
        Instant time = time(timestamp);
        if (time == null) {
            out.note(file.devicePath() + ": the header's timestamp is not a time: " + timestamp);
        }
        Matcher build = BUILD.matcher(version);
        out.entry(new Version(time, version, build.find() ? build.group(1) : null, file.devicePath()));
    }

    private static JsonNode header(EvidenceFile file) throws IOException, EvidenceFormatException {
        StringBuilder line = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(file.open(), StandardCharsets.UTF_8))) {
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                if (line.length() == MAX_HEADER) {
                    throw new EvidenceFormatException("the header line is longer than " + MAX_HEADER + " characters");
                }
                line.append((char) c);
            }
        }
        JsonNode header;
        try {
            header = JSON.readTree(line.toString());
        } catch (JsonProcessingException e) {
            throw new EvidenceFormatException("the header line is not JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (header == null || !header.isObject()) {
            throw new EvidenceFormatException("the header line is not a JSON object");
        }
        return header;
    }

    private static Instant time(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim(), TIME).toInstant();
        } catch (DateTimeParseException notATime) {
            return null;
        }
    }

    @Override
    public List<TimelineEvent> timeline(Version version) {
        if (version.isodate() == null) {
            return List.of();
        }
        return List.of(new TimelineEvent(version.isodate(), id(), "ios_version",
                "Recorded iOS version " + version.osVersion()));
    }
}
