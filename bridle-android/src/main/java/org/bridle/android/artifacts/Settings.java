package org.bridle.android.artifacts;

import java.util.List;
import java.util.Map;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.Finding;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.model.Severity;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * The device settings AndroidQF dumps ({@code settings_global.txt}, {@code settings_secure.txt},
 * {@code settings_system.txt}: {@code name=value} lines). The settings checked, and their safe values, are those
 * of MVT's Android settings heuristics (its {@code ANDROID_DANGEROUS_SETTINGS}): Play Protect and package
 * verification, adb-install verification and confirmation, security, error and crash reports, accessibility. As
 * in MVT, a checked setting whose value is not the safe one is MEDIUM, in whatever namespace it appears; a
 * setting that is empty or {@code null} (unset) is not.
 */
public final class Settings implements Artifact<Settings.Setting> {
    /** The checked settings, with their safe value and what another value means. */
    private static final Map<String, Checked> CHECKED = Map.ofEntries(
            Map.entry("verifier_verify_adb_installs", new Checked("1", "apps installed with adb are not verified")),
            Map.entry("package_verifier_enable", new Checked("1", "Play Protect is off")),
            Map.entry("package_verifier_state", new Checked("1", "APK verification is off")),
            Map.entry("package_verifier_user_consent", new Checked("1", "Play Protect was not consented to")),
            Map.entry("upload_apk_enable", new Checked("1", "apps are not sent for verification")),
            Map.entry("adb_install_need_confirm", new Checked("1", "apps install over adb without confirmation")),
            Map.entry("send_security_reports", new Checked("1", "security reports are off")),
            Map.entry("samsung_errorlog_agree", new Checked("1", "crash logs are not shared with the maker")),
            Map.entry("send_action_app_error", new Checked("1", "app error reports are off")),
            Map.entry("accessibility_enabled", new Checked("0", "accessibility services are on")));

    private record Checked(String safe, String meaning) {
    }

    /** One setting of one namespace ({@code global}, {@code secure}, {@code system} or what the file names). */
    public record Setting(String namespace, String name, String value) {
    }

    @Override public String id() { return "settings"; }
    @Override public String description() { return "Device settings, with protections that are switched off"; }
    @Override public List<DevicePath> locations() { return List.of(DevicePath.of("@androidqf/settings_*.txt")); }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<Setting> out) throws Exception {
        String fileName = file.devicePath().substring(file.devicePath().lastIndexOf('/') + 1);
        String namespace = fileName.substring("settings_".length(), fileName.length() - ".txt".length());
        TextLines.forEach(file, line -> {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                return;
            }
            Setting s = new Setting(namespace, line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            Checked checked = CHECKED.get(s.name());
            if (checked != null && !s.value().isEmpty() && !s.value().equals("null")
                    && !checked.safe().equals(s.value())) {
                out.entry(s, new Finding(Severity.MEDIUM, s.name() + "=" + s.value() + ": " + checked.meaning()
                        + ".", null));
            } else {
                out.entry(s);
            }
        });
    }
}
