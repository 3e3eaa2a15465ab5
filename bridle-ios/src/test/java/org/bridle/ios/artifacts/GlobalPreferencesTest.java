package org.bridle.ios.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.bridle.core.model.Alert;
import org.bridle.core.model.Severity;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.ios.ArtifactScan;
import org.bridle.ios.BackupAndDump;
import org.bridle.testkit.ios.GlobalPreferencesPlist;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlobalPreferencesTest {

    @TempDir
    Path dir;

    private final GlobalPreferences preferences = new GlobalPreferences();

    @Test
    void readsEveryPreferenceInOrderAndReportsLockdownModeOnAsInformation() throws Exception {
        ArtifactScan scan = scan(GlobalPreferencesPlist.create().set("AppleLanguages", List.of("en-FR", "fr-FR"))
                .lockdownMode(true).bytes());

        assertThat(scan.<GlobalPreferences.Preference>entries("global_preferences")).containsExactly(
                new GlobalPreferences.Preference("WebKitShowLinkPreviews", false),
                new GlobalPreferences.Preference("AppleLocale", "en_FR"),
                new GlobalPreferences.Preference("AppleKeyboardsExpanded", 1L),
                new GlobalPreferences.Preference("AppleLanguages", List.of("en-FR", "fr-FR")),
                new GlobalPreferences.Preference("LDMGlobalEnabled", true));
        assertThat(scan.sink().alerts("global_preferences")).singleElement().satisfies(alert -> {
            assertThat(alert.level()).isEqualTo(Severity.INFORMATIONAL);
            assertThat(alert.message()).isEqualTo("Lockdown Mode is enabled");
        });
        assertThat(scan.outcome("global_preferences").notes()).isEmpty();
    }

    @Test
    void lockdownModeOffIsALowAlert() throws Exception {
        ArtifactScan scan = scan(GlobalPreferencesPlist.create().lockdownMode(false).bytes());

        assertThat(scan.sink().alerts("global_preferences")).extracting(Alert::level, Alert::message)
                .containsExactly(tuple(Severity.LOW, "Lockdown Mode is disabled"));
    }

    @Test
    void withoutTheLockdownKeyThereIsNoAlertButANote() throws Exception {
        ArtifactScan scan = scan(GlobalPreferencesPlist.create().set("LDMGlobalEnabledSomewhere", true).bytes());

        assertThat(scan.entries("global_preferences")).hasSize(4);
        assertThat(scan.sink().alerts("global_preferences")).isEmpty();
        assertThat(scan.outcome("global_preferences").notes()).containsExactly(
                "No LDMGlobalEnabled key: Lockdown Mode was never turned on (or iOS is older than 16)");
    }

    @Test
    void aGarbagePlistIsAFailureOfThisArtifact() throws Exception {
        ArtifactOutcome outcome = scan("bplist00 garbage".getBytes(StandardCharsets.UTF_8))
                .outcome("global_preferences");

        assertThat(outcome.status()).isEqualTo(ArtifactOutcome.Status.FAILED);
        assertThat(outcome.failures().get(0).reason()).contains("not a valid property list");
    }

    private ArtifactScan scan(byte[] plist) throws Exception {
        return BackupAndDump.rootFile(dir, GlobalPreferencesPlist.DEVICE_PATH, plist, preferences);
    }
}
