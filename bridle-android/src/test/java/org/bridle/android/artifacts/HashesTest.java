package org.bridle.android.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.bridle.android.AndroidScan;
import org.bridle.core.model.Observable;
import org.bridle.core.model.ObservableKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashesTest {
    @TempDir
    Path dir;

    @Test
    void readsPathAndHashAndChecksOnlyTheHash() throws Exception {
        String hash = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08";
        AndroidScan scan = AndroidScan.run(Sources.androidQf(dir, "hashes.csv", String.join("\n",
                "/home/a/acq/apks/com.example.spy_base.apk," + hash,
                "\"C:\\acq\\a,\"\"b\"\".json\",9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "/home/a/acq/short.txt,9f86d081",
                "no hash here",
                "")), new Hashes());
        assertThat(scan.<Hashes.FileHash>entries("hashes")).containsExactly(
                new Hashes.FileHash("/home/a/acq/apks/com.example.spy_base.apk", hash.toLowerCase()),
                new Hashes.FileHash("C:\\acq\\a,\"b\".json", hash.toLowerCase()));
        assertThat(new Hashes().observables(new Hashes.FileHash("/p", "ab")))
                .containsExactly(new Observable(ObservableKind.FILE_SHA256, "ab"));
    }
}
