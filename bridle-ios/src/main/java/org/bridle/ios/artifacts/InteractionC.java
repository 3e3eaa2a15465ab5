package org.bridle.ios.artifacts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.io.SqlRow;
import org.bridle.core.io.SqliteEvidence;
import org.bridle.core.model.Observable;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * {@code interaction_c}: CoreDuet's record of interactions (messages, calls, shares) between the owner and contacts,
 * from interactionC.db, one entry per interaction, recipient and attachment. An interaction record created long
 * (an hour or more) after or before the event it describes is called out on the timeline: records are normally
 * written as the event happens, so a late one was backfilled. Core Data numbers the many-to-many tables that link
 * interactions to attachments and recipients ({@code Z_1INTERACTIONS}, {@code Z_2INTERACTIONRECIPIENT}) differently
 * across iOS versions, so they are found by their name's pattern.
 */
public final class InteractionC implements Artifact<InteractionC.Interaction> {
    private static final Duration BACKFILL = Duration.ofHours(1);
    private static final Pattern ATTACHMENT_LINK = Pattern.compile("Z_\\d+INTERACTIONS");
    private static final Pattern RECIPIENT_LINK = Pattern.compile("Z_\\d+INTERACTIONRECIPIENT");
    private static final List<String> INTERACTION_COLUMNS = List.of("ZSTARTDATE", "ZENDDATE", "ZCREATIONDATE",
            "ZBUNDLEID", "ZTARGETBUNDLEID", "ZACCOUNT", "ZDIRECTION", "ZMECHANISM", "ZISRESPONSE", "ZRECIPIENTCOUNT",
            "ZDOMAINIDENTIFIER", "ZGROUPNAME", "ZCONTENTURL", "ZDERIVEDINTENTIDENTIFIER");
    private static final List<String> CONTACT_COLUMNS = List.of("ZDISPLAYNAME", "ZIDENTIFIER", "ZPERSONID",
            "ZCUSTOMIDENTIFIER", "ZCREATIONDATE", "ZFIRSTINCOMINGSENDERDATE", "ZLASTINCOMINGSENDERDATE",
            "ZFIRSTINCOMINGRECIPIENTDATE", "ZLASTINCOMINGRECIPIENTDATE", "ZFIRSTOUTGOINGRECIPIENTDATE",
            "ZLASTOUTGOINGRECIPIENTDATE");
    private static final List<String> ATTACHMENT_COLUMNS = List.of("ZCONTENTTEXT", "ZUTI", "ZCONTENTURL");

    /**
     * One interaction (with one recipient and one attachment); what the database version does not record is null.
     *
     * @param tableId the interaction's Z_PK
     * @param startDate when the interaction started
     * @param endDate when it ended
     * @param interactionsCreationDate when the record was written
     * @param bundleId the app it happened in
     * @param targetBundleId the app it was directed to
     * @param account the account it went through
     * @param direction {@code INCOMING}, {@code OUTGOING}, or the code when another
     * @param mechanism CoreDuet's mechanism code (message, call, share, …)
     * @param isResponse whether it answered another
     * @param recipientCount how many recipients it had
     * @param domainIdentifier the app's conversation id
     * @param groupName the group conversation's name
     * @param contentUrl the interaction's content URL
     * @param derivedIntentId the id of the intent it was derived from
     * @param senderDisplayName the sender's name
     * @param senderIdentifier the sender's identifier (phone number, e-mail, app id)
     * @param senderPersonId the sender's Contacts id
     * @param customId the sender's app-specific id
     * @param recipientDisplayName the recipient's name
     * @param recipientIdentifier the recipient's identifier
     * @param recipientPersonId the recipient's Contacts id
     * @param content the attachment's text
     * @param uti the attachment's type
     * @param attachmentContentUrl the attachment's URL
     * @param contactsCreationDate when the sender's contact record was created
     * @param firstIncomingSenderDate the sender's first incoming interaction
     * @param lastIncomingSenderDate the sender's last incoming interaction
     * @param firstIncomingRecipientDate the first incoming interaction the sender was a recipient of
     * @param lastIncomingRecipientDate the last incoming interaction the sender was a recipient of
     * @param firstOutgoingRecipientDate the first outgoing interaction to the sender
     * @param lastOutgoingRecipientDate the last outgoing interaction to the sender
     */
    public record Interaction(Long tableId, Instant startDate, Instant endDate, Instant interactionsCreationDate,
                              String bundleId, String targetBundleId, String account, String direction,
                              Long mechanism, Boolean isResponse, Long recipientCount, String domainIdentifier,
                              String groupName, String contentUrl, String derivedIntentId, String senderDisplayName,
                              String senderIdentifier, String senderPersonId, String customId,
                              String recipientDisplayName, String recipientIdentifier, String recipientPersonId,
                              String content, String uti, String attachmentContentUrl, Instant contactsCreationDate,
                              Instant firstIncomingSenderDate, Instant lastIncomingSenderDate,
                              Instant firstIncomingRecipientDate, Instant lastIncomingRecipientDate,
                              Instant firstOutgoingRecipientDate, Instant lastOutgoingRecipientDate) {
    }

