package org.bridle.ios.artifacts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.indicators.LinkExtractor;
import org.bridle.core.io.EvidenceFormatException;
import org.bridle.core.io.SqliteEvidence;
import org.bridle.core.model.Observable;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * {@code whatsapp}: WhatsApp's messages with their links, its chat sessions, and the pairs that tie a contact's LID
 * (WhatsApp's private identifier) to a phone number, from ChatStorage.sqlite. Recent WhatsApp versions keep the pairs
 * in LID.sqlite beside it (which backups hold without listing it in Manifest.db), older ones in ChatStorage.sqlite.
 * Links to WhatsApp's own media servers are left out: every media message carries one.
 */
public final class Whatsapp implements Artifact<Whatsapp.Entry> {
    private static final String GROUP = "@group/group.net.whatsapp.WhatsApp.shared/";
    private static final DevicePath LID_DATABASE = DevicePath.of(GROUP + "LID.sqlite");
    private static final Pattern WHATSAPP_MEDIA = Pattern.compile(
            "(?i)https?://(?:mmg|media)[a-z0-9.-]*\\.whatsapp\\.net(?:[:/?#].*)?");
    private static final String PAIRS_TABLE = "ZWAPHONENUMBERLIDPAIR";

    /** One entry of {@code whatsapp.json}: a {@link Message}, a {@link Chat} or a {@link LidPair}. */
    public sealed interface Entry permits Message, Chat, LidPair {
    }

    /**
     * One message (repeated once per media or data item it has, as WhatsApp's tables join); absent columns are null.
     *
     * @param messageId the message's Z_PK
     * @param chatSession the Z_PK of its chat session
     * @param fromJid the sender's JID ({@code <number>@s.whatsapp.net}, {@code <lid>@lid}), null when sent
     * @param toJid the recipient's JID, null when received
     * @param text its text
     * @param direction {@code sent} or {@code received}
     * @param messageType WhatsApp's message type code
     * @param isodate when it was sent or received
     * @param mediaUrl the URL of its media item
     * @param authorName the author name of its media item
     * @param links the links in its text, media URL and link preview, without links to WhatsApp's media servers
     */
    public record Message(Long messageId, Long chatSession, String fromJid, String toJid, String text,
                          String direction, Long messageType, Instant isodate, String mediaUrl, String authorName,
                          List<String> links) implements Entry {
    }

    /**
     * One chat session with the dates of its first and last messages.
     *
     * @param sessionId the session's Z_PK
     * @param contactJid the partner's or group's JID
     * @param partnerName the partner's or group's name
     * @param partnerResolvedPhoneNumber the phone number of a partner known by LID, from the LID pairs
     * @param sessionType WhatsApp's session type code (0 one-to-one, 1 group, …)
     * @param archived whether the chat is archived
     * @param removed whether the chat was removed
     * @param messageCounter how many messages WhatsApp counted in it
     * @param storedMessageCount how many of its messages the database still holds
     * @param lastMessageDate the session's own last-message date (later than the last stored one when it was deleted)
     * @param groupCreationDate when the group was created
     * @param firstStoredMessageDate the date of its oldest stored message
     * @param lastStoredMessageDate the date of its newest stored message
     */
    public record Chat(Long sessionId, String contactJid, String partnerName, String partnerResolvedPhoneNumber,
                       Long sessionType, Boolean archived, Boolean removed, Long messageCounter,
                       Long storedMessageCount, Instant lastMessageDate, Instant groupCreationDate,
                       Instant firstStoredMessageDate, Instant lastStoredMessageDate) implements Entry {
    }

    /**
     * A LID tied to a phone number.
     *
     * @param lid the LID, digits (sometimes with {@code @lid})
     * @param phoneNumber the phone number, digits (sometimes with a {@code +} or a JID suffix)
     * @param pairTimestamp when WhatsApp recorded the pair
     */
    public record LidPair(String lid, String phoneNumber, Instant pairTimestamp) implements Entry {
    }

    @Override
    public String id() {
        return "whatsapp";
    }

    @Override
    public String description() {
        return "WhatsApp messages with their links, chat sessions and LID-phone number pairs, from ChatStorage.sqlite";
    }

    @Override
    public List<DevicePath> locations() {
        return List.of(DevicePath.of(GROUP + "ChatStorage.sqlite"));
    }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<Entry> out) throws Exception {
        try (SqliteEvidence db = context.database(file, out)) {
            if (!db.hasTable("ZWAMESSAGE")) {
                out.note("ChatStorage.sqlite has no ZWAMESSAGE table");
            } else {
                messages(db, out);
            }
            Map<String, String> phoneByLid = lidPairs(db, context, out);
            if (!db.hasTable("ZWACHATSESSION")) {
                out.note("ChatStorage.sqlite has no ZWACHATSESSION table");
            } else {
                chats(db, phoneByLid, out);
            }
        }
    }

    private static void messages(SqliteEvidence db, Emitter<Entry> out) throws Exception {
        List<String> select = new ArrayList<>(List.of("m.Z_PK AS message_id",
                db.columnOrNull("ZWAMESSAGE", "m", "ZCHATSESSION") + " AS chat_session",
                db.columnOrNull("ZWAMESSAGE", "m", "ZFROMJID") + " AS from_jid",
                db.columnOrNull("ZWAMESSAGE", "m", "ZTOJID") + " AS to_jid",
                db.columnOrNull("ZWAMESSAGE", "m", "ZTEXT") + " AS text",
                db.columnOrNull("ZWAMESSAGE", "m", "ZISFROMME") + " AS is_from_me",
                db.columnOrNull("ZWAMESSAGE", "m", "ZMESSAGETYPE") + " AS message_type",
                db.columnOrNull("ZWAMESSAGE", "m", "ZMESSAGEDATE") + " AS message_date"));
        StringBuilder from = new StringBuilder(" FROM ZWAMESSAGE m");
        StringBuilder order = new StringBuilder(" ORDER BY m.Z_PK");
        join(db, "ZWAMEDIAITEM", "media", List.of("ZMEDIAURL", "ZAUTHORNAME"), select, from, order);
        join(db, "ZWAMESSAGEDATAITEM", "data", List.of("ZMATCHEDTEXT", "ZCONTENT1", "ZCONTENT2"), select, from,
                order);
        db.query("SELECT " + String.join(", ", select) + from + order, row -> {
            String text = row.string("text");
            String mediaUrl = row.string("ZMEDIAURL");
            Set<String> links = new LinkedHashSet<>();
            for (String field : new String[] {text, row.string("ZMATCHEDTEXT"), mediaUrl,
                    row.string("ZCONTENT1"), row.string("ZCONTENT2")}) {
                if (field != null) {
                    LinkExtractor.links(field).stream().filter(l -> !WHATSAPP_MEDIA.matcher(l).matches())
                            .forEach(links::add);
                }
            }
            Long fromMe = row.integer("is_from_me");
            out.entry(new Message(row.integer("message_id"), row.integer("chat_session"), row.string("from_jid"),
                    row.string("to_jid"), text, fromMe != null && fromMe == 1 ? "sent" : "received",
                    row.integer("message_type"), row.cocoaTime("message_date"), mediaUrl, row.string("ZAUTHORNAME"),
                    List.copyOf(links)));
        });
    }

    /**
     * Adds a LEFT JOIN of a per-message table, its columns (null when the table or a column is missing) and its
     * rows' order.
     */
    private static void join(SqliteEvidence db, String table, String alias, List<String> columns, List<String> select,
                             StringBuilder from, StringBuilder order) throws Exception {
        boolean present = db.hasColumn(table, "ZMESSAGE");
        for (String column : columns) {
            select.add((present ? db.columnOrNull(table, alias, column) : "NULL") + " AS " + column);
        }
        if (present) {
            from.append(" LEFT JOIN ").append(table).append(' ').append(alias).append(" ON ").append(alias)
                    .append(".ZMESSAGE = m.Z_PK");
            order.append(", ").append(alias).append(".Z_PK");
        }
    }

    /**
     * Emits the LID pairs, from LID.sqlite when the evidence holds it, else from ChatStorage.sqlite, and returns
     * the phone digits of each LID's digits (one small map per contact, to name chats keyed by LID).
     */
    private Map<String, String> lidPairs(SqliteEvidence chatStorage, ParseContext context, Emitter<Entry> out)
            throws Exception {
        Map<String, String> phoneByLid = new HashMap<>();
        List<EvidenceFile> lidFiles = context.source().resolve(LID_DATABASE).stream()
                .filter(EvidenceFile::present).toList();
        if (!lidFiles.isEmpty()) {
            try (SqliteEvidence lidDb = context.database(lidFiles.get(0), out)) {
                if (lidDb.hasTable(PAIRS_TABLE)) {
                    pairs(lidDb, phoneByLid, out);
                    return phoneByLid;
                }
                out.note("LID.sqlite has no " + PAIRS_TABLE + " table");
            } catch (EvidenceFormatException e) {
                out.note("LID.sqlite cannot be read (" + e.getMessage() + "); LID-phone number pairs are read from "
                        + "ChatStorage.sqlite where it has them");
            }
        }
        if (chatStorage.hasTable(PAIRS_TABLE)) {
            pairs(chatStorage, phoneByLid, out);
        } else {
            out.note("No LID-phone number pairs (neither LID.sqlite nor ChatStorage.sqlite has them): chats keyed by "
                    + "LID are not resolved to phone numbers");
        }
        return phoneByLid;
    }

    private static void pairs(SqliteEvidence db, Map<String, String> phoneByLid, Emitter<Entry> out)
            throws Exception {
        db.query("SELECT " + db.columnOrNull(PAIRS_TABLE, "p", "ZLID") + " AS lid, "
                + db.columnOrNull(PAIRS_TABLE, "p", "ZPHONENUMBER") + " AS phone_number, "
                + db.columnOrNull(PAIRS_TABLE, "p", "ZTIMESTAMP") + " AS pair_timestamp FROM " + PAIRS_TABLE + " p",
                row -> {
                    LidPair pair = new LidPair(row.string("lid"), row.string("phone_number"),
                            row.cocoaTime("pair_timestamp"));
                    if (pair.lid() != null && pair.phoneNumber() != null) {
                        phoneByLid.put(beforeAt(pair.lid()), stripPlus(beforeAt(pair.phoneNumber())));
                    }
                    out.entry(pair);
                });
    }

    private static void chats(SqliteEvidence db, Map<String, String> phoneByLid, Emitter<Entry> out)
            throws Exception {
        List<String> select = new ArrayList<>(List.of("s.Z_PK AS session_id"));
        for (String column : List.of("ZCONTACTJID", "ZPARTNERNAME", "ZSESSIONTYPE", "ZARCHIVED", "ZREMOVED",
                "ZMESSAGECOUNTER", "ZLASTMESSAGEDATE")) {
            select.add(db.columnOrNull("ZWACHATSESSION", "s", column) + " AS " + column);
        }
        String from = " FROM ZWACHATSESSION s";
        if (db.hasColumn("ZWACHATSESSION", "ZGROUPINFO") && db.hasColumn("ZWAGROUPINFO", "ZCREATIONDATE")) {
            select.add("g.ZCREATIONDATE AS group_creation_date");
            from += " LEFT JOIN ZWAGROUPINFO g ON g.Z_PK = s.ZGROUPINFO";
        } else {
            select.add("NULL AS group_creation_date");
        }
        if (db.hasColumn("ZWAMESSAGE", "ZCHATSESSION")) {
            String date = db.columnOrNull("ZWAMESSAGE", "m", "ZMESSAGEDATE");
            select.addAll(List.of("MIN(" + date + ") AS first_stored", "MAX(" + date + ") AS last_stored",
                    "COUNT(m.Z_PK) AS stored_count"));
            from += " LEFT JOIN ZWAMESSAGE m ON m.ZCHATSESSION = s.Z_PK";
        } else {
            select.addAll(List.of("NULL AS first_stored", "NULL AS last_stored", "NULL AS stored_count"));
        }
        db.query("SELECT " + String.join(", ", select) + from + " GROUP BY s.Z_PK ORDER BY s.Z_PK", row -> {
            String jid = row.string("ZCONTACTJID");
            String resolved = jid != null && jid.endsWith("@lid") && phoneByLid.containsKey(beforeAt(jid))
                    ? "+" + phoneByLid.get(beforeAt(jid)) : null;
            out.entry(new Chat(row.integer("session_id"), jid, row.string("ZPARTNERNAME"), resolved,
                    row.integer("ZSESSIONTYPE"), row.flag("ZARCHIVED"), row.flag("ZREMOVED"),
                    row.integer("ZMESSAGECOUNTER"), row.integer("stored_count"), row.cocoaTime("ZLASTMESSAGEDATE"),
                    row.cocoaTime("group_creation_date"), row.cocoaTime("first_stored"), row.cocoaTime("last_stored")));
        });
    }

    private static String beforeAt(String value) {
        int at = value.indexOf('@');
        return at < 0 ? value : value.substring(0, at);
    }

    private static String stripPlus(String value) {
        return value.startsWith("+") ? value.substring(1) : value;
    }

    @Override
    public List<Observable> observables(Entry entry) {
        if (!(entry instanceof Message message)) {
            return List.of();
        }
        List<Observable> observables = new ArrayList<>();
        if (message.text() != null && !message.text().isEmpty()) {
            observables.add(Observable.text(message.text()));
        }
        message.links().forEach(link -> observables.add(Observable.url(link)));
        return observables;
    }

    @Override
    public List<TimelineEvent> timeline(Entry entry) {
        if (entry instanceof Message m) {
            return m.isodate() == null ? List.of() : List.of(new TimelineEvent(m.isodate(), id(), "message",
                    "WhatsApp message " + m.direction() + ("sent".equals(m.direction()) ? " to " + m.toJid()
                            : " from " + m.fromJid()) + ": \""
                            + (m.text() == null ? "" : m.text().replace("\n", "\\n")) + "\""
                            + (m.links().isEmpty() ? "" : " - links: " + String.join(", ", m.links()))));
        }
        if (entry instanceof Chat c) {
            return chatEvents(c);
        }
        LidPair p = (LidPair) entry;
        return p.pairTimestamp() == null ? List.of() : List.of(new TimelineEvent(p.pairTimestamp(), id(),
                "lid_pair_recorded", "WhatsApp associated LID " + p.lid() + " with phone number " + p.phoneNumber()));
    }

    private List<TimelineEvent> chatEvents(Chat chat) {
        String jid = chat.contactJid() == null ? "unknown" : chat.contactJid();
        String identifier = chat.partnerResolvedPhoneNumber() != null ? chat.partnerResolvedPhoneNumber() : jid;
        String label = chat.partnerName() != null ? "'" + chat.partnerName() + "' (" + identifier + ")" : identifier;
        String name = jid.endsWith("@g.us") || chat.groupCreationDate() != null
                ? "WhatsApp group chat " + label : "WhatsApp chat with " + label;
        List<TimelineEvent> events = new ArrayList<>(3);
        if (chat.groupCreationDate() != null) {
            events.add(new TimelineEvent(chat.groupCreationDate(), id(), "group_created", name + " was created"));
        }
        if (chat.firstStoredMessageDate() != null) {
            events.add(new TimelineEvent(chat.firstStoredMessageDate(), id(), "chat_first_message",
                    "First stored message in " + name));
        }
        Instant last = chat.lastMessageDate() != null ? chat.lastMessageDate() : chat.lastStoredMessageDate();
        if (last != null) {
            events.add(new TimelineEvent(last, id(), "chat_last_message", "Last message in " + name));
        }
        return events;
    }
}
