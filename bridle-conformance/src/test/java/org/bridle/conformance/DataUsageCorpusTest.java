package org.bridle.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.bridle.core.model.Alert;
import org.bridle.core.model.Observable;
import org.bridle.core.model.Severity;
import org.bridle.ios.artifacts.DataUsage;
import org.bridle.ios.artifacts.DataUsage.Kind;
import org.bridle.ios.artifacts.DataUsage.Usage;
import org.junit.jupiter.api.Test;

/**
 * MVT: 42 records (41 rows + 1 placeholder for a missing process id), 60 timeline events, 1 alert (the missing
 * process); first date starts {@code 2019-08-27 15:08:09}; the process indicator {@code CumulativeUsageTracker}
 * gives 2 detections.
 *
 * <p>The corpus has 10 live-usage rows (process 32, CumulativeUsageTracker, has two) and 40 processes (ids 1 to 41
 * without 5), 31 of them with no usage: 10 + 31 rows and the placeholder for id 5 make 42. MVT gives each usage row
 * 3 events and then drops the 2 identical first/current-usage events of process 32's second row, each process
 * without usage 1 event and the placeholder 1: 28 + 31 + 1 = 60. We put a process's first and current use on the
 * timeline once, on its first entry, which gives the same 60. MVT orders its results by first use; we order them by
 * process id, so its "first date" is our earliest first use.
 */
class DataUsageCorpusTest {
    private static final DateTimeFormatter MVT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final DataUsage dataUsage = new DataUsage();

    @Test
    void matchesMvtOnTheCorpusBackup() throws Exception {
        CorpusScan scan = CorpusScan.iosBackup(dataUsage);

        List<Usage> usage = scan.entries("datausage");
        assertThat(usage).hasSize(42);
        assertThat(scan.timeline()).hasSize(60);
        assertThat(scan.alerts("datausage")).extracting(Alert::level).containsExactly(Severity.LOW);
        assertThat(usage).filteredOn(u -> u.kind() == Kind.MISSING_PROCESS).extracting(Usage::procId)
                .containsExactly(5L);
        assertThat(usage.stream().map(Usage::firstIsodate).filter(Objects::nonNull).min(Comparator.naturalOrder()))
                .hasValueSatisfying(first -> assertThat(MVT_TIME.format(first)).isEqualTo("2019-08-27 15:08:09"));
        assertThat(usage).filteredOn(u -> dataUsage.observables(u).contains(Observable.process("CumulativeUsageTracker")))
                .hasSize(2);
    }
}
