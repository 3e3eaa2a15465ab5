package org.bridle.android.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.bridle.android.AndroidScan;
import org.bridle.core.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MountsTest {
    @TempDir
    Path dir;

    @Test
    void flagsSystemPartitionsMountedReadWrite() throws Exception {
        AndroidScan scan = AndroidScan.run(Sources.androidQf(dir, "mounts.json", """
                ["/dev/block/dm-12 on / type ext4 (ro,seclabel,noatime)",
                 "/dev/block/dm-13 on /system_ext type ext4 (rw,seclabel)",
                 "tmpfs on /data/local/tmp type tmpfs (rw,nosuid)",
                 "not a mount line"]
                """), new Mounts());
        assertThat(scan.<Mounts.Mount>entries("mounts")).containsExactly(
                new Mounts.Mount("/dev/block/dm-12", "/", "ext4", List.of("ro", "seclabel", "noatime")),
                new Mounts.Mount("/dev/block/dm-13", "/system_ext", "ext4", List.of("rw", "seclabel")),
                new Mounts.Mount("tmpfs", "/data/local/tmp", "tmpfs", List.of("rw", "nosuid")));
        assertThat(scan.alerts("mounts")).singleElement().satisfies(a -> {
            assertThat(a.level()).isEqualTo(Severity.HIGH);
            assertThat(a.message()).contains("/system_ext");
        });
    }
}
