package org.bridle.ios.artifacts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.indicators.LinkExtractor;
import org.bridle.core.io.SqlRow;
import org.bridle.core.io.SqliteEvidence;
import org.bridle.core.model.Observable;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * {@code whatsapp_contacts}: WhatsApp's contacts from ContactsV2.sqlite ({@code ZWAADDRESSBOOKCONTACT}), with each
 * contact's LID, about text and disappearing-messages timer (which ChatStorage.sqlite does not record for one-to-one
 * chats). WhatsApp renames and adds columns between versions: older ones call the status column
 * {@code ZPHONENUMBERSTATUS} and have no LID nor disappearing-messages columns.
 */
public final class WhatsappContacts implements Artifact<WhatsappContacts.Contact> {
    private static final String TABLE = "ZWAADDRESSBOOKCONTACT";
    private static final List<String> COLUMNS = List.of("ZWHATSAPPID", "ZLID", "ZPHONENUMBER",
            "ZLOCALIZEDPHONENUMBER", "ZFULLNAME", "ZGIVENNAME", "ZLASTNAME", "ZUSERNAME", "ZBUSINESSNAME",
            "ZABOUTTEXT", "ZABOUTEMOJI", "ZNOTES", "ZDISAPPEARINGMODEDURATION", "ZDISAPPEARINGMODETIMESTAMP",
            "ZABOUTTIMESTAMP", "ZABOUTEXPIRATIONTIMESTAMP", "ZLASTUPDATED", "ZSYNCPOLICY");
    private static final Map<Long, String> TIMER_LABELS = Map.of(86_400L, "24 hours", 604_800L, "7 days",
            1_209_600L, "14 days", 2_592_000L, "30 days", 7_776_000L, "90 days");

    /**
     * One contact; what the database version does not record is null.
     *
     * @param rowPk the row's Z_PK
     * @param whatsappId the contact's JID ({@code <number>@s.whatsapp.net})
     * @param lid the contact's LID ({@code <digits>@lid})
     * @param phoneNumber the phone number
     * @param localizedPhoneNumber the phone number as the owner's locale writes it
     * @param fullName the full name
     * @param givenName the given name
     * @param lastName the last name
     * @param userName the WhatsApp user name
     * @param businessName the business name of a business account
     * @param aboutText the contact's "about" text
     * @param aboutEmoji the contact's "about" emoji
     * @param notes the owner's notes on the contact
     * @param disappearingModeDuration the disappearing-messages timer in seconds (0 off)
     * @param disappearingModeIsOn whether disappearing messages are on; null when the database does not say
     * @param disappearingModeLabel the timer as people say it ({@code 24 hours}, {@code off}, …)
     * @param disappearingModeTimestamp when the timer was set
     * @param aboutTimestamp when the about text was changed
     * @param aboutExpirationTimestamp when the about text expires
     * @param lastUpdated when the contact record was last updated
     * @param phoneStatus WhatsApp's phone status code
     * @param syncPolicy WhatsApp's sync policy code
     * @param links the links in the about text and notes
     */
    public record Contact(Long rowPk, String whatsappId, String lid, String phoneNumber, String localizedPhoneNumber,
                          String fullName, String givenName, String lastName, String userName, String businessName,
                          String aboutText, String aboutEmoji, String notes, Long disappearingModeDuration,
                          Boolean disappearingModeIsOn, String disappearingModeLabel,
                          Instant disappearingModeTimestamp, Instant aboutTimestamp,
                          Instant aboutExpirationTimestamp, Instant lastUpdated, Long phoneStatus, Long syncPolicy,
                          List<String> links) {
    }

    @Override
    public String id() {
        return "whatsapp_contacts";
    }

    @Override
    public String description() {
        return "WhatsApp contacts with their LID, about text and disappearing-messages timer, from ContactsV2.sqlite";
    }

