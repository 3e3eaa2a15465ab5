package org.bridle.android.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.bridle.android.AndroidScan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessibilityTest {
    @TempDir
    Path dir;

    @Test
    void readsInstalledServicesAndAndroid14EnabledServices() throws Exception {
        String dump = Sources.service("accessibility", String.join("\n",
                "  installed services: {",
                "    0 : com.example.reader/.ReaderService",
                "    1 : com.example.spy/com.example.spy.Watch",
                "  }",
                "     Enabled services:{{com.example.spy/com.example.spy.Watch}, {org.other/.A}}"));
        AndroidScan scan = AndroidScan.run(Sources.bugreport(dir, dump), new Accessibility());
        assertThat(scan.<Accessibility.Service>entries("accessibility")).containsExactly(
                new Accessibility.Service("com.example.reader", ".ReaderService", "installed"),
                new Accessibility.Service("com.example.spy", "com.example.spy.Watch", "installed"),
                new Accessibility.Service("com.example.spy", "com.example.spy.Watch", "enabled"),
                new Accessibility.Service("org.other", ".A", "enabled"));
    }
}
