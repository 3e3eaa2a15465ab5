package org.bridle.ios.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.bridle.core.model.Observable;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.ios.ArtifactScan;
import org.bridle.ios.BackupAndDump;
import org.bridle.testkit.SqliteFixture;
import org.bridle.testkit.ios.InteractionCDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InteractionCTest {
    private static final Instant T1 = Instant.parse("2025-09-07T03:46:40Z");
    private static final Instant T2 = Instant.parse("2025-09-08T07:33:20Z");
    private static final Instant LATE = T2.plusSeconds(90 * 86_400);

    @TempDir
    Path dir;

    private final InteractionC interactionC = new InteractionC();

    @Test
    void readsInteractionsWithSenderRecipientAndAttachmentFromABackupAndADump() throws Exception {
        InteractionCDatabase db = InteractionCDatabase.create();
        long bob = db.contact("Bob Example", "+14155550101", T1);
        long alice = db.contact(null, "+14155550100", null);
        db.interaction("com.apple.MobileSMS", InteractionCDatabase.INCOMING, bob, T1, T1.plusSeconds(5));
        long sent = db.interaction("net.whatsapp.WhatsApp", InteractionCDatabase.OUTGOING, null, T2, LATE);
        db.recipient(sent, alice).attachment(sent, "look", "https://share.example.org/x");

        ArtifactScan scan = scan(db.bytes());

        List<InteractionC.Interaction> entries = scan.entries("interaction_c");
        assertThat(entries).hasSize(2);
        InteractionC.Interaction received = entries.get(0);
        assertThat(received.direction()).isEqualTo("INCOMING");
        assertThat(received.senderDisplayName()).isEqualTo("Bob Example");
        assertThat(received.startDate()).isEqualTo(T1);
        assertThat(received.recipientIdentifier()).isNull();
        InteractionC.Interaction outgoing = entries.get(1);
        assertThat(outgoing.recipientIdentifier()).isEqualTo("+14155550100");
        assertThat(outgoing.content()).isEqualTo("look");
        assertThat(outgoing.interactionsCreationDate()).isEqualTo(LATE);
        assertThat(interactionC.observables(outgoing)).containsExactly(Observable.appId("net.whatsapp.WhatsApp"),
                Observable.url("https://share.example.org/x"));

        assertThat(scan.sink().timeline()).containsExactlyInAnyOrder(
                new TimelineEvent(T1, "interaction_c", "start_date",
                        "[com.apple.MobileSMS] INCOMING from Bob Example (+14155550101) to local user"),
                new TimelineEvent(T1, "interaction_c", "first_incoming_sender_date",
                        "First incoming interaction from Bob Example (+14155550101)"),
                new TimelineEvent(T2, "interaction_c", "start_date",
                        "[net.whatsapp.WhatsApp] OUTGOING from local user to +14155550100: look"),
                new TimelineEvent(LATE, "interaction_c", "interactions_creation_date",
                        "Interaction record created 90 days after the event: [net.whatsapp.WhatsApp] OUTGOING from "
                                + "local user to +14155550100: look"));
    }

    @Test
    void theOlderLayoutNumbersItsLinkTablesDifferently() throws Exception {
        InteractionCDatabase db = InteractionCDatabase.create(InteractionCDatabase.Layout.OLDER);
        long alice = db.contact("Alice", "alice@example.org", null);
        long sent = db.interaction("com.apple.mobilemail", InteractionCDatabase.OUTGOING, null, T2, T2);
        db.recipient(sent, alice).attachment(sent, "report", null);

        InteractionC.Interaction interaction = scan(db.bytes()).<InteractionC.Interaction>entries("interaction_c")
                .get(0);

        assertThat(interaction.recipientDisplayName()).isEqualTo("Alice");
        assertThat(interaction.content()).isEqualTo("report");
        assertThat(interaction.groupName()).isNull();
        assertThat(interaction.targetBundleId()).isNull();
    }

    @Test
    void aDatabaseWithoutInteractionsHasNoEntriesAndANote() throws Exception {
        ArtifactScan scan = scan(SqliteFixture.bytes("CREATE TABLE ZCONTACTS (Z_PK INTEGER PRIMARY KEY)"));

        assertThat(scan.entries("interaction_c")).isEmpty();
        assertThat(scan.outcome("interaction_c").notes()).containsExactly("interactionC.db has no ZINTERACTIONS table");
    }

    @Test
    void anEmptyFileIsAFailureOfThisArtifact() throws Exception {
        ArtifactOutcome outcome = scan(new byte[0]).outcome("interaction_c");

        assertThat(outcome.status()).isEqualTo(ArtifactOutcome.Status.FAILED);
        assertThat(outcome.failures().get(0).reason()).isEqualTo("the database file is empty");
    }

    private ArtifactScan scan(byte[] database) throws Exception {
        return BackupAndDump.rootFile(dir, InteractionCDatabase.DEVICE_PATH, database, interactionC);
    }
}
