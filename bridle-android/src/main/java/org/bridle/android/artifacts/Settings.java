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
 * {@code settings_system.txt}: {@code name=value} lines). A protection switched off (package verification,
 * adb-install verification or confirmation, security and error reports) or switched open (installs from unknown
 * sources, accessibility) is MEDIUM; only the exact weakening value counts, so unset or other values are not.
 */
public final class Settings implements Artifact<Settings.Setting> {
    /** The settings whose value means a protection is weakened, with that value and what it means. */
    private static final Map<String, Risky> RISKY = Map.ofEntries(
            Map.entry("verifier_verify_adb_installs", new Risky("0", "apps installed with adb are not verified")),
            Map.entry("package_verifier_enable", new Risky("0", "package verification is off")),
            Map.entry("package_verifier_user_consent", new Risky("-1", "package verification was refused")),
            Map.entry("upload_apk_enable", new Risky("0", "apps are not sent for verification")),
            Map.entry("adb_install_need_confirm", new Risky("0", "apps install over adb without confirmation")),
            Map.entry("install_non_market_apps", new Risky("1", "apps from unknown sources may be installed")),
            Map.entry("send_security_reports", new Risky("0", "security reports are off")),
            Map.entry("send_action_app_error", new Risky("0", "app error reports are off")),
            Map.entry("samsung_errorlog_agree", new Risky("0", "Samsung error reports are off")),
            Map.entry("bluetooth_disabled_profiles", new Risky(null, "Bluetooth profiles are disabled")),
            Map.entry("accessibility_enabled", new Risky("1", "accessibility is on")));

    private record Risky(String value, String meaning) {
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
            Risky risky = RISKY.get(s.name());
            if (risky != null && (risky.value() == null ? !s.value().isEmpty() : risky.value().equals(s.value()))) {
                out.entry(s, new Finding(Severity.MEDIUM, s.name() + "=" + s.value() + ": " + risky.meaning()
                        + ".", null));
            } else {
                out.entry(s);
            }
        });
    }
}
