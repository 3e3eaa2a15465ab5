package org.bridle.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AppleTimeTest {
    @Test
    void nanosecondDatesOfIos11AndLater() {
        // the corpus SMS: raw 588813210539788032 is 2019-08-29 23:13:30 UTC
        assertThat(AppleTime.fromCocoaSecondsOrNanos(588813210539788032L))
                .isEqualTo(Instant.parse("2019-08-29T23:13:30.539788032Z"));
    }

    @Test
    void secondDatesOfOlderIos() {
        assertThat(AppleTime.fromCocoaSecondsOrNanos(588813210L)).isEqualTo(Instant.parse("2019-08-29T23:13:30Z"));
        assertThat(AppleTime.fromCocoaSeconds(0.5)).isEqualTo(Instant.parse("2001-01-01T00:00:00.500Z"));
    }

    @Test
    void fractionalSecondsAreRoundedToTheMicrosecond() {
        assertThat(AppleTime.fromCocoaSeconds(631152000.2)).isEqualTo(Instant.parse("2021-01-01T00:00:00.200Z"));
    }
}
