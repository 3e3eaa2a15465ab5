package org.bridle.ios.artifacts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.Finding;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.indicators.LinkExtractor;
import org.bridle.core.io.SqlRow;
import org.bridle.core.io.SqliteEvidence;
import org.bridle.core.model.Observable;
import org.bridle.core.model.Severity;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * {@code calendar}: calendar events with their organizer and attendees, from Calendar.sqlitedb. An event whose
 * summary is exactly "Meeting" and description exactly "Notes" is flagged: QuaDream's exploit arrived as such
 * calendar invitations. A participant's address is its {@code email}, or the {@code address} of its
 * {@code Identity} row in databases that have that table.
 */
public final class Calendar implements Artifact<Calendar.Event> {
    private static final String SEPARATOR = "\u001f";
    private static final List<String> ITEM_COLUMNS = List.of("summary", "description", "start_date", "end_date",
            "all_day", "calendar_id", "organizer_id", "url", "last_modified", "external_id", "unique_identifier",
            "hidden", "UUID", "creation_date");
    private static final List<String> PARTICIPANT_COLUMNS = List.of("UUID", "email", "phone_number", "comment",
            "last_modified");

    /**
     * One event; what the database version does not record is null.
     *
     * @param id the item's ROWID
     * @param summary its title
     * @param description its notes
     * @param startDate when it starts
     * @param endDate when it ends
     * @param allDay whether it lasts all day
     * @param calendarId the ROWID of its calendar
     * @param url its URL
     * @param lastModified when it was last modified
     * @param creationDate when it was created
     * @param externalId its id on the calendar server
     * @param uniqueIdentifier its iCalendar UID
     * @param hidden whether it is hidden
     * @param uuid its UUID
     * @param participantUuid the organizer's UUID
     * @param participantEmail the organizer's e-mail address: who sent the invitation
     * @param participantPhone the organizer's phone number
     * @param participantComment the organizer's comment
     * @param participantLastModified when the organizer's record was last modified
     * @param attendeeEmails the other participants' e-mail addresses
     * @param links the links in its URL and description
     */
    public record Event(Long id, String summary, String description, Instant startDate, Instant endDate,
                        Boolean allDay, Long calendarId, String url, Instant lastModified, Instant creationDate,
                        String externalId, String uniqueIdentifier, Boolean hidden, String uuid,
                        String participantUuid, String participantEmail, String participantPhone,
                        String participantComment, Instant participantLastModified, List<String> attendeeEmails,
                        List<String> links) {
    }

    @Override
    public String id() {
        return "calendar";
    }

    @Override
    public String description() {
        return "Calendar events with their organizer and attendees, from Calendar.sqlitedb";
    }

