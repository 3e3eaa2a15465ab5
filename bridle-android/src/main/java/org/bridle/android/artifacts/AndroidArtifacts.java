package org.bridle.android.artifacts;

import java.util.List;
import org.bridle.core.artifact.Artifact;

/** The Android artifacts, in report order, for each kind of Android evidence. */
public final class AndroidArtifacts {
    private AndroidArtifacts() {
    }

    /** What a bugreport can hold: dumpsys output, system properties, processes and files such as tombstones. */
    public static List<Artifact<?>> forBugreport() {
        return List.of(new Getprop(), new Packages(), new Receivers(), new Activities(), new Processes(), new Appops(),
                new Accessibility(), new Dbinfo(), new BatteryDaily(), new BatteryHistory(), new PlatformCompat(),
                new AdbKeys(), new Tombstones());
    }

    /** What an adb backup can hold. */
    public static List<Artifact<?>> forBackup() {
        return List.of(new Sms());
    }

    /** What an AndroidQF acquisition can hold, its nested bugreport and backup included. */
    public static List<Artifact<?>> forAndroidQf() {
        return List.of(new Getprop(), new Packages(), new Receivers(), new Activities(), new Processes(),
                new Settings(), new Files(), new RootBinaries(), new Mounts(), new Selinux(), new Acquisition(),
                new Hashes(), new Appops(), new Accessibility(),
                new Dbinfo(), new BatteryDaily(), new BatteryHistory(), new PlatformCompat(), new AdbKeys(),
                new Tombstones(), new Sms(), new IntrusionLogs(), new Logcat(), new Logs(), new Environment());
    }
}
