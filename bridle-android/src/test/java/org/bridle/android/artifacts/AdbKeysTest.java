package org.bridle.android.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.bridle.android.AndroidScan;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.testkit.android.AbxWriter;
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

    /** Android 12 and later dump the keystore as binary XML: its keys are read, merged with user_keys. */
    @Test
    void readsABinaryXmlKeystore() throws Exception {
        byte[] key = "a public key".getBytes(StandardCharsets.UTF_8);
        String base64 = Base64.getEncoder().encodeToString(key);
        String other = Base64.getEncoder().encodeToString("another".getBytes(StandardCharsets.UTF_8));
        byte[] keystore = new AbxWriter().start("keyStore").attribute("version", 1, false)
                .start("adbKey").attribute("key", base64 + " alice@laptop")
                .attribute("lastConnection", 1700000000000L, false).end("adbKey")
                .start("adbKey").attribute("key", other + " bob@pc").attribute("lastConnection", 10L, false)
                .end("adbKey").end("keyStore").bytes();
        AndroidScan scan = AndroidScan.run(Sources.bugreport(dir, dump(keystore, base64)), new AdbKeys());
        assertThat(scan.<AdbKeys.AdbKey>entries("adb_keys")).extracting(AdbKeys.AdbKey::user,
                AdbKeys.AdbKey::lastConnection).containsExactly(
                tuple("alice@laptop", Instant.ofEpochMilli(1700000000000L)),
                tuple("bob@pc", Instant.ofEpochMilli(10L)));
        assertThat(scan.outcome("adb_keys").failures()).isEmpty();
    }

    /** A binary keystore cut short fails the artifact with the reason; the user keys are still reported. */
    @Test
    void aBrokenBinaryKeystoreFailsAfterTheUserKeys() throws Exception {
        String base64 = Base64.getEncoder().encodeToString("k".getBytes(StandardCharsets.UTF_8));
        byte[] keystore = new AbxWriter().start("keyStore").start("adbKey").attribute("key", "QUFB")
                .end("adbKey").end("keyStore").bytes();
        AndroidScan scan = AndroidScan.run(Sources.bugreport(dir,
                dump(java.util.Arrays.copyOf(keystore, 12), base64)), new AdbKeys());
        assertThat(scan.<AdbKeys.AdbKey>entries("adb_keys")).extracting(AdbKeys.AdbKey::user)
                .containsExactly("alice@laptop");
        assertThat(scan.outcome("adb_keys").failures()).singleElement()
                .satisfies(f -> assertThat(f.reason()).contains("binary keystore cannot be read"));
    }

    /**
     * AndroidQF saves dumpsys output as text, which turns every byte above 0x7F of a binary keystore into U+FFFD (as
     * in the corpus's acquisition): the keystore is noted as undecodable and the user keys are reported.
     */
    @Test
    void aBinaryKeystoreAlteredByTextConversionIsNotedNotFailed() throws Exception {
        String base64 = Base64.getEncoder().encodeToString("a public key".getBytes(StandardCharsets.UTF_8));
        byte[] keystore = new AbxWriter().start("keyStore").attribute("version", 1, false)
                .start("adbKey").attribute("key", base64 + " alice@laptop")
                .attribute("lastConnection", 1700000000000L, false).end("adbKey").end("keyStore").bytes();
        byte[] asText = new String(keystore, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
        assertThat(asText).isNotEqualTo(keystore);

        AndroidScan scan = AndroidScan.run(Sources.bugreport(dir, dump(asText, base64)), new AdbKeys());

        assertThat(scan.outcome("adb_keys").status()).isEqualTo(ArtifactOutcome.Status.FOUND);
        assertThat(scan.outcome("adb_keys").notes()).singleElement().asString()
                .contains("altered when the dump was saved as text");
        assertThat(scan.<AdbKeys.AdbKey>entries("adb_keys")).extracting(AdbKeys.AdbKey::user,
                AdbKeys.AdbKey::lastConnection).containsExactly(tuple("alice@laptop", null));
    }

    private static byte[] dump(byte[] keystore, String userKey) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("DUMP OF SERVICE adb:\n  debugging_manager={\n    connected_to_adb=true\n    user_keys="
                + userKey + " alice@laptop\n\n    keystore=").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(keystore);
        out.writeBytes("\n\n  }\n-------------------------------------------------------------------------------\n"
                .getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