    @Override
    public List<DevicePath> locations() {
        return List.of(DevicePath.of("private/var/mobile/Library/Calendar/Calendar.sqlitedb"));
    }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<Event> out) throws Exception {
        try (SqliteEvidence db = context.database(file, out)) {
            if (!db.hasTable("CalendarItem")) {
                out.note("Calendar.sqlitedb has no CalendarItem table");
                return;
            }
            List<String> select = new ArrayList<>(List.of("i.ROWID AS item_id"));
            for (String column : ITEM_COLUMNS) {
                select.add(db.columnOrNull("CalendarItem", "i", column) + " AS item_" + column);
            }
            String from = " FROM CalendarItem i";
            boolean participants = db.hasTable("Participant") && db.hasColumn("CalendarItem", "organizer_id");
            boolean identities = participants && db.hasColumn("Participant", "identity_id")
                    && db.hasColumn("Identity", "address");
            if (participants) {
                for (String column : PARTICIPANT_COLUMNS) {
                    select.add(db.columnOrNull("Participant", "p", column) + " AS participant_" + column);
                }
                select.add(address(db, "p", "pi", identities) + " AS organizer_address");
                from += " LEFT JOIN Participant p ON p.ROWID = i.organizer_id";
                if (identities) {
                    from += " LEFT JOIN Identity pi ON pi.ROWID = p.identity_id";
                }
                if (db.hasColumn("Participant", "owner_id")) {
                    select.add("(SELECT GROUP_CONCAT(" + address(db, "a", "ai", identities) + ", '" + SEPARATOR
                            + "') FROM Participant a" + (identities ? " LEFT JOIN Identity ai ON ai.ROWID = "
                            + "a.identity_id" : "") + " WHERE a.owner_id = i.ROWID AND a.ROWID IS NOT "
                            + "i.organizer_id) AS attendees");
                }
            }
            db.query("SELECT " + String.join(", ", select) + from + " ORDER BY i.ROWID", row -> emit(event(row), out));
        }
    }

    /** The SQL of a participant's address: its e-mail, else its identity's address without {@code mailto:}. */
    private static String address(SqliteEvidence db, String participant, String identity, boolean identities)
            throws Exception {
        String email = db.columnOrNull("Participant", participant, "email");
        if (!identities) {
            return email;
        }
        return "COALESCE(" + email + ", CASE WHEN " + identity + ".address LIKE 'mailto:%' THEN SUBSTR("
                + identity + ".address, 8) ELSE " + identity + ".address END)";
    }

    private static Event event(SqlRow row) throws Exception {
        String attendees = row.string("attendees");
        String url = row.string("item_url");
        String description = row.string("item_description");
        Set<String> links = new LinkedHashSet<>();
        for (String text : new String[] {url, description}) {
            if (text != null) {
                links.addAll(LinkExtractor.links(text));
            }
        }
        return new Event(row.integer("item_id"), row.string("item_summary"), description,
                row.cocoaTime("item_start_date"), row.cocoaTime("item_end_date"), row.flag("item_all_day"),
                row.integer("item_calendar_id"), url, row.cocoaTime("item_last_modified"),
                row.cocoaTime("item_creation_date"), row.string("item_external_id"),
                row.string("item_unique_identifier"), row.flag("item_hidden"), row.string("item_UUID"),
                row.string("participant_UUID"), row.string("organizer_address"),
                row.string("participant_phone_number"), row.string("participant_comment"),
                row.cocoaTime("participant_last_modified"),
                attendees == null ? List.of() : List.copyOf(new LinkedHashSet<>(Arrays.asList(
                        attendees.split(SEPARATOR)))), List.copyOf(links));
    }

    private static void emit(Event event, Emitter<Event> out) {
        if ("Meeting".equals(event.summary()) && "Notes".equals(event.description())) {
            out.entry(event, new Finding(Severity.HIGH, "Calendar invitation titled \"Meeting\" with the notes "
                    + "\"Notes\" (from " + event.participantEmail() + "), as QuaDream's exploit invitations were: "
                    + event.uuid(), event.creationDate() != null ? event.creationDate() : event.startDate()));
        } else {
            out.entry(event);
        }
    }

    @Override
    public List<Observable> observables(Event event) {
        List<Observable> observables = new ArrayList<>();
        if (event.participantEmail() != null && !event.participantEmail().isEmpty()) {
            observables.add(Observable.email(event.participantEmail()));
        }
        event.attendeeEmails().forEach(email -> observables.add(Observable.email(email)));
        event.links().forEach(link -> observables.add(Observable.url(link)));
        return observables;
    }

    @Override
    public List<TimelineEvent> timeline(Event event) {
        String description = "Calendar event " + event.summary() + " (" + event.description() + ") (invitation by "
                + event.participantEmail() + ")";
        List<TimelineEvent> events = new ArrayList<>(5);
        add(events, event.startDate(), "start_date", description);
        add(events, event.endDate(), "end_date", description);
        add(events, event.lastModified(), "last_modified", description);
        add(events, event.creationDate(), "creation_date", description);
        add(events, event.participantLastModified(), "participant_last_modified", description);
        return events;
    }

    private void add(List<TimelineEvent> events, Instant time, String kind, String description) {
        if (time != null) {
            events.add(new TimelineEvent(time, id(), kind, description));
        }
    }
}
