package org.bridle.ios.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.bridle.core.model.Alert;
import org.bridle.core.model.Observable;
import org.bridle.core.model.Severity;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.ios.ArtifactScan;
import org.bridle.testkit.BackupBuilder;
import org.bridle.testkit.DumpBuilder;
import org.bridle.testkit.SqliteFixture;
import org.bridle.testkit.ios.SmsDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmsAttachmentsTest {
    private static final Instant T = Instant.parse("2021-07-01T08:00:00Z");
    private static final String PHOTO = "~/Library/SMS/Attachments/ab/11/AAAA-1111/IMG_0001.jpeg";

    @TempDir
    Path dir;

    private final SmsAttachments artifact = new SmsAttachments();

    private static SmsDatabase database(SmsDatabase.Layout layout) {
        return SmsDatabase.create(layout)
                .handle(1, "+15555550123", "iMessage")
                .received(1, 1, "look", T, null)
                .message(2, 1, true, "mine", null, T.plusSeconds(60), null)
                .received(3, 1, "", T.plusSeconds(120), null)
                // the suspicious one: received, in /var/tmp/, ending in -1
                .attachment(1, 3, false, "/var/tmp/com.apple.messages/ABCDEF-1", "application/octet-stream",
                        "ABCDEF-1", 4096, T.plusSeconds(120))
                .attachment(2, 1, false, PHOTO, "image/jpeg", "IMG_0001.jpeg", 123_456, T)
                // near misses: sent from /var/tmp/ ending in -1; received in /var/tmp/ ending in -2;
                // received ending in -1 elsewhere
                .attachment(3, 2, true, "/var/tmp/outgoing-1", "image/png", "outgoing-1", 10, T.plusSeconds(60))
                .attachment(4, 3, false, "/var/tmp/com.apple.messages/ABCDEF-2", null, "ABCDEF-2", 10,
                        T.plusSeconds(121))
                .attachment(5, 3, false, "/private/var/tmp/x-1", null, "x-1", 10, T.plusSeconds(122))
                // an attachment no message links to
                .attachment(6, 0, false, "~/Library/SMS/Attachments/cc/12/orphan.heic", "image/heic", "orphan.heic",
                        1, T.plusSeconds(123));
    }

    @Test
    void readsAttachmentsWithTheirMessagesAndFlagsOnlyAReceivedVarTmpFileEndingInMinusOne() throws Exception {
        byte[] sms = database(SmsDatabase.Layout.IOS_16).bytes();
        Path backup = new BackupBuilder(dir.resolve("b")).file("HomeDomain", "Library/SMS/sms.db", sms).build();
        Path dump = new DumpBuilder(dir.resolve("d")).file("private/var/mobile/Library/SMS/sms.db", sms).build();

        for (ArtifactScan scan : List.of(ArtifactScan.overBackup(backup, artifact),
                ArtifactScan.overDump(dump, artifact))) {
            List<SmsAttachments.Attachment> attachments = scan.entries("sms_attachments");
            assertThat(attachments).extracting(SmsAttachments.Attachment::attachmentId)
                    .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
            SmsAttachments.Attachment photo = attachments.get(1);
            assertThat(photo.filename()).isEqualTo(PHOTO);
            assertThat(photo.transferName()).isEqualTo("IMG_0001.jpeg");
            assertThat(photo.mimeType()).isEqualTo("image/jpeg");
            assertThat(photo.totalBytes()).isEqualTo(123_456L);
            assertThat(photo.direction()).isEqualTo("received");
            assertThat(photo.service()).isEqualTo("SMS");
            assertThat(photo.phoneNumber()).isEqualTo("+15555550123");
            assertThat(photo.messageId()).isEqualTo(1L);
            assertThat(photo.isSticker()).isFalse();
            assertThat(photo.hasUserInfo()).isFalse();
            assertThat(photo.isodate()).isEqualTo(T);
            assertThat(attachments.get(2).direction()).isEqualTo("sent");
            SmsAttachments.Attachment orphan = attachments.get(5);
            assertThat(orphan.messageId()).isNull();
            assertThat(orphan.service()).isNull();
            assertThat(orphan.phoneNumber()).isNull();

            assertThat(artifact.observables(photo)).containsExactly(Observable.filePath(PHOTO),
                    Observable.fileName("IMG_0001.jpeg"));

            List<Alert> alerts = scan.sink().alerts("sms_attachments");
            assertThat(alerts).singleElement().satisfies(alert -> {
                assertThat(alert.level()).isEqualTo(Severity.MEDIUM);
                assertThat(alert.message()).contains("/var/tmp/com.apple.messages/ABCDEF-1");
                assertThat(alert.eventTime()).isEqualTo(T.plusSeconds(120));
                assertThat(alert.event()).isEqualTo(attachments.get(0));
            });
            assertThat(scan.sink().timeline()).hasSize(6);
            assertThat(scan.sink().timeline().get(0).description()).isEqualTo("SMS: attachment "
                    + "'ABCDEF-1' received from +15555550123 with 4096 bytes (is_sticker: false, has_user_info: false)");
        }
    }

    @Test
    void readsTheIos10LayoutWithoutStickerColumns() throws Exception {
        Path backup = new BackupBuilder(dir.resolve("b")).file("HomeDomain", "Library/SMS/sms.db",
                database(SmsDatabase.Layout.IOS_10).bytes()).build();

        ArtifactScan scan = ArtifactScan.overBackup(backup, artifact);

        List<SmsAttachments.Attachment> attachments = scan.entries("sms_attachments");
        assertThat(attachments).hasSize(6);
        assertThat(attachments).extracting(SmsAttachments.Attachment::isSticker).containsOnlyNulls();
        assertThat(attachments.get(1).isodate()).isEqualTo(T);
        assertThat(scan.sink().alerts("sms_attachments")).extracting(a -> a.event())
                .containsExactly(attachments.get(0));
    }

    @Test
    void withoutTheJoinTableAttachmentsComeWithoutTheirMessagesAndWithoutAnAttachmentTableThereAreNone()
            throws Exception {
        Path backup = new BackupBuilder(dir.resolve("b")).file("HomeDomain", "Library/SMS/sms.db", SqliteFixture.bytes(
                "CREATE TABLE attachment (ROWID INTEGER PRIMARY KEY, filename TEXT, is_outgoing INTEGER)",
                "INSERT INTO attachment VALUES (7, '/var/tmp/z-1', 0)")).build();
        Path noAttachments = new BackupBuilder(dir.resolve("c")).file("HomeDomain", "Library/SMS/sms.db",
                SqliteFixture.bytes("CREATE TABLE message (ROWID INTEGER PRIMARY KEY, text TEXT)")).build();

        ArtifactScan scan = ArtifactScan.overBackup(backup, artifact);
        ArtifactScan none = ArtifactScan.overBackup(noAttachments, artifact);

        assertThat(scan.<SmsAttachments.Attachment>entries("sms_attachments")).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("/var/tmp/z-1");
            assertThat(a.service()).isNull();
            assertThat(a.transferName()).isNull();
            assertThat(a.isodate()).isNull();
        });
        assertThat(scan.outcome("sms_attachments").notes()).singleElement().asString()
                .contains("no message_attachment_join");
        assertThat(scan.sink().alerts()).extracting(Alert::level).containsExactly(Severity.MEDIUM);
        ArtifactOutcome outcome = none.outcome("sms_attachments");
        assertThat(outcome.status()).isEqualTo(ArtifactOutcome.Status.FOUND);
        assertThat(outcome.entries()).isZero();
        assertThat(outcome.notes()).containsExactly("sms.db has no attachment table");
    }

    @Test
    void aFileThatIsNotADatabaseIsAFailure() throws Exception {
        Path backup = new BackupBuilder(dir.resolve("b")).file("HomeDomain", "Library/SMS/sms.db", "garbage").build();

        ArtifactOutcome outcome = ArtifactScan.overBackup(backup, artifact).outcome("sms_attachments");

        assertThat(outcome.status()).isEqualTo(ArtifactOutcome.Status.FAILED);
        assertThat(outcome.failures()).extracting(ArtifactOutcome.Failure::reason)
                .containsExactly("not an SQLite database");
    }

    @Test
    void aMalformedDatabaseIsReadFromWhatSqlite3RecoversWithANoteOrFailsAsMalformed() throws Exception {
        byte[] sms = database(SmsDatabase.Layout.IOS_16).bytes();
        // the attachment table's leaf page: its cell pointers overwritten
        int page = 4096 * (pageOf(sms, "attachment") - 1);
        java.util.Arrays.fill(sms, page + 8, page + 64, (byte) 0xff);
        Path backup = new BackupBuilder(dir.resolve("b")).file("HomeDomain", "Library/SMS/sms.db", sms).build();

        ArtifactOutcome outcome = ArtifactScan.overBackup(backup, artifact).outcome("sms_attachments");

        if (org.bridle.core.io.SqliteRecovery.system().executable().isPresent()) {
            assertThat(outcome.status()).as("%s", outcome.failures()).isEqualTo(ArtifactOutcome.Status.FOUND);
            assertThat(outcome.notes()).singleElement().asString().isEqualTo("private/var/mobile/Library/SMS/sms.db "
                    + "is malformed: read what sqlite3 recovered from a private copy, which may miss entries");
        } else {
            assertThat(outcome.status()).isEqualTo(ArtifactOutcome.Status.FAILED);
            assertThat(outcome.failures()).singleElement().satisfies(f -> assertThat(f.reason())
                    .startsWith("the database is malformed"));
        }
    }

    /** The root page of a table in an SQLite database image, read with SQLite itself from a copy. */
    private int pageOf(byte[] database, String table) throws Exception {
        Path copy = java.nio.file.Files.write(dir.resolve("page-of.db"), database);
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + copy);
             var st = c.prepareStatement("SELECT rootpage FROM sqlite_master WHERE name = ?")) {
            st.setString(1, table);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Test
    void suspiciousNeedsAllThreeConditions() {
        assertThat(SmsAttachments.suspicious(attachment("received", "/var/tmp/a-1"))).isTrue();
        assertThat(SmsAttachments.suspicious(attachment("sent", "/var/tmp/a-1"))).isFalse();
        assertThat(SmsAttachments.suspicious(attachment("received", "/var/tmp/a-10"))).isFalse();
        assertThat(SmsAttachments.suspicious(attachment("received", "/var/mobile/tmp/a-1"))).isFalse();
        assertThat(SmsAttachments.suspicious(attachment("received", null))).isFalse();
    }

    private static SmsAttachments.Attachment attachment(String direction, String filename) {
        return new SmsAttachments.Attachment(1, null, null, null, null, direction, filename, null, null, null, null,
                null, false, null, null, null);
    }
}
