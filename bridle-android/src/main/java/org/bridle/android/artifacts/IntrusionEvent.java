package org.bridle.android.artifacts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * One event of Android's intrusion logs: a line's top-level key is its type ({@code dns_event},
 * {@code connect_event}, {@code security_event}, or one Android adds later), its value the event. DNS and connect
 * events give {@code event_time} in milliseconds, security events in nanoseconds; a security event names its
 * kind by its one key besides {@code event_id} and {@code event_time}, the tag, whose value is the payload.
 * Addresses are written as Java prints them ({@code /1.2.3.4}, or {@code host/1.2.3.4}) and are kept without the
 * host part and the slash.
 *
 * @param file the log file the event was first read from
 * @param time null for an event type whose time unit is not known
 * @param tag a security event's kind; null for other types
 * @param host the DNS query's host name, or the host part of a connect event's address; else null
 * @param addresses the DNS answers, or the connect event's address
 * @param port a connect event's port; else null
 * @param data the security event's payload, or else the whole event, as JSON
 */
public record IntrusionEvent(String file, String type, Instant time, String tag, String packageName, String host,
                             List<String> addresses, Integer port, String data) {
    private static final Set<String> SECURITY_METADATA = Set.of("event_id", "event_time", "event_type",
            "timestamp");

    /** The event of one type read from a line of {@code file}. */
    static IntrusionEvent of(String file, String type, JsonNode event) {
        return switch (type) {
            case "dns_event" -> {
                List<String> addresses = new ArrayList<>();
                event.path("ip_addresses").forEach(a -> addresses.add(address(a.asText())));
                yield new IntrusionEvent(file, type, millis(event), null, text(event, "package_name"),
                        text(event, "hostname"), List.copyOf(addresses), null, event.toString());
            }
            case "connect_event" -> {
                String written = text(event, "ip_address");
                int slash = written == null ? -1 : written.lastIndexOf('/');
                yield new IntrusionEvent(file, type, millis(event), null, text(event, "package_name"),
                        slash > 0 ? written.substring(0, slash) : null,
                        written == null ? List.of() : List.of(address(written)),
                        event.path("port").canConvertToInt() ? event.path("port").asInt() : null, event.toString());
            }
            case "security_event" -> {
                String tag = tag(event);
                JsonNode payload = tag == null ? null : event.get(tag);
                String packageName = payload == null ? null : text(payload, "package_name");
                if (packageName == null && payload != null && text(payload, "process") != null) {
                    packageName = text(payload, "process").split(":", 2)[0];
                }
                Instant time = event.path("event_time").canConvertToLong()
                        ? Instant.EPOCH.plusNanos(event.path("event_time").asLong()) : null;
                yield new IntrusionEvent(file, type, time, tag, packageName, null, List.of(), null,
                        payload == null ? null : payload.toString());
            }
            default -> new IntrusionEvent(file, type, null, null, null, null, List.of(), null, event.toString());
        };
    }

    private static String tag(JsonNode event) {
        for (Iterator<String> names = event.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!SECURITY_METADATA.contains(name)) {
                return name;
            }
        }
        return null;
    }

    private static Instant millis(JsonNode event) {
        JsonNode t = event.path("event_time");
        return t.canConvertToLong() ? Instant.ofEpochMilli(t.asLong()) : null;
    }

    private static String address(String written) {
        return written.substring(written.lastIndexOf('/') + 1);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isValueNode() || v.asText().isEmpty() ? null : v.asText();
    }
}
