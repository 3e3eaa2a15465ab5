package org.bridle.android.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.bridle.android.AndroidScan;
import org.bridle.core.model.Alert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatteryDailyTest {
    @TempDir
    Path dir;

    @Test
    void keepsDistinctChangesAndFlagsUninstallsAndDowngrades() throws Exception {
        String dump = Sources.service("batterystats", String.join("\n",
                "Daily stats:",
                "  Daily from 2024-01-01-00-00-00 to 2024-01-02-00-00-00:",
                "    Package changes:",
                "      Update com.a vers=20",
                "      Update com.a vers=20",
                "      Uninstall com.spy",
                "  Daily from 2024-01-02-00-00-00 to 2024-01-03-00-00-00:",
                "    Package changes:",
                "      Update com.a vers=10"));
        AndroidScan scan = AndroidScan.run(Sources.bugreport(dir, dump), new BatteryDaily());
        assertThat(scan.<BatteryDaily.PackageChange>entries("battery_daily")).containsExactly(
                new BatteryDaily.PackageChange("2024-01-01-00-00-00", "2024-01-02-00-00-00", "update", "com.a", 20L),
                new BatteryDaily.PackageChange("2024-01-01-00-00-00", "2024-01-02-00-00-00", "uninstall", "com.spy",
                        null),
                new BatteryDaily.PackageChange("2024-01-02-00-00-00", "2024-01-03-00-00-00", "update", "com.a", 10L));
        assertThat(scan.alerts("battery_daily")).extracting(Alert::message).containsExactly(
                "com.spy was uninstalled between 2024-01-01-00-00-00 and 2024-01-02-00-00-00.",
                "com.a was downgraded from version 20 to 10.");
    }
}
