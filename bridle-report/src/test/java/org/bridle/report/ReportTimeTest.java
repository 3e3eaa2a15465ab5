package org.bridle.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReportTimeTest {
    @Test
    void writesWhatTheFormatterWrites() {
        Random random = new Random(1);
        long min = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            Instant time = Instant.ofEpochSecond(min + (long) (random.nextDouble() * (max - min)),
                    random.nextInt(1_000_000_000));
            assertEquals(ReportJson.TIME.format(time), ReportTime.format(time));
        }
    }

    @Test
    void everyDayOfFourHundredYearsAndOfTheFirstAndLastYears() {
        long day = 86_400;
        long[][] ranges = {{Instant.parse("1899-12-25T00:00:00Z").getEpochSecond(), 146_097 + 14},
            {Instant.parse("0001-01-01T00:00:00Z").getEpochSecond(), 800},
            {Instant.parse("9997-12-01T00:00:00Z").getEpochSecond(), 761}};
        for (long[] range : ranges) {
            for (long i = 0; i < range[1]; i++) {
                Instant time = Instant.ofEpochSecond(range[0] + i * day + i % day, i * 7919 % 1_000_000_000);
                assertEquals(ReportJson.TIME.format(time), ReportTime.format(time), time.toString());
            }
        }
    }

    @Test
    void edgesAndYearsBeyondFourDigits() {
        for (String text : new String[] {"1970-01-01T00:00:00Z", "2001-01-01T00:00:00.000000999Z",
            "2024-02-29T23:59:59.999999999Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z",
            "+10000-01-01T00:00:00Z", "-0001-06-01T12:00:00Z",
            "0000-12-31T23:59:59.999999999Z", "1969-12-31T23:59:59.999999Z", "1900-03-01T00:00:00Z"}) {
            Instant time = Instant.parse(text);
            assertEquals(ReportJson.TIME.format(time), ReportTime.format(time), text);
        }
    }
}
