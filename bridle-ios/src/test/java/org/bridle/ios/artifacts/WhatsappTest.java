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
import org.bridle.testkit.BackupBuilder;
import org.bridle.testkit.DumpBuilder;
import org.bridle.testkit.SqliteFixture;
import org.bridle.testkit.ios.WhatsappDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WhatsappTest {
    private static final String DOMAIN = WhatsappDatabase.DOMAIN;
    private static final String GROUP = WhatsappDatabase.GROUP_ID;
    private static final Instant PAIRED = Instant.parse("2025-08-25T07:33:20Z");
    private static final Instant T1 = Instant.parse("2025-08-27T15:06:40Z");
    private static final Instant T2 = Instant.parse("2025-08-28T18:53:20Z");
    private static final Instant T3 = Instant.parse("2025-08-29T22:40:00Z");
    private static final Instant CREATED = Instant.parse("2025-08-21T20:13:20Z");
    private static final Instant GROUP_LAST = Instant.parse("2025-08-31T02:26:40Z");

    @TempDir
    Path dir;

    private final Whatsapp whatsapp = new Whatsapp();

    @Test
    void readsMessagesLinksChatsAndLidPairsFromABackupAndADump() throws Exception {
        WhatsappDatabase db = WhatsappDatabase.create();
        db.message(1, "14155550100@s.whatsapp.net", null, "Hi", T1);
        long linked = db.message(1, null, "14155550100@s.whatsapp.net", "Check https://example.org/news", T2);
        db.linkPreview(linked, "https://example.org/news", "News");
        long photo = db.message(2, "14155550101@s.whatsapp.net", null, null, T3);
        db.media(photo, "https://mmg.whatsapp.net/v/t62.7118-24/1.enc", "Bob")
                .media(photo, "https://media-fra3-1.cdn.whatsapp.net/v/t62/2.enc", "Bob")
                .media(photo, "https://mmg.whatsapp.net.evil.example/x", "Bob")
                .session(1, "100000000000001@lid", "Alice Example", 2, T2, null)
                .session(2, "120000000000000001@g.us", "Example Group", 2, GROUP_LAST, CREATED)
                .lidPair("100000000000001", "14155550100", PAIRED);

        Path backup = new BackupBuilder(dir.resolve("b"))
                .file(DOMAIN, WhatsappDatabase.CHAT_STORAGE_PATH, db.chatStorage())
                .unlistedFile(DOMAIN, WhatsappDatabase.LID_PATH, db.lidDatabase()).build();
        Path dump = new DumpBuilder(dir.resolve("d"))
                .containerFile(DumpBuilder.Container.GROUP, GROUP, WhatsappDatabase.CHAT_STORAGE_PATH, db.chatStorage())
                .containerFile(DumpBuilder.Container.GROUP, GROUP, WhatsappDatabase.LID_PATH, db.lidDatabase()).build();
        ArtifactScan fromBackup = ArtifactScan.overBackup(backup, whatsapp);
        ArtifactScan fromDump = ArtifactScan.overDump(dump, whatsapp);

        List<Whatsapp.Entry> entries = fromBackup.entries("whatsapp");
        assertThat(fromDump.<Whatsapp.Entry>entries("whatsapp")).isEqualTo(entries);
        assertThat(entries).filteredOn(Whatsapp.Message.class::isInstance).hasSize(5);
        assertThat(entries.get(1)).isEqualTo(new Whatsapp.Message(2L, 1L, null, "14155550100@s.whatsapp.net",
                "Check https://example.org/news", "sent", 0L, T2, null, null, List.of("https://example.org/news")));
        assertThat(entries.subList(2, 5)).extracting(e -> ((Whatsapp.Message) e).links()).containsExactly(
                List.of(), List.of(), List.of("https://mmg.whatsapp.net.evil.example/x"));
        assertThat(entries.get(5)).isEqualTo(new Whatsapp.LidPair("100000000000001", "14155550100", PAIRED));
        assertThat(entries.subList(6, 8)).containsExactly(
                new Whatsapp.Chat(1L, "100000000000001@lid", "Alice Example", "+14155550100", 0L, false, false, 2L,
                        2L, T2, null, T1, T2),
                new Whatsapp.Chat(2L, "120000000000000001@g.us", "Example Group", null, 1L, false, false, 2L, 1L,
                        GROUP_LAST, CREATED, T3, T3));
        assertThat(whatsapp.observables(entries.get(1))).containsExactly(
                Observable.text("Check https://example.org/news"), Observable.url("https://example.org/news"));
        assertThat(whatsapp.observables(entries.get(5))).isEmpty();
        assertThat(fromBackup.outcome("whatsapp").notes()).isEmpty();

        List<TimelineEvent> timeline = fromBackup.sink().timeline();
        assertThat(timeline).hasSize(5 + 1 + 2 + 3);
        assertThat(timeline).contains(
                new TimelineEvent(T1, "whatsapp", "chat_first_message",
                        "First stored message in WhatsApp chat with 'Alice Example' (+14155550100)"),
                new TimelineEvent(CREATED, "whatsapp", "group_created",
                        "WhatsApp group chat 'Example Group' (120000000000000001@g.us) was created"),
                new TimelineEvent(PAIRED, "whatsapp", "lid_pair_recorded",
                        "WhatsApp associated LID 100000000000001 with phone number 14155550100"),
                new TimelineEvent(T2, "whatsapp", "message", "WhatsApp message sent to 14155550100@s.whatsapp.net: "
                        + "\"Check https://example.org/news\" - links: https://example.org/news"));
    }

    @Test
    void theOlderLayoutKeepsLidPairsInChatStorageAndHasNoLinkPreviews() throws Exception {
        WhatsappDatabase db = WhatsappDatabase.create(WhatsappDatabase.Layout.OLDER);
        db.message(1, "100000000000001@lid", null, "see http://older.example.net/a", T1);
        db.session(1, "100000000000001@lid", null, 1, T1, null).lidPair("100000000000001", "+14155550100", PAIRED);

        ArtifactScan scan = chatStorageOnly(db.chatStorage());

        assertThat(scan.<Whatsapp.Entry>entries("whatsapp")).containsExactly(
                new Whatsapp.Message(1L, 1L, "100000000000001@lid", null, "see http://older.example.net/a",
                        "received", 0L, T1, null, null, List.of("http://older.example.net/a")),
                new Whatsapp.LidPair("100000000000001", "+14155550100", PAIRED),
                new Whatsapp.Chat(1L, "100000000000001@lid", null, "+14155550100", 0L, false, false, 1L, 1L, T1,
                        null, T1, T1));
        assertThat(scan.outcome("whatsapp").notes()).isEmpty();
    }

    @Test
    void withoutLidPairsChatsKeepTheirLidAndTheReportSaysWhy() throws Exception {
        ArtifactScan scan = chatStorageOnly(SqliteFixture.bytes(
                "CREATE TABLE ZWAMESSAGE (Z_PK INTEGER PRIMARY KEY, ZTEXT VARCHAR)",
                "INSERT INTO ZWAMESSAGE VALUES (1, 'hello')",
                "CREATE TABLE ZWACHATSESSION (Z_PK INTEGER PRIMARY KEY, ZCONTACTJID VARCHAR)",
                "INSERT INTO ZWACHATSESSION VALUES (1, '100000000000001@lid')"));

        assertThat(scan.<Whatsapp.Entry>entries("whatsapp")).containsExactly(
                new Whatsapp.Message(1L, null, null, null, "hello", "received", null, null, null, null, List.of()),
                new Whatsapp.Chat(1L, "100000000000001@lid", null, null, null, null, null, null, null, null, null,
                        null, null));
        assertThat(scan.outcome("whatsapp").notes()).containsExactly("No LID-phone number pairs (neither LID.sqlite "
                + "nor ChatStorage.sqlite has them): chats keyed by LID are not resolved to phone numbers");
    }

    @Test
    void aDatabaseWithoutWhatsappTablesHasNoEntriesAndNotes() throws Exception {
        ArtifactScan scan = chatStorageOnly(SqliteFixture.bytes("CREATE TABLE Z_METADATA (Z_VERSION INTEGER)"));

        assertThat(scan.entries("whatsapp")).isEmpty();
        assertThat(scan.outcome("whatsapp").notes()).contains("ChatStorage.sqlite has no ZWAMESSAGE table",
                "ChatStorage.sqlite has no ZWACHATSESSION table");
    }

    @Test
    void aFileThatIsNotSqliteIsAFailureOfThisArtifact() throws Exception {
        ArtifactOutcome outcome = chatStorageOnly("not a database at all, just text".repeat(10)
                .getBytes(StandardCharsets.UTF_8)).outcome("whatsapp");

        assertThat(outcome.status()).isEqualTo(ArtifactOutcome.Status.FAILED);
        assertThat(outcome.failures().get(0).reason()).contains("not an SQLite database");
    }

    /** Scans a backup and a dump holding this ChatStorage.sqlite and no LID.sqlite. */
    private ArtifactScan chatStorageOnly(byte[] chatStorage) throws Exception {
        return BackupAndDump.groupFile(dir, GROUP, WhatsappDatabase.CHAT_STORAGE_PATH, chatStorage, whatsapp);
    }
}
