package org.bridle.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalEvidenceFileTest {
    @TempDir
    Path dir;

    @Test
    void givesTheModificationTimeOnlyWhenTheFileKeepsTheDevicesTime() throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "x");
        Instant time = Instant.parse("2020-05-06T07:08:09Z");
        Files.setLastModifiedTime(file, FileTime.from(time));

        assertThat(new LocalEvidenceFile("a/f", "f", file, s -> Optional.empty()).lastModified()).isEmpty();
        assertThat(new LocalEvidenceFile("a/f", "f", file, s -> Optional.empty(), true).lastModified())
                .contains(time);
    }
}
