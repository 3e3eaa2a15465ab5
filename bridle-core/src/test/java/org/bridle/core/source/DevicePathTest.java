package org.bridle.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DevicePathTest {
    @Test
    void parsesRootContainerAndBackupPaths() {
        assertThat(DevicePath.of("/private/var/mobile/Library/SMS/sms.db"))
                .isEqualTo(new DevicePath(DevicePath.Container.ROOT, "", "private/var/mobile/Library/SMS/sms.db"));
        assertThat(DevicePath.of("@app/com.apple.mobilesafari/Library/Safari/History.db"))
                .isEqualTo(new DevicePath(DevicePath.Container.APP, "com.apple.mobilesafari", "Library/Safari/History.db"));
        assertThat(DevicePath.of("@backup/Info.plist"))
                .isEqualTo(new DevicePath(DevicePath.Container.BACKUP, "", "Info.plist"));
        assertThat(DevicePath.of("@app/*/Library/x.db").isPattern()).isTrue();
        assertThat(DevicePath.of("@sysshared/systemgroup.com.apple.configurationprofiles/Library/a").toString())
                .isEqualTo("@sysshared/systemgroup.com.apple.configurationprofiles/Library/a");
    }

    @Test
    void rejectsUnknownContainersAndMissingIds() {
        assertThatThrownBy(() -> DevicePath.of("@nowhere/x/y")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DevicePath.of("@app/only-id")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesAndroidContainers() {
        assertThat(DevicePath.of("@dumpsys/package"))
                .isEqualTo(new DevicePath(DevicePath.Container.DUMPSYS, "package", ""));
        assertThat(DevicePath.of("@dumpsys/package").toString()).isEqualTo("@dumpsys/package");
        assertThat(DevicePath.of("@command/getprop"))
                .isEqualTo(new DevicePath(DevicePath.Container.COMMAND, "", "getprop"));
        assertThat(DevicePath.of("@androidqf/settings_*.txt").toString()).isEqualTo("@androidqf/settings_*.txt");
        assertThat(DevicePath.of("@backup/apps/a/d_f/*_sms_backup").path()).isEqualTo("apps/a/d_f/*_sms_backup");
        assertThatThrownBy(() -> DevicePath.of("@dumpsys/package/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DevicePath.of("@dumpsys")).isInstanceOf(IllegalArgumentException.class);
    }
}