    @Override
    public String id() {
        return "interaction_c";
    }

    @Override
    public String description() {
        return "Interactions between the owner and contacts in apps (CoreDuet), from interactionC.db";
    }

    @Override
    public List<DevicePath> locations() {
        return List.of(DevicePath.of("private/var/mobile/Library/CoreDuet/People/interactionC.db"));
    }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<Interaction> out) throws Exception {
        try (SqliteEvidence db = context.database(file, out)) {
            if (!db.hasTable("ZINTERACTIONS")) {
                out.note("interactionC.db has no ZINTERACTIONS table");
                return;
            }
            List<String> select = new ArrayList<>(List.of("i.Z_PK AS table_id"));
            for (String column : INTERACTION_COLUMNS) {
                select.add(db.columnOrNull("ZINTERACTIONS", "i", column) + " AS i_" + column);
            }
            StringBuilder from = new StringBuilder(" FROM ZINTERACTIONS i");
            boolean contacts = db.hasTable("ZCONTACTS");
            contactColumns(db, contacts && db.hasColumn("ZINTERACTIONS", "ZSENDER"), "s", CONTACT_COLUMNS, select);
            if (contacts && db.hasColumn("ZINTERACTIONS", "ZSENDER")) {
                from.append(" LEFT JOIN ZCONTACTS s ON s.Z_PK = i.ZSENDER");
            }
            Optional<String[]> recipients = linkTable(db, RECIPIENT_LINK, "RECIPIENTS", "INTERACTIONRECIPIENT");
            contactColumns(db, contacts && recipients.isPresent(), "r", CONTACT_COLUMNS.subList(0, 3), select);
            if (contacts && recipients.isPresent()) {
                String[] link = recipients.get();
                from.append(" LEFT JOIN ").append(link[0]).append(" ir ON ir.").append(link[2]).append(" = i.Z_PK")
                        .append(" LEFT JOIN ZCONTACTS r ON r.Z_PK = ir.").append(link[1]);
            }
            Optional<String[]> attachments = linkTable(db, ATTACHMENT_LINK, "ATTACHMENTS", "INTERACTIONS");
            boolean joinAttachments = attachments.isPresent() && db.hasTable("ZATTACHMENT");
            for (String column : ATTACHMENT_COLUMNS) {
                select.add((joinAttachments ? db.columnOrNull("ZATTACHMENT", "a", column) : "NULL") + " AS a_"
                        + column);
            }
            if (joinAttachments) {
                String[] link = attachments.get();
                from.append(" LEFT JOIN ").append(link[0]).append(" ia ON ia.").append(link[2]).append(" = i.Z_PK")
                        .append(" LEFT JOIN ZATTACHMENT a ON a.Z_PK = ia.").append(link[1]);
            }
            db.query("SELECT " + String.join(", ", select) + from + " ORDER BY i.Z_PK",
                    row -> out.entry(interaction(row)));
        }
    }

    private static void contactColumns(SqliteEvidence db, boolean joined, String alias, List<String> columns,
                                       List<String> select) throws Exception {
        for (String column : columns) {
            select.add((joined ? db.columnOrNull("ZCONTACTS", alias, column) : "NULL") + " AS " + alias + "_"
                    + column);
        }
    }

    /**
     * The Core Data link table whose name matches {@code name} and has columns {@code Z_<n><otherSuffix>} and
     * {@code Z_<n><interactionSuffix>}: its name, the column naming the other row, and the one naming the interaction.
     */
    private static Optional<String[]> linkTable(SqliteEvidence db, Pattern name, String otherSuffix,
                                                String interactionSuffix) throws Exception {
        for (String table : db.tables()) {
            if (!name.matcher(table).matches()) {
                continue;
            }
            String other = null;
            String interaction = null;
            for (String column : db.columns(table)) {
                if (column.matches("Z_\\d+" + otherSuffix)) {
                    other = column;
                } else if (column.matches("Z_\\d+" + interactionSuffix)) {
                    interaction = column;
                }
            }
            if (other != null && interaction != null) {
                return Optional.of(new String[] {table, other, interaction});
            }
        }
        return Optional.empty();
    }

    private static Interaction interaction(SqlRow row) throws Exception {
        Long direction = row.integer("i_ZDIRECTION");
        return new Interaction(row.integer("table_id"), row.cocoaTime("i_ZSTARTDATE"), row.cocoaTime("i_ZENDDATE"),
                row.cocoaTime("i_ZCREATIONDATE"), row.string("i_ZBUNDLEID"), row.string("i_ZTARGETBUNDLEID"),
                row.string("i_ZACCOUNT"),
                direction == null ? null : direction == 0 ? "INCOMING" : direction == 1 ? "OUTGOING"
                        : String.valueOf(direction),
                row.integer("i_ZMECHANISM"), row.flag("i_ZISRESPONSE"), row.integer("i_ZRECIPIENTCOUNT"),
                row.string("i_ZDOMAINIDENTIFIER"), row.string("i_ZGROUPNAME"), row.string("i_ZCONTENTURL"),
                row.string("i_ZDERIVEDINTENTIDENTIFIER"), row.string("s_ZDISPLAYNAME"), row.string("s_ZIDENTIFIER"),
                row.string("s_ZPERSONID"), row.string("s_ZCUSTOMIDENTIFIER"), row.string("r_ZDISPLAYNAME"),
                row.string("r_ZIDENTIFIER"), row.string("r_ZPERSONID"), row.string("a_ZCONTENTTEXT"),
                row.string("a_ZUTI"), row.string("a_ZCONTENTURL"), row.cocoaTime("s_ZCREATIONDATE"),
                row.cocoaTime("s_ZFIRSTINCOMINGSENDERDATE"), row.cocoaTime("s_ZLASTINCOMINGSENDERDATE"),
                row.cocoaTime("s_ZFIRSTINCOMINGRECIPIENTDATE"), row.cocoaTime("s_ZLASTINCOMINGRECIPIENTDATE"),
                row.cocoaTime("s_ZFIRSTOUTGOINGRECIPIENTDATE"), row.cocoaTime("s_ZLASTOUTGOINGRECIPIENTDATE"));
    }

    @Override
    public List<Observable> observables(Interaction interaction) {
        List<Observable> observables = new ArrayList<>();
        for (String app : new String[] {interaction.bundleId(), interaction.targetBundleId()}) {
            if (app != null && !app.isEmpty()) {
                observables.add(Observable.appId(app));
            }
        }
        observables.addAll(Observable.urls(interaction.contentUrl(), interaction.attachmentContentUrl()));
        return observables;
    }

    @Override
    public List<TimelineEvent> timeline(Interaction interaction) {
        String sender = party(interaction.senderDisplayName(), interaction.senderIdentifier());
        String recipient = party(interaction.recipientDisplayName(), interaction.recipientIdentifier());
        if (recipient == null) {
            recipient = interaction.domainIdentifier();
        }
        if (sender == null && "OUTGOING".equals(interaction.direction())) {
            sender = "local user";
        }
        if (recipient == null && "INCOMING".equals(interaction.direction())) {
            recipient = "local user";
        }
        String data = "[" + interaction.bundleId() + "]"
                + (interaction.account() == null ? "" : " " + interaction.account())
                + (interaction.direction() == null ? "" : " " + interaction.direction())
                + " from " + (sender == null ? "unknown" : sender)
                + " to " + (recipient == null ? "unknown" : recipient)
                + (interaction.groupName() == null ? "" : " (group: " + interaction.groupName() + ")")
                + (interaction.content() == null ? "" : ": " + interaction.content());
        List<TimelineEvent> events = new ArrayList<>();
        add(events, interaction.startDate(), "start_date", data);
        if (interaction.endDate() != null && !interaction.endDate().equals(interaction.startDate())) {
            add(events, interaction.endDate(), "end_date", data);
        }
        creation(interaction, data).ifPresent(events::add);
        String party = party(interaction.senderDisplayName(), interaction.senderIdentifier());
        if (party != null) {
            add(events, interaction.contactsCreationDate(), "contacts_creation_date",
                    "Contact " + party + " first recorded in interactionC");
            add(events, interaction.firstIncomingSenderDate(), "first_incoming_sender_date",
                    "First incoming interaction from " + party);
            add(events, interaction.lastIncomingSenderDate(), "last_incoming_sender_date",
                    "Last incoming interaction from " + party);
            add(events, interaction.firstIncomingRecipientDate(), "first_incoming_recipient_date",
                    "First incoming interaction where " + party + " was a recipient");
            add(events, interaction.lastIncomingRecipientDate(), "last_incoming_recipient_date",
                    "Last incoming interaction where " + party + " was a recipient");
            add(events, interaction.firstOutgoingRecipientDate(), "first_outgoing_recipient_date",
                    "First outgoing interaction to " + party);
            add(events, interaction.lastOutgoingRecipientDate(), "last_outgoing_recipient_date",
                    "Last outgoing interaction to " + party);
        }
        return events;
    }

    /** The record's creation: always without a start date, else only when it is an hour or more away from it. */
    private Optional<TimelineEvent> creation(Interaction interaction, String data) {
        Instant created = interaction.interactionsCreationDate();
        if (created == null) {
            return Optional.empty();
        }
        if (interaction.startDate() == null) {
            return Optional.of(new TimelineEvent(created, id(), "interactions_creation_date", data));
        }
        Duration gap = Duration.between(interaction.startDate(), created);
        if (gap.abs().compareTo(BACKFILL) < 0) {
            return Optional.empty();
        }
        long hours = gap.abs().toHours();
        String amount = hours >= 24 ? Math.round(gap.abs().toSeconds() / 86_400.0) + " days"
                : Math.round(gap.abs().toSeconds() / 3_600.0) + " hours";
        return Optional.of(new TimelineEvent(created, id(), "interactions_creation_date", "Interaction record "
                + "created " + amount + (gap.isNegative() ? " before" : " after") + " the event: " + data));
    }

    private static String party(String name, String identifier) {
        if (name != null && identifier != null) {
            String nameDigits = name.replaceAll("\\D", "");
            return !nameDigits.isEmpty() && nameDigits.equals(identifier.replaceAll("\\D", "")) ? identifier
                    : name + " (" + identifier + ")";
        }
        return name != null ? name : identifier;
    }

    private void add(List<TimelineEvent> events, Instant time, String kind, String description) {
        if (time != null) {
            events.add(new TimelineEvent(time, id(), kind, description));
        }
    }
}
