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

    @Test
    void flagsEachWeakeningValueAndNoNearMiss() throws Exception {
        AndroidScan scan = AndroidScan.run(Sources.androidQf(dir.resolve("each"),
                "settings_global.txt", String.join("\n",
                        "verifier_verify_adb_installs=0", "package_verifier_user_consent=-1", "upload_apk_enable=0",
                        "adb_install_need_confirm=0", "send_action_app_error=0", "samsung_errorlog_agree=0", ""),
                "settings_secure.txt", "install_non_market_apps=1\nsend_security_reports = 0\n",
                "settings_system.txt", String.join("\n",
                        "package_verifier_enable=1", "package_verifier_user_consent=0", "upload_apk_enable=1",
                        "adb_install_need_confirm=1", "install_non_market_apps=0", "send_security_reports=1",
                        "accessibility_enabled=0", "package_verifier_enable_extra=0", "my_package_verifier_enable=0",
                        "verifier_verify_adb_installs=", "accessibility_enabled=10", "send_action_app_error=00",
                        "bluetooth_disabled_profiles=", "")), new Settings());
        assertThat(scan.alerts("settings")).extracting(Alert::message).containsExactly(
                "verifier_verify_adb_installs=0: apps installed with adb are not verified.",
                "package_verifier_user_consent=-1: package verification was refused.",
                "upload_apk_enable=0: apps are not sent for verification.",
                "adb_install_need_confirm=0: apps install over adb without confirmation.",
                "send_action_app_error=0: app error reports are off.",
                "samsung_errorlog_agree=0: Samsung error reports are off.",
                "install_non_market_apps=1: apps from unknown sources may be installed.",
                "send_security_reports=0: security reports are off.");
        assertThat(scan.alerts("settings")).extracting(Alert::level).containsOnly(Severity.MEDIUM);
    }
}
