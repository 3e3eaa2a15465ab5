package org.bridle.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.bridle.core.indicators.IndicatorSet;
import org.bridle.core.model.Observable;
import org.bridle.ios.artifacts.Calendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MVT: 1 event, 4 timeline events (start, end, modification, creation), summary "Super interesting meeting"; the
 * e-mail indicator {@code user@example.org} (the organizer) gives 1 detection.
 */
class CalendarCorpusTest {
    @TempDir
    Path folder;

    private final Calendar calendar = new Calendar();

    @Test
    void matchesMvtOnTheCorpusBackup() throws Exception {
        CorpusScan scan = CorpusScan.iosBackup(calendar);

        List<Calendar.Event> events = scan.entries("calendar");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).summary()).isEqualTo("Super interesting meeting");
        assertThat(scan.timeline()).hasSize(4);
        assertThat(scan.alerts("calendar")).isEmpty();
        assertThat(calendar.observables(events.get(0))).contains(Observable.email("user@example.org"));
    }

    @Test
    void theEmailUserAtExampleOrgGivesOneDetection() throws Exception {
        IndicatorSet indicators = StixFile.oneIndicator(folder, "calendar.stix2", "email-addr:value",
                "user@example.org");

        CorpusScan scan = CorpusScan.iosBackup(indicators, calendar);

        assertThat(scan.alerts("calendar")).singleElement().satisfies(alert -> {
            assertThat(alert.matchedIndicator()).isNotNull();
            assertThat(((Calendar.Event) alert.event()).participantEmail()).isEqualTo("user@example.org");
        });
    }
}
