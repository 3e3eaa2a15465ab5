package org.bridle.core.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyFilterTest {
    @Test
    void everyKeyMightBeThereAndFewOthersMight() {
        Random random = new Random(3);
        Set<String> keys = new HashSet<>();
        while (keys.size() < 20_000) {
            keys.add(Long.toString(random.nextLong(), 36) + ".example");
        }
        KeyFilter filter = new KeyFilter(keys);
        for (String key : keys) {
            String text = "<" + key + ">";
            assertThat(filter.mightContain(key.hashCode())).isTrue();
            assertThat(filter.mightContain(text, 1, text.length() - 1)).isTrue();
        }
        int maybe = 0;
        for (int i = 0; i < 100_000; i++) {
            String other = Long.toString(random.nextLong(), 36) + ".example.org";
            maybe += filter.mightContain(other, 0, other.length()) ? 1 : 0;
        }
        assertThat(maybe).isLessThan(100_000 / 50);
    }

    @Test
    void anEmptyFilterHoldsNothingButTheEmptyKeyCanBeHeld() {
        assertThat(new KeyFilter(Set.of()).mightContain("", 0, 0)).isFalse();
        assertThat(new KeyFilter(Set.of("")).mightContain("x", 1, 1)).isTrue();
    }
}
