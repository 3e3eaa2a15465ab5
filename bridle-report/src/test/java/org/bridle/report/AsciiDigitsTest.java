package org.bridle.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AsciiDigitsTest {
    private static String written(long value) {
        byte[] buffer = new byte[3 + AsciiDigits.LONGEST];
        buffer[0] = 'x';
        int end = AsciiDigits.writeLong(value, buffer, 1);
        return new String(buffer, 0, end, StandardCharsets.US_ASCII);
    }

    @Test
    void writesWhatLongToStringWrites() {
        for (long value : new long[] {0, 1, -1, 9, 10, -10, 99, 100, 101, 999, 1000, Integer.MAX_VALUE,
            Integer.MIN_VALUE, 999_999_999_999_999_999L, 1_000_000_000_000_000_000L, -1_000_000_000_000_000_000L,
            Long.MAX_VALUE, Long.MIN_VALUE + 1, Long.MIN_VALUE}) {
            assertEquals("x" + value, written(value));
        }
        long power = 1;
        for (int digits = 1; digits <= 18; digits++, power *= 10) {
            for (long value : new long[] {power - 1, power, -power, 1 - power}) {
                assertEquals("x" + value, written(value));
            }
        }
        Random random = new Random(2);
        for (int i = 0; i < 100_000; i++) {
            long value = random.nextLong() >> random.nextInt(64);
            assertEquals("x" + value, written(value));
        }
    }
}
