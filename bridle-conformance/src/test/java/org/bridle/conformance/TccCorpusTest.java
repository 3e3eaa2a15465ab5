package org.bridle.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bridle.core.model.Observable;
import org.bridle.ios.artifacts.Tcc;
import org.junit.jupiter.api.Test;

/**
 * MVT: 11 records, 11 timeline events, no alerts; the first is {@code kTCCServiceUbiquity} by
 * {@code com.apple.Preferences}, allowed; the process indicator {@code Launch} gives 1 detection, on service
 * {@code kTCCServiceLiverpool}.
 */
class TccCorpusTest {
    private final Tcc tcc = new Tcc();

    @Test
    void matchesMvtOnTheCorpusBackup() throws Exception {
        CorpusScan scan = CorpusScan.iosBackup(tcc);

        List<Tcc.Access> access = scan.entries("tcc");
        assertThat(access).hasSize(11);
        assertThat(scan.timeline()).hasSize(11);
        assertThat(scan.alerts("tcc")).isEmpty();
        assertThat(access.get(0).service()).isEqualTo("kTCCServiceUbiquity");
        assertThat(access.get(0).client()).isEqualTo("com.apple.Preferences");
        assertThat(access.get(0).authValue()).isEqualTo("allowed");
        assertThat(access).filteredOn(a -> tcc.observables(a).contains(Observable.process("Launch")))
                .singleElement()
                .satisfies(a -> assertThat(a.service()).isEqualTo("kTCCServiceLiverpool"));
    }
}
