package org.bridle.ios.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.bridle.core.model.Observable;
import org.bridle.core.model.Severity;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.ios.ArtifactScan;
import org.bridle.ios.BackupAndDump;
import org.bridle.testkit.SqliteFixture;
import org.bridle.testkit.ios.CalendarDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalendarTest {
    private static final Instant CREATED = Instant.parse("2023-04-01T09:00:00Z");
    private static final Instant START = Instant.parse("2023-04-03T10:00:00Z");
    private static final Instant END = Instant.parse("2023-04-03T11:00:00Z");

    @TempDir
    Path dir;

    private final Calendar calendar = new Calendar();

    @Test
    void readsEventsOrganizersAndAttendeesFromABackupAndADump() throws Exception {
        CalendarDatabase db = CalendarDatabase.create();
        long party = db.event("Team lunch", "Menu at https://lunch.example.org/menu", START, END, CREATED,
                "boss@example.org");
        db.attendee(party, "alice@example.org").attendeeByIdentity(party, "mailto:bob@example.net");
        db.event("Dentist", null, START, END, CREATED, null);

        ArtifactScan scan = scan(db.bytes());

        List<Calendar.Event> events = scan.entries("calendar");
        assertThat(events).hasSize(2);
        Calendar.Event lunch = events.get(0);
        assertThat(lunch.summary()).isEqualTo("Team lunch");
        assertThat(lunch.startDate()).isEqualTo(START);
        assertThat(lunch.creationDate()).isEqualTo(CREATED);
        assertThat(lunch.participantEmail()).isEqualTo("boss@example.org");
        assertThat(lunch.attendeeEmails()).containsExactly("alice@example.org", "bob@example.net");
        assertThat(lunch.links()).containsExactly("https://lunch.example.org/menu");
        assertThat(calendar.observables(lunch)).containsExactly(Observable.email("boss@example.org"),
                Observable.email("alice@example.org"), Observable.email("bob@example.net"),
                Observable.url("https://lunch.example.org/menu"));
        assertThat(events.get(1).participantEmail()).isNull();
        assertThat(events.get(1).attendeeEmails()).isEmpty();
        assertThat(calendar.observables(events.get(1))).isEmpty();
        assertThat(scan.sink().alerts("calendar")).isEmpty();
        assertThat(scan.sink().timeline()).hasSize(2 * 4);
        assertThat(scan.sink().timeline()).contains(new TimelineEvent(START, "calendar", "start_date",
                "Calendar event Team lunch (Menu at https://lunch.example.org/menu) (invitation by boss@example.org)"));
    }

    @Test
    void flagsQuaDreamsMeetingInvitationButNotNearMisses() throws Exception {
        CalendarDatabase db = CalendarDatabase.create();
        db.event("Meeting", "Notes", START, END, CREATED, "attacker@example.com");
        db.event("Meeting", "Agenda", START, END, CREATED, "colleague@example.com");
        db.event("meeting", "Notes", START, END, CREATED, "colleague@example.com");
        db.event("Meeting ", "Notes", START, END, CREATED, "colleague@example.com");
        db.event("Weekly Meeting", "Notes", START, END, CREATED, "colleague@example.com");
        db.event("Meeting", null, START, END, CREATED, "colleague@example.com");

        ArtifactScan scan = scan(db.bytes());

        assertThat(scan.entries("calendar")).hasSize(6);
        assertThat(scan.sink().alerts("calendar")).singleElement().satisfies(alert -> {
            assertThat(alert.level()).isEqualTo(Severity.HIGH);
            assertThat(alert.message()).contains("QuaDream").contains("attacker@example.com");
        });
    }

    @Test
    void theOlderLayoutHasNoIdentityTableNorCreationDate() throws Exception {
        CalendarDatabase db = CalendarDatabase.create(CalendarDatabase.Layout.OLDER);
        long event = db.event("Call", "", START, END, CREATED, "boss@example.org");
        db.attendee(event, "alice@example.org");

        ArtifactScan scan = scan(db.bytes());

        Calendar.Event call = scan.<Calendar.Event>entries("calendar").get(0);
        assertThat(call.creationDate()).isNull();
        assertThat(call.lastModified()).isEqualTo(CREATED);
        assertThat(call.participantEmail()).isEqualTo("boss@example.org");
        assertThat(call.attendeeEmails()).containsExactly("alice@example.org");
        assertThat(scan.sink().timeline()).extracting(TimelineEvent::event)
                .containsExactly("start_date", "end_date", "last_modified");
    }

    @Test
    void aDatabaseWithoutCalendarItemHasNoEntriesAndANote() throws Exception {
        ArtifactScan scan = scan(SqliteFixture.bytes("CREATE TABLE Calendar (ROWID INTEGER PRIMARY KEY, title TEXT)"));

        assertThat(scan.entries("calendar")).isEmpty();
        assertThat(scan.outcome("calendar").notes()).containsExactly("Calendar.sqlitedb has no CalendarItem table");
    }

    @Test
    void anEmptyFileIsAFailureOfThisArtifact() throws Exception {
        ArtifactOutcome outcome = scan(new byte[0]).outcome("calendar");

        assertThat(outcome.status()).isEqualTo(ArtifactOutcome.Status.FAILED);
        assertThat(outcome.failures().get(0).reason()).isEqualTo("the database file is empty");
    }

    private ArtifactScan scan(byte[] database) throws Exception {
        return BackupAndDump.rootFile(dir, CalendarDatabase.DEVICE_PATH, database, calendar);
    }
}
