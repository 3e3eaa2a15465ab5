package org.bridle.android.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.bridle.android.AndroidScan;
import org.bridle.core.model.Observable;
import org.bridle.core.model.ObservableKind;
import org.bridle.core.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesTest {
    @TempDir
    Path dir;

    @Test
    void readsRecordsFlagsStagedToolsAndMergesEqualTimes() throws Exception {
        Files artifact = new Files();
        AndroidScan scan = AndroidScan.run(Sources.androidQf(dir, "files.json", """
                [{"path":"/sdcard/a.txt","size":3,"mode":"-rw","user_id":0,"group_id":1015,
                  "changed_time":100,"modified_time":200,"access_time":200,"md5":"","sha1":"","sha256":"h"},
                 {"path":"/data/local/tmp/payload","size":1,"changed_time":0},
                 {"path":"/data/local/tmp/collector","size":1}]
                """), artifact);
        var records = scan.<Files.FileRecord>entries("files");
        assertThat(records).hasSize(3);
        assertThat(artifact.timeline(records.get(0))).extracting(e -> e.time(), e -> e.event()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Instant.ofEpochSecond(100), "changed"),
                org.assertj.core.groups.Tuple.tuple(Instant.ofEpochSecond(200), "modified+accessed"));
        assertThat(artifact.observables(records.get(0))).containsExactly(Observable.filePath("/sdcard/a.txt"),
                Observable.fileName("a.txt"), new Observable(ObservableKind.FILE_SHA256, "h"));
        assertThat(scan.alerts("files")).singleElement().satisfies(a -> {
            assertThat(a.level()).isEqualTo(Severity.HIGH);
            assertThat(a.message()).contains("/data/local/tmp/payload");
        });
    }
}
