package org.bridle.android.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.bridle.android.AndroidScan;
import org.bridle.core.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelinuxTest {
    @TempDir
    Path dir;

    private AndroidScan scan(String name, String content) throws Exception {
        return AndroidScan.run(Sources.androidQf(dir.resolve(name), "selinux.txt", content), new Selinux());
    }

    @Test
    void flagsPermissiveAndDisabledOnly() throws Exception {
        AndroidScan permissive = scan("p", "Permissive\n");
        assertThat(permissive.<Selinux.Mode>entries("selinux")).containsExactly(new Selinux.Mode("Permissive"));
        assertThat(permissive.alerts("selinux")).singleElement().satisfies(a -> {
            assertThat(a.level()).isEqualTo(Severity.MEDIUM);
            assertThat(a.message()).startsWith("SELinux is Permissive, not enforcing");
        });
        assertThat(scan("d", "Disabled").alerts("selinux")).hasSize(1);

        assertThat(scan("e", "Enforcing\n").alerts("selinux")).isEmpty();
        AndroidScan error = scan("x", "/system/bin/sh: getenforce: Permissive not found\n");
        assertThat(error.alerts("selinux")).isEmpty();
        assertThat(error.<Selinux.Mode>entries("selinux")).hasSize(1);
        assertThat(scan("n", "").alerts("selinux")).isEmpty();
    }
}
