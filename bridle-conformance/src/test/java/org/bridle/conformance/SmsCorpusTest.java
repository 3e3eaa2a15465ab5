package org.bridle.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.bridle.core.model.Observable;
import org.bridle.ios.artifacts.Sms;
import org.junit.jupiter.api.Test;

/**
 * MVT: 1 message, 2 timeline events (received and read), link {@code https://badbadbad.example.org/}; the domain
 * indicator {@code badbadbad.example.org} gives 1 detection; raw date 588813210539788032 is 2019-08-29 23:13:30 UTC.
 * MVT cuts an 18-digit date to its first 9 digits (whole seconds); we read it as nanoseconds and keep the fraction,
 * so our time is 23:13:30.539788032, the same second.
 */
class SmsCorpusTest {
    private final Sms sms = new Sms();

    @Test
    void matchesMvtOnTheCorpusBackup() throws Exception {
        CorpusScan scan = CorpusScan.iosBackup(sms);

        List<Sms.Message> messages = scan.entries("sms");
        assertThat(messages).hasSize(1);
        Sms.Message message = messages.get(0);
        assertThat(message.links()).containsExactly("https://badbadbad.example.org/");
        assertThat(message.isodate().truncatedTo(ChronoUnit.SECONDS)).isEqualTo(Instant.parse("2019-08-29T23:13:30Z"));
        assertThat(message.isodate()).isEqualTo(Instant.parse("2019-08-29T23:13:30.539788032Z"));
        assertThat(message.direction()).isEqualTo("received");
        assertThat(message.phoneNumber()).isEqualTo("apple");
        assertThat(scan.timeline()).hasSize(2);
        assertThat(scan.alerts("sms")).isEmpty();
        assertThat(sms.observables(message)).containsExactly(Observable.link("https://badbadbad.example.org/"));
    }
}
