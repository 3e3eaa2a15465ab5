package org.bridle.android.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.bridle.android.AndroidScan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdbKeysTest {
    @TempDir
    Path dir;

    @Test
    void mergesUserKeysWithTheXmlKeystore() throws Exception {
        byte[] key = "a public key".getBytes(StandardCharsets.UTF_8);
        String base64 = Base64.getEncoder().encodeToString(key);
        String other = Base64.getEncoder().encodeToString("another".getBytes(StandardCharsets.UTF_8));
        String dump = Sources.service("adb", String.join("\n",
                "  debugging_manager={",
                "    user_keys=" + base64 + " alice@laptop",
                "    keystore=<?xml version='1.0' encoding='utf-8' standalone='yes' ?>",
                "    <adbKey key=\"" + base64 + " alice@laptop\" lastConnection=\"1700000000000\" />",
                "    <adbKey key=\"" + other + " bob@pc\" lastConnection=\"1600000000000\" />"));
        AdbKeys artifact = new AdbKeys();
        AndroidScan scan = AndroidScan.run(Sources.bugreport(dir, dump), artifact);
        String fingerprint = HexFormat.ofDelimiter(":").withUpperCase()
                .formatHex(MessageDigest.getInstance("MD5").digest(key));
        var keys = scan.<AdbKeys.AdbKey>entries("adb_keys");
        assertThat(keys).hasSize(2);
        assertThat(keys.get(0)).isEqualTo(new AdbKeys.AdbKey(fingerprint, "alice@laptop",
                Instant.ofEpochMilli(1700000000000L)));
        assertThat(keys.get(1).user()).isEqualTo("bob@pc");
        assertThat(artifact.timeline(keys.get(0))).hasSize(1);
    }
}
