package org.bridle.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PlistValuesTest {

    @Test
    void aTimeIsADateOrCocoaSeconds() {
        Instant date = Instant.parse("2021-03-04T05:06:07Z");
        assertThat(PlistValues.time(date)).isEqualTo(date);
        assertThat(PlistValues.time(636_526_800.5)).isEqualTo(Instant.parse("2021-03-04T05:00:00.500Z"));
        assertThat(PlistValues.time(0L)).isEqualTo(Instant.parse("2001-01-01T00:00:00Z"));
        assertThat(PlistValues.time("636526800")).isNull();
        assertThat(PlistValues.time(null)).isNull();
    }
}
