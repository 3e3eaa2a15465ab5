package org.bridle.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bridle.core.model.TimelineEvent;
import org.bridle.ios.artifacts.InteractionC;
import org.junit.jupiter.api.Test;

/**
 * MVT: 3 records. The third (Messages, from Bob) was written 90 days after the event, which the timeline calls out.
 * MVT also names WhatsApp peers from ContactsV2.sqlite; we leave that join to the analyst (the LID is in the entry).
 */
class InteractionCCorpusTest {
    @Test
    void matchesMvtOnTheCorpusBackup() throws Exception {
        CorpusScan scan = CorpusScan.iosBackup(new InteractionC());

        List<InteractionC.Interaction> interactions = scan.entries("interaction_c");
        assertThat(interactions).hasSize(3);
        assertThat(interactions).extracting(InteractionC.Interaction::bundleId).containsExactly(
                "net.whatsapp.WhatsApp", "net.whatsapp.WhatsApp", "com.apple.MobileSMS");
        assertThat(interactions.get(1).recipientIdentifier()).isEqualTo("+14155550100");
        assertThat(scan.alerts("interaction_c")).isEmpty();
        assertThat(scan.timeline()).filteredOn(e -> e.event().equals("interactions_creation_date"))
                .extracting(TimelineEvent::description).singleElement().satisfies(description -> assertThat(
                        description).startsWith("Interaction record created 90 days after the event: "
                        + "[com.apple.MobileSMS] INCOMING from Bob Example (+14155550101)"));
    }
}
