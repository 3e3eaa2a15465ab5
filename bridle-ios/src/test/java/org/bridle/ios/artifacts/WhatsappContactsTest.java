package org.bridle.ios.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.bridle.core.model.Observable;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.ios.ArtifactScan;
import org.bridle.ios.BackupAndDump;
import org.bridle.testkit.SqliteFixture;
import org.bridle.testkit.ios.WhatsappContactsDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WhatsappContactsTest {
    private static final Instant SET = Instant.parse("2025-07-24T22:13:20Z");
    private static final Instant UPDATED = Instant.parse("2025-08-04T11:33:20Z");

    @TempDir
    Path dir;

    private final WhatsappContacts contacts = new WhatsappContacts();

    @Test
    void readsContactsWithTheirTimerFromABackupAndADump() throws Exception {
        ArtifactScan scan = scan(WhatsappContactsDatabase.create()
                .contact("14155550100", "100000000000001@lid", "Alice Example", "Read https://alice.example.org/blog",
                        86_400L, SET, UPDATED)
                .contact("14155550101", null, "Bob Example", null, 0L, null, UPDATED)
                .contact("14155550102", null, null, null, 3600L, SET, null)
                .bytes());

        List<WhatsappContacts.Contact> entries = scan.entries("whatsapp_contacts");
        assertThat(entries).hasSize(3);
        WhatsappContacts.Contact alice = entries.get(0);
        assertThat(alice).isEqualTo(new WhatsappContacts.Contact(1L, "14155550100@s.whatsapp.net",
                "100000000000001@lid", "+14155550100", null, "Alice Example", null, null, null, null,
                "Read https://alice.example.org/blog", null, null, 86_400L, true, "24 hours", SET, null, null, UPDATED,
                1L, 1L, List.of("https://alice.example.org/blog")));
        assertThat(entries).extracting(WhatsappContacts.Contact::disappearingModeLabel)
                .containsExactly("24 hours", "off", "3600 seconds");
        assertThat(contacts.observables(alice)).containsExactly(Observable.text("Read https://alice.example.org/blog"),
                Observable.url("https://alice.example.org/blog"));
        assertThat(scan.sink().timeline()).hasSize(2 + 1 + 1);
        assertThat(scan.sink().timeline()).contains(new TimelineEvent(SET, "whatsapp_contacts",
                "disappearing_mode_set", "WhatsApp disappearing messages timer set to '24 hours' for "
                        + "14155550100@s.whatsapp.net (Alice Example)"));
        assertThat(scan.outcome("whatsapp_contacts").notes()).isEmpty();
    }

    @Test
    void theOlderLayoutHasNoLidNorTimerAndTheReportSaysTheTimerIsUnknown() throws Exception {
        ArtifactScan scan = scan(WhatsappContactsDatabase.create(WhatsappContactsDatabase.Layout.OLDER)
                .contact("14155550101", "ignored@lid", "Bob Example", null, 86_400L, SET, UPDATED).bytes());

        assertThat(scan.<WhatsappContacts.Contact>entries("whatsapp_contacts")).containsExactly(
                new WhatsappContacts.Contact(1L, "14155550101@s.whatsapp.net", null, "+14155550101", null,
                        "Bob Example", null, null, null, null, null, null, null, null, null, null, null, null, null,
                        UPDATED, 1L, 1L, List.of()));
        assertThat(scan.outcome("whatsapp_contacts").notes()).containsExactly("ContactsV2.sqlite has no "
                + "ZDISAPPEARINGMODEDURATION column: whether disappearing messages are on is unknown");
    }

    @Test
    void aDatabaseWithoutTheContactTableHasNoEntriesAndANote() throws Exception {
        ArtifactScan scan = scan(SqliteFixture.bytes("CREATE TABLE Z_METADATA (Z_VERSION INTEGER)"));

        assertThat(scan.entries("whatsapp_contacts")).isEmpty();
        assertThat(scan.outcome("whatsapp_contacts").notes())
                .containsExactly("ContactsV2.sqlite has no ZWAADDRESSBOOKCONTACT table");
    }

    @Test
    void aFileThatIsNotSqliteIsAFailureOfThisArtifact() throws Exception {
        ArtifactOutcome outcome = scan("SQLite format 2 is not a thing".repeat(5).getBytes(StandardCharsets.UTF_8))
                .outcome("whatsapp_contacts");

        assertThat(outcome.status()).isEqualTo(ArtifactOutcome.Status.FAILED);
        assertThat(outcome.failures().get(0).reason()).isEqualTo("not an SQLite database");
    }

    private ArtifactScan scan(byte[] database) throws Exception {
        return BackupAndDump.groupFile(dir, WhatsappContactsDatabase.GROUP_ID,
                WhatsappContactsDatabase.RELATIVE_PATH, database, contacts);
    }
}
