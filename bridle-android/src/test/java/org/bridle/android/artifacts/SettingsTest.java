package org.bridle.android.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.bridle.android.AndroidScan;
import org.bridle.core.model.Alert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path dir;

    @Test
    void flagsProtectionsTurnedOffInEveryNamespace() throws Exception {
        AndroidScan scan = AndroidScan.run(Sources.androidQf(dir,
                "settings_global.txt", "package_verifier_enable=0\nverifier_verify_adb_installs=1\nnot a setting\n",
                "settings_secure.txt", "accessibility_enabled=1\nbluetooth_disabled_profiles=\n"), new Settings());
        assertThat(scan.<Settings.Setting>entries("settings")).containsExactly(
                new Settings.Setting("global", "package_verifier_enable", "0"),
                new Settings.Setting("global", "verifier_verify_adb_installs", "1"),
                new Settings.Setting("secure", "accessibility_enabled", "1"),
                new Settings.Setting("secure", "bluetooth_disabled_profiles", ""));
        assertThat(scan.alerts("settings")).extracting(Alert::message).containsExactly(
                "package_verifier_enable=0: package verification is off.",
                "accessibility_enabled=1: accessibility is on.");
    }
}
