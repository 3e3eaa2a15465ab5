package org.bridle.android.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.bridle.android.AndroidScan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatteryHistoryTest {
    @TempDir
    Path dir;

    @Test
    void readsSignedAppEventsOfTheHistoryOnly() throws Exception {
        String dump = Sources.service("batterystats", String.join("\n",
                "Battery History (0% used):",
                "                    0 (2) 100 +running top=u0a44:\"com.launcher\"",
                "            +47s645ms (2) 100 +job=u0a94:\"com.example/.SyncJob\"",
                "       +1h26m18s315ms (2) 095 -top=u0a280:\"com.whatsapp\"",
                "",
                "Other: +top=u0a1:\"not.history\""));
        AndroidScan scan = AndroidScan.run(Sources.bugreport(dir, dump), new BatteryHistory());
        assertThat(scan.<BatteryHistory.Event>entries("battery_history")).containsExactly(
                new BatteryHistory.Event("+47s645ms", "job", true, "u0a94", "com.example", ".SyncJob"),
                new BatteryHistory.Event("+1h26m18s315ms", "top", false, "u0a280", "com.whatsapp", null));
    }
}
