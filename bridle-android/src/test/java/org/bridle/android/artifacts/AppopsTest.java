package org.bridle.android.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.bridle.android.AndroidScan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppopsTest {
    private static final String APPOPS = String.join("\n",
            "Current AppOps Service state:",
            "  Uid u0a103:",
            "    state=cch",
            "    Package com.example.dropper:",
            "      REQUEST_INSTALL_PACKAGES (allow):",
            "          Access: [top-s] 2022-02-02 23:20:13.096 (-14h43m52s765ms)",
            "      WRITE_SMS (ignore):",
            "          Reject: [fg-s]2021-05-19 22:02:52.054 (-314d1h25m2s33ms)",
            "  Uid 1000:",
            "    Package android:",
            "      REQUEST_INSTALL_PACKAGES (deny):",
            "");

    @TempDir
    Path dir;

    @Test
    void readsOperationsEventsAndFlagsInstallGrants() throws Exception {
        Appops artifact = new Appops();
        AndroidScan scan = AndroidScan.run(Sources.bugreport(dir, Sources.service("appops", APPOPS)), artifact);
        List<Appops.PackageOps> packages = scan.entries("appops");
        assertThat(packages).extracting(Appops.PackageOps::packageName, Appops.PackageOps::uid).containsExactly(
                org.assertj.core.groups.Tuple.tuple("com.example.dropper", "u0a103"),
                org.assertj.core.groups.Tuple.tuple("android", "1000"));
        Appops.PackageOps dropper = packages.get(0);
        assertThat(dropper.ops()).containsExactly(
                new Appops.Op("REQUEST_INSTALL_PACKAGES", "allow", List.of(new Appops.Event("access", "top-s",
                        Instant.parse("2022-02-02T23:20:13.096Z")))),
                new Appops.Op("WRITE_SMS", "ignore", List.of(new Appops.Event("reject", "fg-s",
                        Instant.parse("2021-05-19T22:02:52.054Z")))));
        assertThat(artifact.timeline(dropper)).extracting(e -> e.time()).containsExactly(
                Instant.parse("2021-05-19T22:02:52.054Z"), Instant.parse("2022-02-02T23:20:13.096Z"));
        assertThat(scan.alerts("appops")).singleElement()
                .satisfies(a -> assertThat(a.message()).startsWith("com.example.dropper is allowed to install"));
    }
}
