package org.bridle.ios.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;
import org.bridle.core.source.InputException;
import org.bridle.testkit.DumpBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IosFilesystemDumpTest {
    @TempDir
    Path dir;

    @Test
    void resolvesRootPathsGlobsAndContainersByTheirMetadata() throws Exception {
        Path dump = new DumpBuilder(dir.resolve("d"))
                .file("private/var/mobile/Library/SMS/sms.db", "sms")
                .file("private/var/db/diagnostics/shutdown.log", "log")
                .containerFile(DumpBuilder.Container.APP, "com.apple.mobilesafari", "Library/Safari/History.db",
                        "safari".getBytes())
                .containerFile(DumpBuilder.Container.APP, "com.example.other", "Library/Safari/History.db",
                        "other".getBytes())
                .containerFile(DumpBuilder.Container.SYSTEM_SHARED, "systemgroup.com.apple.configurationprofiles",
                        "Library/ConfigurationProfiles/profile-1.stub", "stub".getBytes())
                .build();
        try (IosFilesystemDump source = IosFilesystemDump.open(dump)) {
            assertThat(content(source.resolve(DevicePath.of("private/var/mobile/Library/SMS/sms.db"))))
                    .containsExactly("sms");
            assertThat(content(source.resolve(DevicePath.of("private/var/db/**/*.log")))).containsExactly("log");
            assertThat(content(source.resolve(DevicePath.of("@app/com.apple.mobilesafari/Library/Safari/History.db"))))
                    .containsExactly("safari");
            assertThat(content(source.resolve(DevicePath.of("@app/*/Library/Safari/History.db"))))
                    .containsExactlyInAnyOrder("safari", "other");
            assertThat(content(source.resolve(DevicePath.of(
                    "@sysshared/systemgroup.com.apple.configurationprofiles/Library/ConfigurationProfiles/profile-*.stub"))))
                    .containsExactly("stub");
            assertThat(source.resolve(DevicePath.of("@backup/Info.plist"))).isEmpty();
            List<String> all = new ArrayList<>();
            source.forEachFile(f -> all.add(f.devicePath()));
            assertThat(all).hasSize(8);
        }
    }

    @Test
    void refusesWhatIsNotADump() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> IosFilesystemDump.open(dir.resolve("empty")))
                .isInstanceOf(InputException.class).hasMessageContaining("not an iOS filesystem dump");
        assertThatThrownBy(() -> IosFilesystemDump.open(dir.resolve("missing")))
                .isInstanceOf(InputException.class).hasMessageContaining("does not exist");
    }

    private static List<String> content(List<EvidenceFile> files) throws Exception {
        List<String> out = new ArrayList<>();
        for (EvidenceFile f : files) {
            out.add(new String(f.readAllBytes()));
        }
        return out;
    }
}
