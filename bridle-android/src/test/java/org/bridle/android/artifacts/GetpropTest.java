package org.bridle.android.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.bridle.android.AndroidScan;
import org.bridle.core.model.Observable;
import org.bridle.core.model.ObservableKind;
import org.bridle.core.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GetpropTest {
    private static final Getprop GETPROP = new Getprop(Clock.fixed(Instant.parse("2024-09-01T00:00:00Z"),
            ZoneOffset.UTC));

    @TempDir
    Path dir;

    @Test
    void readsPropertiesFromAnAcquisitionAndFlagsAnOldPatchLevel() throws Exception {
        AndroidScan scan = AndroidScan.run(Sources.androidQf(dir, "getprop.txt",
                "[ro.product.model]: [Pixel 7]\n[ro.build.version.security_patch]: [2024-02-05]\nnoise\n"
                        + "[empty]: []\n"), GETPROP);
        assertThat(scan.<Getprop.Property>entries("getprop")).containsExactly(
                new Getprop.Property("ro.product.model", "Pixel 7"),
                new Getprop.Property("ro.build.version.security_patch", "2024-02-05"),
                new Getprop.Property("empty", ""));
        assertThat(scan.alerts("getprop")).singleElement().satisfies(a -> {
            assertThat(a.level()).isEqualTo(Severity.MEDIUM);
            assertThat(a.message()).contains("2024-02-05");
        });
        assertThat(GETPROP.observables(new Getprop.Property("a.b", "c")))
                .containsExactly(new Observable(ObservableKind.ANDROID_PROPERTY, "a.b"));
    }

    @Test
    void aRecentPatchLevelInABugreportIsNoAlert() throws Exception {
        var report = Sources.bugreport(dir, "------ SYSTEM PROPERTIES (getprop) ------\n"
                        + "[ro.build.version.security_patch]: [2024-06-05]\n------ next ------\n");
        AndroidScan scan = AndroidScan.run(report, GETPROP);
        assertThat(scan.<Getprop.Property>entries("getprop")).hasSize(1);
        assertThat(scan.alerts("getprop")).isEmpty();
    }
}
