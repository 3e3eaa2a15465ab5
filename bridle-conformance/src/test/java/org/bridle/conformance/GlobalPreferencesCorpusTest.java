package org.bridle.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bridle.core.model.Severity;
import org.bridle.ios.artifacts.GlobalPreferences;
import org.junit.jupiter.api.Test;

/**
 * MVT: 16 entries; Lockdown Mode enabled (informational); the first entry is {@code WebKitShowLinkPreviews = False}.
 */
class GlobalPreferencesCorpusTest {
    @Test
    void matchesMvtOnTheCorpusBackup() throws Exception {
        CorpusScan scan = CorpusScan.iosBackup(new GlobalPreferences());

        List<GlobalPreferences.Preference> entries = scan.entries("global_preferences");
        assertThat(entries).hasSize(16);
        assertThat(entries.get(0)).isEqualTo(new GlobalPreferences.Preference("WebKitShowLinkPreviews", false));
        assertThat(scan.alerts("global_preferences")).singleElement().satisfies(alert -> {
            assertThat(alert.level()).isEqualTo(Severity.INFORMATIONAL);
            assertThat(alert.message()).isEqualTo("Lockdown Mode is enabled");
        });
    }
}
