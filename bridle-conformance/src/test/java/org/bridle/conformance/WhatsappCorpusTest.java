package org.bridle.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.bridle.core.model.Observable;
import org.bridle.ios.artifacts.Whatsapp;
import org.junit.jupiter.api.Test;

/**
 * MVT: 3 messages, 2 chats, 1 LID pair (LID.sqlite, which the backup holds under its file id although Manifest.db
 * does not list it), 9 timeline events, no detections; the chat with Alice, keyed by LID, is resolved to
 * {@code +14155550100}; the only link is {@code https://example.org/news}.
 */
class WhatsappCorpusTest {
    private final Whatsapp whatsapp = new Whatsapp();

    @Test
    void matchesMvtOnTheCorpusBackup() throws Exception {
        CorpusScan scan = CorpusScan.iosBackup(whatsapp);

        List<Whatsapp.Entry> entries = scan.entries("whatsapp");
        List<Whatsapp.Message> messages = entries.stream().filter(Whatsapp.Message.class::isInstance)
                .map(Whatsapp.Message.class::cast).toList();
        List<Whatsapp.Chat> chats = entries.stream().filter(Whatsapp.Chat.class::isInstance)
                .map(Whatsapp.Chat.class::cast).toList();
        assertThat(messages).hasSize(3);
        assertThat(chats).hasSize(2);
        assertThat(entries).filteredOn(Whatsapp.LidPair.class::isInstance).containsExactly(new Whatsapp.LidPair(
                "100000000000001", "14155550100", Instant.parse("2025-08-25T07:33:20Z")));
        assertThat(scan.timeline()).hasSize(9);
        assertThat(scan.alerts("whatsapp")).isEmpty();
        assertThat(scan.outcome("whatsapp").notes()).isEmpty();

        assertThat(messages).flatExtracting(Whatsapp.Message::links).containsExactly("https://example.org/news");
        assertThat(whatsapp.observables(messages.get(1))).contains(Observable.url("https://example.org/news"));
        Whatsapp.Chat alice = chats.get(0);
        assertThat(alice.partnerName()).isEqualTo("Alice Example");
        assertThat(alice.partnerResolvedPhoneNumber()).isEqualTo("+14155550100");
        assertThat(alice.firstStoredMessageDate()).isEqualTo(Instant.parse("2025-08-27T15:06:40Z"));
        assertThat(alice.storedMessageCount()).isEqualTo(2);
        Whatsapp.Chat group = chats.get(1);
        assertThat(group.groupCreationDate()).isEqualTo(Instant.parse("2025-08-21T20:13:20Z"));
        assertThat(group.lastStoredMessageDate()).isEqualTo(Instant.parse("2025-08-29T22:40:00Z"));
        assertThat(group.lastMessageDate()).isEqualTo(Instant.parse("2025-08-31T02:26:40Z"));
    }
}
