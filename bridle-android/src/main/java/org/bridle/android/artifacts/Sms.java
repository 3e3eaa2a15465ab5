package org.bridle.android.artifacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.InflaterInputStream;
import org.bridle.android.archive.Limits;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.indicators.LinkExtractor;
import org.bridle.core.model.Observable;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * The SMS and MMS messages of an {@code adb backup}: the telephony provider's {@code *_sms_backup} and
 * {@code *_mms_backup} files, each a zlib-compressed JSON array. SMS dates are milliseconds since 1970, MMS dates
 * seconds. The links in a message's text are checked against URL and domain indicators.
 */
public final class Sms implements Artifact<Sms.Message> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FOLDER = "@backup/apps/com.android.providers.telephony/d_f/";

    /**
     * One message.
     *
     * @param kind {@code sms} or {@code mms}
     * @param address the correspondent (the first recipient of an MMS)
     * @param direction {@code received}, {@code sent} or the provider's raw type when it is neither
     */
    public record Message(String kind, String address, String body, Instant date, Instant dateSent,
                          String direction, boolean read, List<String> links) {
    }

    @Override public String id() { return "sms"; }
    @Override public String description() { return "SMS and MMS messages with their links, from an adb backup"; }

    @Override
    public List<DevicePath> locations() {
        return List.of(DevicePath.of(FOLDER + "*_sms_backup"), DevicePath.of(FOLDER + "*_mms_backup"));
    }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<Message> out) throws Exception {
        boolean mms = file.devicePath().endsWith("_mms_backup");
        JsonNode messages;
        try (InputStream in = Limits.bounded(new InflaterInputStream(file.open()), Limits.MAX_IN_MEMORY_BYTES,
                file.origin())) {
            messages = JSON.readTree(in);
        }
        for (JsonNode m : messages) {
            out.entry(mms ? mms(m) : sms(m));
        }
    }

    private static Message sms(JsonNode m) {
        String body = text(m, "body");
        return new Message("sms", text(m, "address"), body, millis(text(m, "date")), millis(text(m, "date_sent")),
                direction(text(m, "type"), "1", "2"), "1".equals(text(m, "read")), links(body));
    }

    private static Message mms(JsonNode m) {
        String body = text(m, "mms_body");
        JsonNode recipients = m.path("recipients");
        String address = recipients.isArray() && !recipients.isEmpty() ? recipients.get(0).asText() : null;
        return new Message("mms", address, body, seconds(text(m, "date")), seconds(text(m, "date_sent")),
                direction(text(m, "msg_box"), "1", "2"), "1".equals(text(m, "read")), links(body));
    }

    private static String direction(String type, String received, String sent) {
        return received.equals(type) ? "received" : sent.equals(type) ? "sent" : type;
    }

    private static List<String> links(String body) {
        return body == null ? List.of() : LinkExtractor.links(body);
    }

    private static Instant millis(String value) {
        long v = parse(value);
        return v <= 0 ? null : Instant.ofEpochMilli(v);
    }

    private static Instant seconds(String value) {
        long v = parse(value);
        return v <= 0 ? null : Instant.ofEpochSecond(v);
    }

    private static long parse(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    @Override
    public List<Observable> observables(Message m) {
        List<Observable> out = new ArrayList<>();
        m.links().forEach(link -> out.add(Observable.url(link)));
        return out;
    }

    @Override
    public List<TimelineEvent> timeline(Message m) {
        return m.date() == null ? List.of()
                : List.of(new TimelineEvent(m.date(), id(), m.kind() + "_" + m.direction(),
                        (m.address() == null ? "" : m.address() + ": ") + (m.body() == null ? "" : m.body())));
    }
}