    @Override
    public List<DevicePath> locations() {
        return List.of(DevicePath.of("@group/group.net.whatsapp.WhatsApp.shared/ContactsV2.sqlite"));
    }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<Contact> out) throws Exception {
        try (SqliteEvidence db = context.database(file, out)) {
            if (!db.hasTable(TABLE)) {
                out.note("ContactsV2.sqlite has no " + TABLE + " table");
                return;
            }
            List<String> select = new ArrayList<>(List.of("c.Z_PK AS row_pk"));
            for (String column : COLUMNS) {
                select.add(db.columnOrNull(TABLE, "c", column) + " AS " + column);
            }
            String status = db.hasColumn(TABLE, "ZPHONESTATUS") ? "ZPHONESTATUS" : "ZPHONENUMBERSTATUS";
            select.add(db.columnOrNull(TABLE, "c", status) + " AS phone_status");
            boolean hasTimer = db.hasColumn(TABLE, "ZDISAPPEARINGMODEDURATION");
            if (!hasTimer) {
                out.note("ContactsV2.sqlite has no ZDISAPPEARINGMODEDURATION column: whether disappearing messages "
                        + "are on is unknown");
            }
            db.query("SELECT " + String.join(", ", select) + " FROM " + TABLE + " c ORDER BY c.Z_PK",
                    row -> out.entry(contact(row, hasTimer)));
        }
    }

    private static Contact contact(SqlRow row, boolean hasTimer) throws Exception {
        Double duration = row.real("ZDISAPPEARINGMODEDURATION");
        long seconds = duration == null ? 0 : duration.longValue();
        String aboutText = row.string("ZABOUTTEXT");
        String notes = row.string("ZNOTES");
        Set<String> links = new LinkedHashSet<>();
        for (String text : new String[] {aboutText, notes}) {
            if (text != null) {
                links.addAll(LinkExtractor.links(text));
            }
        }
        return new Contact(row.integer("row_pk"), row.string("ZWHATSAPPID"), row.string("ZLID"),
                row.string("ZPHONENUMBER"), row.string("ZLOCALIZEDPHONENUMBER"), row.string("ZFULLNAME"),
                row.string("ZGIVENNAME"), row.string("ZLASTNAME"), row.string("ZUSERNAME"),
                row.string("ZBUSINESSNAME"), aboutText, row.string("ZABOUTEMOJI"), notes,
                hasTimer ? seconds : null, hasTimer ? seconds != 0 : null,
                hasTimer ? (seconds == 0 ? "off" : TIMER_LABELS.getOrDefault(seconds, seconds + " seconds")) : null,
                row.cocoaTime("ZDISAPPEARINGMODETIMESTAMP"), row.cocoaTime("ZABOUTTIMESTAMP"),
                row.cocoaTime("ZABOUTEXPIRATIONTIMESTAMP"), row.cocoaTime("ZLASTUPDATED"), row.integer("phone_status"),
                row.integer("ZSYNCPOLICY"), List.copyOf(links));
    }

    @Override
    public List<Observable> observables(Contact contact) {
        List<Observable> observables = new ArrayList<>();
        for (String text : new String[] {contact.aboutText(), contact.notes()}) {
            if (text != null && !text.isEmpty()) {
                observables.add(Observable.text(text));
            }
        }
        contact.links().forEach(link -> observables.add(Observable.url(link)));
        return observables;
    }

    @Override
    public List<TimelineEvent> timeline(Contact contact) {
        String who = contact.whatsappId() != null ? contact.whatsappId()
                : contact.lid() != null ? contact.lid()
                : contact.phoneNumber() != null ? contact.phoneNumber() : "unknown";
        if (contact.fullName() != null) {
            who += " (" + contact.fullName() + ")";
        }
        List<TimelineEvent> events = new ArrayList<>(4);
        if (contact.disappearingModeTimestamp() != null) {
            events.add(new TimelineEvent(contact.disappearingModeTimestamp(), id(), "disappearing_mode_set",
                    "WhatsApp disappearing messages timer set to '" + contact.disappearingModeLabel() + "' for "
                            + who));
        }
        if (contact.aboutTimestamp() != null) {
            events.add(new TimelineEvent(contact.aboutTimestamp(), id(), "about_changed", "WhatsApp about text of "
                    + who + " changed" + (contact.aboutText() == null ? "" : " to \"" + contact.aboutText() + "\"")));
        }
        if (contact.aboutExpirationTimestamp() != null) {
            events.add(new TimelineEvent(contact.aboutExpirationTimestamp(), id(), "about_expiration",
                    "WhatsApp about text of " + who + " scheduled to expire"));
        }
        if (contact.lastUpdated() != null) {
            events.add(new TimelineEvent(contact.lastUpdated(), id(), "contact_last_updated",
                    "WhatsApp contact record for " + who + " updated"));
        }
        return events;
    }
}
