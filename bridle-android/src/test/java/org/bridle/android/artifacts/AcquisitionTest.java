package org.bridle.android.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.bridle.android.AndroidScan;
import org.bridle.android.androidqf.AndroidQf;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.source.PasswordSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcquisitionTest {
    @TempDir
    Path dir;

    @Test
    void readsTheDetailsAndPutsStartAndEndOnTheTimeline() throws Exception {
        Path qf = Files.createDirectories(dir.resolve("qf"));
        Files.writeString(qf.resolve("acquisition.json"), """
                {"uuid": "4b3c", "androidqf_version": "v1.7.0", "storage_path": "/home/a/4b3c",
                 "started": "2024-03-01T10:00:00.5+01:00", "completed": "2024-03-01T09:20:00Z",
                 "collector": null, "cpu": "arm64-v8a"}
                """);
        AndroidScan scan = AndroidScan.run(AndroidQf.open(qf, PasswordSource.NONE), new Acquisition());
        Acquisition.Details details = new Acquisition.Details("4b3c", "v1.7.0",
                Instant.parse("2024-03-01T09:00:00.5Z"), Instant.parse("2024-03-01T09:20:00Z"));
        assertThat(scan.<Acquisition.Details>entries("acquisition")).containsExactly(details);
        assertThat(new Acquisition().timeline(details)).extracting(TimelineEvent::event)
                .containsExactly("acquisition_started", "acquisition_completed");
    }

    @Test
    void missingOrMalformedFieldsAreNull() throws Exception {
        AndroidScan scan = AndroidScan.run(Sources.androidQf(dir, "acquisition.json",
                "{\"uuid\": 7, \"started\": \"yesterday\"}"), new Acquisition());
        Acquisition.Details details = new Acquisition.Details(null, null, null, null);
        assertThat(scan.<Acquisition.Details>entries("acquisition")).containsExactly(details);
        assertThat(new Acquisition().timeline(details)).isEmpty();
    }
}
