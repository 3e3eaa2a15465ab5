package org.bridle.testkit.ios;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.bridle.testkit.SqliteFixture;

/**
 * Writes a {@code Calendar.sqlitedb} (events in {@code CalendarItem}, organizers and attendees in
 * {@code Participant}). {@link Layout#CURRENT} has the {@code Identity} table (participants may carry their
 * address there rather than in {@code email}) and {@code creation_date}; {@link Layout#OLDER} has neither.
 */
public final class CalendarDatabase {
    /** The backup domain of the file. */
    public static final String DOMAIN = "HomeDomain";
    /** The file's path in {@link #DOMAIN}. */
    public static final String RELATIVE_PATH = "Library/Calendar/Calendar.sqlitedb";
    /** The file's path on the device. */
    public static final String DEVICE_PATH = "private/var/mobile/" + RELATIVE_PATH;

    /** Which layout is written. */
    public enum Layout { CURRENT, OLDER }

    private final Layout layout;
    private final List<String> statements = new ArrayList<>();
    private long nextItem;
    private long nextParticipant;

    private CalendarDatabase(Layout layout) {
        this.layout = layout;
        statements.add("CREATE TABLE CalendarItem (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, summary TEXT, "
                + "location_id INTEGER, description TEXT, start_date REAL, start_tz TEXT, end_date REAL, "
                + "end_tz TEXT, all_day INTEGER, calendar_id INTEGER, organizer_id INTEGER, self_attendee_id INTEGER, "
                + "status INTEGER, invitation_status INTEGER, url TEXT, last_modified REAL, external_id TEXT, "
                + "unique_identifier TEXT, hidden INTEGER, UUID TEXT, entity_type INTEGER"
                + (layout == Layout.CURRENT ? ", creation_date REAL, action TEXT, created_by_id INTEGER)" : ")"));
        statements.add("CREATE TABLE Participant (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, entity_type INTEGER, "
                + "type INTEGER, status INTEGER, role INTEGER, "
                + (layout == Layout.CURRENT ? "identity_id INTEGER, " : "")
                + "owner_id INTEGER, UUID TEXT, email TEXT, phone_number TEXT, is_self INTEGER, comment TEXT, "
                + "last_modified REAL)");
        if (layout == Layout.CURRENT) {
            statements.add("CREATE TABLE Identity (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, display_name TEXT, "
                    + "address TEXT, first_name TEXT, last_name TEXT)");
        }
    }

    /** An empty database in the layout of a recent iOS. */
    public static CalendarDatabase create() {
        return new CalendarDatabase(Layout.CURRENT);
    }

    /** An empty database in the given layout. */
    public static CalendarDatabase create(Layout layout) {
        return new CalendarDatabase(layout);
    }

    /**
     * Adds an event organized by {@code organizerEmail} (none when null), modified and (recent layout) created at
     * {@code created}; returns its ROWID.
     */
    public long event(String summary, String description, Instant start, Instant end, Instant created,
                      String organizerEmail) {
        long item = ++nextItem;
        Long organizer = organizerEmail == null ? null : participant(item, organizerEmail, null);
        List<String> columns = new ArrayList<>(List.of("ROWID", "summary", "description", "start_date", "end_date",
                "all_day", "calendar_id", "organizer_id", "last_modified", "hidden", "UUID", "entity_type"));
        List<Object> values = new ArrayList<>(Arrays.asList(item, summary, description, CocoaTime.seconds(start),
                CocoaTime.seconds(end), 0, 1, organizer, CocoaTime.seconds(created), 0,
                new UUID(0xCA1EL, item).toString().toUpperCase(), 2));
        if (layout == Layout.CURRENT) {
            columns.add("creation_date");
            values.add(CocoaTime.seconds(created));
        }
        statements.add(SqlLiterals.insert("CalendarItem", columns, values));
        return item;
    }

    /** Adds an attendee of an event, by e-mail address. */
    public CalendarDatabase attendee(long event, String email) {
        participant(event, email, null);
        return this;
    }

    /** Adds an attendee whose address only its Identity row holds ({@code mailto:…}; recent layout only). */
    public CalendarDatabase attendeeByIdentity(long event, String identityAddress) {
        if (layout != Layout.CURRENT) {
            throw new IllegalStateException("the older layout has no Identity table");
        }
        participant(event, null, identityAddress);
        return this;
    }

    private long participant(long event, String email, String identityAddress) {
        long pk = ++nextParticipant;
        List<String> columns = new ArrayList<>(List.of("ROWID", "owner_id", "UUID", "email"));
        List<Object> values = new ArrayList<>(Arrays.asList(pk, event, new UUID(0x9A7L, pk).toString(), email));
        if (identityAddress != null) {
            statements.add(SqlLiterals.insert("Identity", List.of("ROWID", "address"), List.of(pk, identityAddress)));
            columns.add("identity_id");
            values.add(pk);
        }
        statements.add(SqlLiterals.insert("Participant", columns, values));
        return pk;
    }

    /** The database file's bytes. */
    public byte[] bytes() {
        return SqliteFixture.bytes(statements.toArray(new String[0]));
    }
}
