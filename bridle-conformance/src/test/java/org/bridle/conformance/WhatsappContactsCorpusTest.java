package org.bridle.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bridle.ios.artifacts.WhatsappContacts;
import org.junit.jupiter.api.Test;

/**
 * MVT: 2 contacts, 5 timeline events (Alice's timer, about text, its expiry and last update; Bob's last update);
 * Alice's disappearing-messages timer is 24 hours.
 */
class WhatsappContactsCorpusTest {
    @Test
    void matchesMvtOnTheCorpusBackup() throws Exception {
        CorpusScan scan = CorpusScan.iosBackup(new WhatsappContacts());

        List<WhatsappContacts.Contact> contacts = scan.entries("whatsapp_contacts");
        assertThat(contacts).hasSize(2);
        assertThat(scan.timeline()).hasSize(5);
        assertThat(scan.alerts("whatsapp_contacts")).isEmpty();
        WhatsappContacts.Contact alice = contacts.get(0);
        assertThat(alice.fullName()).isEqualTo("Alice Example");
        assertThat(alice.lid()).isEqualTo("100000000000001@lid");
        assertThat(alice.disappearingModeIsOn()).isTrue();
        assertThat(alice.disappearingModeLabel()).isEqualTo("24 hours");
        assertThat(contacts.get(1).disappearingModeIsOn()).isFalse();
    }
}
