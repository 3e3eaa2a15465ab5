package org.bridle.ios.artifacts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.indicators.LinkExtractor;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.Finding;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.io.AppleTime;
import org.bridle.core.io.EvidenceFormatException;
import org.bridle.core.io.SqlRow;
import org.bridle.core.io.SqliteEvidence;
import org.bridle.core.model.Observable;
import org.bridle.core.model.Severity;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * {@code sms}: the messages of Messages (SMS and iMessage) from sms.db, each with its correspondent. Apple's own
 * threat notification (the message Apple sends to people it believes targeted by mercenary spyware) is flagged.
 */
public final class Sms implements Artifact<Sms.Message> {
    /** How Apple's threat notifications begin; only a message that starts with one is Apple's. */
    private static final List<String> THREAT_NOTIFICATIONS = List.of(
            "ALERT: State-sponsored attackers may be targeting your iPhone",
            "ALERT: Apple detected a targeted mercenary spyware attack against your iPhone");

    /**
     * One message; absent columns are null.
     *
     * @param rowid the message's ROWID
     * @param guid its globally unique id
     * @param text its text: the {@code text} column, or the string of {@code attributedBody} where iOS 16 and later
     *     leave {@code text} empty
     * @param service {@code SMS}, {@code iMessage} or {@code RCS}
     * @param account the owner's account it went through
     * @param handleId the correspondent's handle ROWID (0 for none)
     * @param phoneNumber the correspondent: phone number, e-mail address or short code
     * @param direction {@code sent} or {@code received}
     * @param isodate when it was sent or received
     * @param isodateRead when it was read, or null when it was not
     * @param links the web links in its text
     */
    public record Message(Long rowid, String guid, String text, String service, String account, Long handleId,
                          String phoneNumber, String direction, Instant isodate, Instant isodateRead,
                          List<String> links) {
    }

    @Override
    public String id() {
        return "sms";
    }

    @Override
    public String description() {
        return "SMS and iMessage messages with their links, from sms.db";
    }

    @Override
    public List<DevicePath> locations() {
        return List.of(DevicePath.of("private/var/mobile/Library/SMS/sms.db"));
    }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<Message> out) throws Exception {
        try (SqliteEvidence db = context.database(file, out)) {
            if (!db.hasTable("message")) {
                out.note("sms.db has no message table");
                return;
            }
            Map<Long, String> handles = new HashMap<>();
            if (db.hasColumn("handle", "id")) {
                db.scan("handle", row -> {
                    Long rowid = row.integer("rowid");
                    if (rowid != null) {
                        handles.put(rowid, row.string("id"));
                    }
                });
            }
            int[] undecodable = {0};
            db.scan("message", row -> {
                String text = row.string("text");
                byte[] attributedBody = text == null ? row.bytes("attributedBody") : null;
                if (attributedBody != null) {
                    text = attributedText(attributedBody);
                    undecodable[0] += text == null ? 1 : 0;
                }
                emit(message(row, text, phoneNumber(db, handles, row.value("handle_id"))), out);
            });
            if (undecodable[0] > 0) {
                out.note(undecodable[0] + " message(s) have no text (the text column is NULL) and an attributedBody that cannot be "
                        + "decoded; their text is left empty");
            }
        }
    }

    /**
     * The id of the handle whose ROWID equals a message's handle_id, as {@code LEFT JOIN handle h ON h.ROWID =
     * m.handle_id} finds it: an integer or a whole real is looked up in the handles read; text (which a numeric
     * handle_id column holds only when it does not look like a number) is compared by SQLite itself.
     */
    private static String phoneNumber(SqliteEvidence db, Map<Long, String> handles, Object handleId)
            throws Exception {
        if (handleId instanceof Long rowid) {
            return handles.get(rowid);
        }
        if (handleId instanceof Double real) {
            boolean whole = real == Math.rint(real) && real >= -0x1p63 && real < 0x1p63;
            return whole ? handles.get(real.longValue()) : null;
        }
        if (handleId instanceof String text && !handles.isEmpty()) {
            String[] found = {null};
            db.query("SELECT h.id AS id FROM handle h WHERE h.ROWID = ?", row -> found[0] = row.string("id"), text);
            return found[0];
        }
        return null;
    }

    /** A message; {@code phoneNumber} is its handle's id (the handle whose ROWID equals its handle_id). */
    private static Message message(SqlRow row, String text, String phoneNumber) throws Exception {
        Long fromMe = row.integer("is_from_me");
        return new Message(row.integer("rowid"), row.string("guid"), text, row.string("service"),
                row.string("account"), row.integer("handle_id"), phoneNumber,
                fromMe != null && fromMe == 1 ? "sent" : "received", appleTime(row.integer("date")),
                appleTime(row.integer("date_read")), links(text));
    }

    private static void emit(Message message, Emitter<Message> out) {
        String text = message.text();
        if (text != null && isThreatNotification(text)) {
            out.entry(message, new Finding(Severity.HIGH, "Apple's threat notification was received: Apple warns "
                    + "that the phone may be the target of a state-sponsored or mercenary spyware attack",
                    message.isodate()));
        } else {
            out.entry(message);
        }
    }

    private static boolean isThreatNotification(String text) {
        for (int i = 0; i < THREAT_NOTIFICATIONS.size(); i++) {
            if (text.startsWith(THREAT_NOTIFICATIONS.get(i))) {
                return true;
            }
        }
        return false;
    }

        private static String attributedText(byte[] attributedBody) {
        try {
            return TypedStreamText.decode(attributedBody);
        } catch (EvidenceFormatException e) {
            return null;
        }
    }

    /** A message time: Cocoa seconds, or nanoseconds since iOS 11; 0 means none. */
    private static Instant appleTime(Long value) {
        return value == null || value == 0 ? null : AppleTime.fromCocoaSecondsOrNanos(value);
    }

    private static List<String> links(String text) {
        return text == null ? List.of() : LinkExtractor.links(text);
    }

    /**
     * The message's links, each as a {@link Observable#link}: they match what its text would (an alert shows the
     * whole link), without extracting the links a second time.
     */
    @Override
    public List<Observable> observables(Message message) {
        List<String> links = message.links();
        if (links.isEmpty()) {
            return List.of();
        }
        List<Observable> observables = new ArrayList<>(links.size());
        for (int i = 0; i < links.size(); i++) {
            observables.add(Observable.link(links.get(i)));
        }
        return observables;
    }

    @Override
    public List<TimelineEvent> timeline(Message message) {
        String service = String.valueOf(message.service());
        String direction = String.valueOf(message.direction());
        String preposition = "sent".equals(direction) ? " to " : " from ";
        String phoneNumber = String.valueOf(message.phoneNumber());
        String text = message.text() == null ? "" : message.text().replace("\n", "\\n");
        // sized at once: the concatenation's builder would grow, copying, three or four times
        String description = new StringBuilder(service.length() + direction.length() + preposition.length()
                + phoneNumber.length() + text.length() + 13)
                .append(service).append(" message ").append(direction).append(preposition).append(phoneNumber)
                .append(": \"").append(text).append('"').toString();
        List<TimelineEvent> events = new ArrayList<>(2);
        if (message.isodate() != null) {
            events.add(new TimelineEvent(message.isodate(), id(), event(direction), description));
        }
        if (message.isodateRead() != null) {
            events.add(new TimelineEvent(message.isodateRead(), id(), "sms_read", description));
        }
        return events;
    }

    /** {@code sms_} and the direction. */
    private static String event(String direction) {
        return switch (direction) {
            case "sent" -> "sms_sent";
            case "received" -> "sms_received";
            default -> "sms_" + direction;
        };
    }
}
