package org.bridle.ios.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.bridle.core.model.Alert;
import org.bridle.core.model.Observable;
import org.bridle.core.model.Severity;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.ios.ArtifactScan;
import org.bridle.ios.backup.IosBackup;
import org.bridle.testkit.BackupBuilder;
import org.bridle.testkit.EvidenceSnapshot;
import org.bridle.testkit.SqliteFixture;
import org.bridle.testkit.ios.SmsDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmsTest {
    private static final Instant RECEIVED = Instant.parse("2023-05-02T08:15:30.250Z");
    private static final Instant READ = Instant.parse("2023-05-02T09:00:00Z");
    private static final Instant SENT = Instant.parse("2023-05-03T10:00:00Z");

    @TempDir
    Path dir;

    private final Sms sms = new Sms();

    @Test
    void readsMessagesWithCorrespondentDirectionLinksAndTimes() throws Exception {
        ArtifactScan scan = scan(SmsDatabase.create()
                .handle(1, "+15555550123", "SMS")
                .received(1, 1, "Your parcel: https://parcel.example.com/t?id=7 or http://b.example.net\tthanks",
                        RECEIVED, READ)
                .message(2, 1, true, "On my way", null, SENT, null)
                .message(3, 0, false, "no correspondent", null, SENT, null)
                .bytes());

        List<Sms.Message> messages = scan.entries("sms");
        assertThat(messages).hasSize(3);
        Sms.Message received = messages.get(0);
        assertThat(received.rowid()).isEqualTo(1);
        assertThat(received.guid()).isEqualTo("00000000-0000-4000-8000-000000000001");
        assertThat(received.phoneNumber()).isEqualTo("+15555550123");
        assertThat(received.handleId()).isEqualTo(1);
        assertThat(received.service()).isEqualTo("SMS");
        assertThat(received.direction()).isEqualTo("received");
        assertThat(received.isodate()).isEqualTo(RECEIVED);
        assertThat(received.isodateRead()).isEqualTo(READ);
        assertThat(received.links()).containsExactly("https://parcel.example.com/t?id=7", "http://b.example.net");
        assertThat(sms.observables(received)).containsExactly(Observable.link("https://parcel.example.com/t?id=7"),
                Observable.link("http://b.example.net"));

        Sms.Message sent = messages.get(1);
        assertThat(sent.direction()).isEqualTo("sent");
        assertThat(sent.isodateRead()).isNull();
        assertThat(sent.links()).isEmpty();
        assertThat(messages.get(2).phoneNumber()).isNull();

        assertThat(scan.sink().timeline()).extracting(TimelineEvent::event, TimelineEvent::time).containsExactly(
                tuple("sms_received", RECEIVED),
                tuple("sms_read", READ),
                tuple("sms_sent", SENT),
                tuple("sms_received", SENT));
        assertThat(scan.sink().alerts()).isEmpty();
    }

    @Test
    void readsDatesInSecondsFromTheIos10Layout() throws Exception {
        ArtifactScan scan = scan(SmsDatabase.create(SmsDatabase.Layout.IOS_10)
                .handle(1, "+15555550123", "SMS")
                .received(1, 1, "hello", Instant.parse("2016-09-01T12:00:00Z"), Instant.parse("2016-09-01T12:05:00Z"))
                .bytes());

        Sms.Message message = scan.<Sms.Message>entries("sms").get(0);
        assertThat(message.isodate()).isEqualTo(Instant.parse("2016-09-01T12:00:00Z"));
        assertThat(message.isodateRead()).isEqualTo(Instant.parse("2016-09-01T12:05:00Z"));
    }

    @Test
    void takesTheTextFromAttributedBodyWhenTheTextColumnIsEmpty() throws Exception {
        String longText = "Dépêchez-vous 📦 ".repeat(12) + "https://long.example.org/path";
        ArtifactScan scan = scan(SmsDatabase.create()
                .handle(1, "+15555550123", "iMessage")
                .message(1, 1, false, null, SmsDatabase.attributedBody("See https://short.example.org/x"), RECEIVED,
                        null)
                .message(2, 1, false, null, SmsDatabase.attributedBody(longText), RECEIVED, null)
                .message(3, 1, false, null, "not a typedstream".getBytes(), RECEIVED, null)
                .message(4, 1, false, "the text column wins", SmsDatabase.attributedBody("ignored"), RECEIVED, null)
                .bytes());

        List<Sms.Message> messages = scan.entries("sms");
        assertThat(messages).extracting(Sms.Message::text).containsExactly("See https://short.example.org/x",
                longText, null, "the text column wins");
        assertThat(messages.get(0).links()).containsExactly("https://short.example.org/x");
        assertThat(messages.get(1).links()).containsExactly("https://long.example.org/path");
        assertThat(sms.observables(messages.get(2))).isEmpty();
        assertThat(scan.outcome("sms").notes()).containsExactly("1 message(s) have no text (the text column is "
                + "NULL) and an attributedBody that cannot be decoded; their text is left empty");
    }

    @Test
    void flagsApplesThreatNotificationButNotNearMisses() throws Exception {
        String oldWording = "ALERT: State-sponsored attackers may be targeting your iPhone. Learn more at "
                + "https://support.apple.com/HT212025";
        String newWording = "ALERT: Apple detected a targeted mercenary spyware attack against your iPhone.";
        ArtifactScan scan = scan(SmsDatabase.create()
                .handle(1, "+15555550123", "iMessage")
                .received(1, 1, oldWording, RECEIVED, null)
                .message(2, 1, false, null, SmsDatabase.attributedBody(newWording), SENT, null)
                .received(3, 1, "Did you get this? \"" + oldWording + "\"", RECEIVED, null)
                .received(4, 1, "ALERT: Attackers may be targeting your iPhone", RECEIVED, null)
                .received(5, 1, "alert: state-sponsored attackers may be targeting your iphone", RECEIVED, null)
                .received(6, 1, " " + newWording, RECEIVED, null)
                .bytes());

        List<Alert> alerts = scan.sink().alerts("sms");
        assertThat(alerts).hasSize(2);
        assertThat(alerts).allSatisfy(alert -> assertThat(alert.level()).isEqualTo(Severity.HIGH));
        assertThat(alerts).extracting(alert -> ((Sms.Message) alert.event()).rowid()).containsExactly(1L, 2L);
        assertThat(alerts).extracting(Alert::eventTime).containsExactly(RECEIVED, SENT);
        assertThat(scan.outcome("sms").entries()).isEqualTo(6);
    }

    @Test
    void aDatabaseWithoutMessageTableHasNoEntriesAndANote() throws Exception {
        ArtifactScan scan = scan(SqliteFixture.bytes("CREATE TABLE chat (ROWID INTEGER)"));

        assertThat(scan.entries("sms")).isEmpty();
        assertThat(scan.outcome("sms").status()).isEqualTo(ArtifactOutcome.Status.FOUND);
        assertThat(scan.outcome("sms").notes()).containsExactly("sms.db has no message table");
    }

    @Test
    void aFileThatIsNotSqliteIsAFailureOfThisArtifact() throws Exception {
        ArtifactScan scan = scan("this is not a database".getBytes());

        ArtifactOutcome outcome = scan.outcome("sms");
        assertThat(outcome.status()).isEqualTo(ArtifactOutcome.Status.FAILED);
        assertThat(outcome.failures().get(0).reason()).isEqualTo("not an SQLite database");
    }

    /** Scans a backup holding this sms.db, asserting the scan left the backup unchanged. */
    /**
     * The correspondent is the handle whose ROWID equals the message's handle_id, as SQLite's {@code LEFT JOIN handle
     * h ON h.ROWID = m.handle_id} finds it, for handle_id values of every kind and in a column with and without a
     * numeric affinity; a column a database version lacks reads as null.
     */
    @Test
    void findsTheCorrespondentAsTheJoinDid() throws Exception {
        for (String handleType : List.of("INTEGER DEFAULT 0", "", "TEXT", "REAL")) {
            Path db = dir.resolve("join-" + handleType.replace(" ", "-") + ".db");
            try (SqliteFixture f = SqliteFixture.create(db)) {
                f.execute("CREATE TABLE handle (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT, service TEXT)");
                f.execute("CREATE TABLE message (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT, text TEXT, "
                        + "handle_id " + handleType + ", date INTEGER)");
                f.execute("INSERT INTO handle VALUES (1, '+1555', 'SMS'), (2, NULL, 'SMS'), (5, 'five@example.com', 'x'),"
                        + " (-3, 'minus three', 'x')");
                int rowid = 1;
                for (String handle : List.of("1", "2", "3", "5", "0", "NULL", "-3", "1.0", "5.5", "'5'", "' 5 '",
                        "'x5'", "'1e0'", "x'01'", "9223372036854775807", "1e300", "'+5'", "'05'", "'5.0'")) {
                    f.execute("INSERT INTO message VALUES (" + rowid++ + ", 'g', 'text " + handle.replace("'", "''")
                            + "', " + handle + ", 0)");
                }
            }
            List<String> expected = new java.util.ArrayList<>();
            try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
                 java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT m.text, h.id FROM message m "
                         + "LEFT JOIN handle h ON h.ROWID = m.handle_id ORDER BY m.ROWID")) {
                while (rs.next()) {
                    expected.add(rs.getString(1) + " -> " + rs.getString(2));
                }
            }
            List<Sms.Message> messages = scan(java.nio.file.Files.readAllBytes(db)).entries("sms");
            assertThat(messages).extracting(m -> m.text() + " -> " + m.phoneNumber()).as(handleType)
                    .containsExactlyElementsOf(expected);
            assertThat(expected).contains("text 1 -> +1555", "text 3 -> null", "text NULL -> null");
            assertThat(messages).extracting(Sms.Message::service).containsOnlyNulls();
        }
    }

    private ArtifactScan scan(byte[] smsDb) throws Exception {
        Path backup = new BackupBuilder(dir.resolve("b")).file("HomeDomain", "Library/SMS/sms.db", smsDb).build();
        EvidenceSnapshot before = EvidenceSnapshot.of(backup);
        ArtifactScan scan;
        try (IosBackup source = IosBackup.open(backup)) {
            scan = ArtifactScan.run(source, sms);
        }
        assertThat(EvidenceSnapshot.of(backup)).isEqualTo(before);
        return scan;
    }
}
