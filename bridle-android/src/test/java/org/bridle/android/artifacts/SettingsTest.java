package org.bridle.android.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.bridle.android.AndroidScan;
import org.bridle.core.model.Alert;
import org.bridle.core.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path dir;

    @Test
    void flagsProtectionsTurnedOffInEveryNamespace() throws Exception {
        AndroidScan scan = AndroidScan.run(Sources.androidQf(dir,
                "settings_global.txt", "package_verifier_enable=0\nverifier_verify_adb_installs=1\nnot a setting\n",
                "settings_secure.txt", "accessibility_enabled=1\nbluetooth_disabled_profiles=1\n"), new Settings());
        assertThat(scan.<Settings.Setting>entries("settings")).containsExactly(
                new Settings.Setting("global", "package_verifier_enable", "0"),
                new Settings.Setting("global", "verifier_verify_adb_installs", "1"),
                new Settings.Setting("secure", "accessibility_enabled", "1"),
                new Settings.Setting("secure", "bluetooth_disabled_profiles", "1"));
        assertThat(scan.alerts("settings")).extracting(Alert::message).containsExactly(
                "package_verifier_enable=0: Play Protect is off.",
                "accessibility_enabled=1: accessibility services are on.");
    }

    /** Every setting of MVT's list with a value other than its safe one; near misses: safe, unset, other names. */
    @Test
    void flagsEveryUnsafeValueAndNoNearMiss() throws Exception {
        AndroidScan scan = AndroidScan.run(Sources.androidQf(dir.resolve("each"),
                "settings_global.txt", String.join("\n",
                        "verifier_verify_adb_installs=0", "package_verifier_user_consent=-1", "upload_apk_enable=0",
                        "adb_install_need_confirm=0", "send_action_app_error=0", "samsung_errorlog_agree=0",
                        "package_verifier_state=0", ""),
                "settings_secure.txt", "send_security_reports = 0\naccessibility_enabled=2\n",
                "settings_system.txt", String.join("\n",
                        "package_verifier_enable=1", "package_verifier_user_consent=1", "upload_apk_enable=1",
                        "adb_install_need_confirm=1", "send_security_reports=1", "package_verifier_state=1",
                        "samsung_errorlog_agree=1", "send_action_app_error=1", "verifier_verify_adb_installs=1",
                        "accessibility_enabled=0", "package_verifier_enable_extra=0", "my_package_verifier_enable=0",
                        "verifier_verify_adb_installs=", "upload_apk_enable=null", "install_non_market_apps=1",
                        "bluetooth_disabled_profiles=8", "")), new Settings());
        assertThat(scan.alerts("settings")).extracting(Alert::message).containsExactly(
                "verifier_verify_adb_installs=0: apps installed with adb are not verified.",
                "package_verifier_user_consent=-1: Play Protect was not consented to.",
                "upload_apk_enable=0: apps are not sent for verification.",
                "adb_install_need_confirm=0: apps install over adb without confirmation.",
                "send_action_app_error=0: app error reports are off.",
                "samsung_errorlog_agree=0: crash logs are not shared with the maker.",
                "package_verifier_state=0: APK verification is off.",
                "send_security_reports=0: security reports are off.",
                "accessibility_enabled=2: accessibility services are on.");
        assertThat(scan.alerts("settings")).extracting(Alert::level).containsOnly(Severity.MEDIUM);
    }
}
