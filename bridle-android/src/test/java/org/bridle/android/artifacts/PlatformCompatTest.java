package org.bridle.android.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.bridle.android.AndroidScan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformCompatTest {
    @TempDir
    Path dir;

    @Test
    void readsTheRawOverridesOfTheDownscaledChange() throws Exception {
        String dump = Sources.service("platform_compat", String.join("\n",
                "ChangeId(180326845; name=OTHER; disabled; rawOverrides={not.this=false}; overridable)",
                "ChangeId(168419799; name=DOWNSCALED; disabled; packageOverrides={a.b=false};"
                        + " rawOverrides={gone.app=false, other.gone=true}; overridable)"));
        AndroidScan scan = AndroidScan.run(Sources.bugreport(dir, dump), new PlatformCompat());
        assertThat(scan.<PlatformCompat.UninstalledApp>entries("platform_compat")).containsExactly(
                new PlatformCompat.UninstalledApp("gone.app"), new PlatformCompat.UninstalledApp("other.gone"));
    }
}
