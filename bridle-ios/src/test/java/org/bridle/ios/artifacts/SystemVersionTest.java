package org.bridle.ios.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.ios.ArtifactScan;
import org.bridle.testkit.DumpBuilder;
import org.bridle.testkit.PlistFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemVersionTest {
    private static final String PATH = "System/Library/CoreServices/SystemVersion.plist";
    /** A dump holds the data partition too; the source needs it to take the folder for a dump. */
    private static final String DATA_FILE = "private/var/mobile/Library/Preferences/com.apple.example.plist";

    @TempDir
    Path dir;

    private final SystemVersion systemVersion = new SystemVersion();

    @Test
    void readsTheVersionOfADumpAndNotesAnOutdatedOne() throws Exception {
        ArtifactScan scan = scan("old", "16.6", "20G75");

        assertThat(scan.<SystemVersion.Version>entries("system_version"))
                .containsExactly(new SystemVersion.Version("iPhone OS", "16.6", "20G75"));
        assertThat(scan.outcome("system_version").notes()).containsExactly("iOS 16.6 is older than 16.7.16, the "
                + "newest release of iOS 16 known to bridle: the phone lacks security fixes published since");
    }

    @Test
    void theNewestReleaseOfALineGetsNoNote() throws Exception {
        assertThat(scan("newest", "18.7.10", "22H1").outcome("system_version").notes()).isEmpty();
    }

    @Test
    void aGarbagePlistIsAFailureOfThisArtifact() throws Exception {
        Path dump = new DumpBuilder(dir.resolve("bad")).file(DATA_FILE, "x")
                .file(PATH, "garbage".getBytes(StandardCharsets.UTF_8)).build();

        ArtifactOutcome outcome = ArtifactScan.overDump(dump, systemVersion).outcome("system_version");

        assertThat(outcome.status()).isEqualTo(ArtifactOutcome.Status.FAILED);
        assertThat(outcome.failures().get(0).reason()).contains("not a valid property list");
    }

    private ArtifactScan scan(String name, String version, String build) throws Exception {
        byte[] plist = PlistFixture.xml(Map.of("ProductName", "iPhone OS", "ProductVersion", version,
                "ProductBuildVersion", build));
        Path dump = new DumpBuilder(dir.resolve(name)).file(DATA_FILE, "x").file(PATH, plist).build();
        return ArtifactScan.overDump(dump, systemVersion);
    }
}
