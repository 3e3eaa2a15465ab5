package org.bridle.ios.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.bridle.core.model.Observable;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.ios.ArtifactScan;
import org.bridle.ios.BackupAndDump;
import org.bridle.testkit.SqliteFixture;
import org.bridle.testkit.ios.AddressBookDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactsTest {
    private static final Instant CREATED = Instant.parse("2020-06-01T12:00:00Z");

    @TempDir
    Path dir;

    private final Contacts contacts = new Contacts();

    @Test
    void readsEveryValueOfEveryPersonFromABackupAndADump() throws Exception {
        AddressBookDatabase db = AddressBookDatabase.create();
        long alice = db.person("Alice", "Example", null, CREATED);
        db.value(alice, AddressBookDatabase.PHONE, "_$!<Mobile>!$_", "+33 6 00 00 00 01")
                .value(alice, AddressBookDatabase.EMAIL, "_$!<Work>!$_", "alice@example.org")
                .value(alice, AddressBookDatabase.URL, null, "https://alice.example.org/");
        long shop = db.person(null, null, "Corner Shop", CREATED);
        db.value(shop, AddressBookDatabase.PHONE, null, "+33 1 00 00 00 02").value(shop, 99, null, null);

        ArtifactScan scan = scan(db.bytes());

        List<Contacts.Contact> entries = scan.entries("contacts");
        assertThat(entries).containsExactly(
                new Contacts.Contact(1L, "Alice", null, "Example", null, "phone", "_$!<Mobile>!$_",
                        "+33 6 00 00 00 01", CREATED, CREATED),
                new Contacts.Contact(1L, "Alice", null, "Example", null, "email", "_$!<Work>!$_",
                        "alice@example.org", CREATED, CREATED),
                new Contacts.Contact(1L, "Alice", null, "Example", null, "url", null, "https://alice.example.org/",
                        CREATED, CREATED),
                new Contacts.Contact(2L, null, null, null, "Corner Shop", "phone", null, "+33 1 00 00 00 02",
                        CREATED, CREATED));
        assertThat(contacts.observables(entries.get(0))).isEmpty();
        assertThat(contacts.observables(entries.get(1))).containsExactly(Observable.email("alice@example.org"));
        assertThat(contacts.observables(entries.get(2))).containsExactly(Observable.url("https://alice.example.org/"));
    }

    @Test
    void theOlderLayoutHasNoLabels() throws Exception {
        AddressBookDatabase db = AddressBookDatabase.create(AddressBookDatabase.Layout.OLDER);
        db.value(db.person("Bob", null, null, CREATED), AddressBookDatabase.EMAIL, "_$!<Home>!$_", "bob@example.net");

        ArtifactScan scan = scan(db.bytes());

        assertThat(scan.<Contacts.Contact>entries("contacts")).containsExactly(new Contacts.Contact(1L, "Bob", null,
                null, null, "email", null, "bob@example.net", CREATED, CREATED));
    }

    @Test
    void aDatabaseWithoutPeopleHasNoEntriesAndANote() throws Exception {
        ArtifactScan scan = scan(SqliteFixture.bytes("CREATE TABLE ABGroup (ROWID INTEGER PRIMARY KEY, Name TEXT)"));

        assertThat(scan.entries("contacts")).isEmpty();
        assertThat(scan.outcome("contacts").notes())
                .containsExactly("AddressBook.sqlitedb has no ABPerson and ABMultiValue tables");
    }

    @Test
    void anEmptyFileIsAFailureOfThisArtifact() throws Exception {
        ArtifactOutcome outcome = scan(new byte[0]).outcome("contacts");

        assertThat(outcome.status()).isEqualTo(ArtifactOutcome.Status.FAILED);
        assertThat(outcome.failures().get(0).reason()).isEqualTo("the database file is empty");
    }

    private ArtifactScan scan(byte[] database) throws Exception {
        return BackupAndDump.rootFile(dir, AddressBookDatabase.DEVICE_PATH, database, contacts);
    }
}
