package org.bridle.android.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.bridle.android.AndroidScan;
import org.bridle.android.bugreport.Bugreport;
import org.bridle.core.model.Observable;
import org.bridle.core.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TombstonesTest {
    private static final String SHELL_CRASH = String.join("\n",
            "*** *** *** *** *** *** *** *** *** *** *** *** *** *** *** ***",
            "Build fingerprint: 'google/x/x:14/AP1/1:user/release-keys'",
            "Timestamp: 2024-03-01 10:00:00.250+0100",
            "pid: 42, tid: 43, name: worker  >>> /system/bin/adbd <<<",
            "uid: 2000",
            "signal 6 (SIGABRT), code -1 (SI_QUEUE), fault addr --------",
            "Abort message: 'Check failed'",
            "");
    private static final String APP_CRASH = "pid: 7, tid: 7, name: com.app  >>> com.app <<<\nuid: 10100\n";

    @TempDir
    Path dir;

    @Test
    void readsTextTombstonesAndFlagsPrivilegedCrashes() throws Exception {
        Tombstones artifact = new Tombstones();
        AndroidScan scan = AndroidScan.run(Sources.bugreport(dir, "", "FS/data/tombstones/tombstone_00",
                SHELL_CRASH, "FS/data/tombstones/tombstone_01", APP_CRASH,
                "FS/data/tombstones/tombstone_02", "garbage"), artifact);
        var tombstones = scan.<Tombstones.Tombstone>entries("tombstones");
        assertThat(tombstones).containsExactly(
                new Tombstones.Tombstone("tombstone_00", "google/x/x:14/AP1/1:user/release-keys",
                        Instant.parse("2024-03-01T09:00:00.250Z"), 42L, 43L, 2000L, "worker", "/system/bin/adbd",
                        "signal 6 (SIGABRT)", "Check failed"),
                new Tombstones.Tombstone("tombstone_01", null, null, 7L, 7L, 10100L, "com.app", "com.app", null,
                        null));
        assertThat(scan.alerts("tombstones")).singleElement().satisfies(a -> {
            assertThat(a.level()).isEqualTo(Severity.MEDIUM);
            assertThat(a.message()).contains("shell process /system/bin/adbd");
        });
        assertThat(scan.outcome("tombstones").failures()).singleElement()
                .satisfies(f -> assertThat(f.file()).endsWith("tombstone_02"));
        assertThat(artifact.observables(tombstones.get(0))).containsExactly(Observable.process("worker"),
                Observable.process("/system/bin/adbd"));
    }

    @Test
    void readsAProtobufTombstoneUnlessItsTextTwinIsThere() throws Exception {
        ByteArrayOutputStream threadMessage = new ByteArrayOutputStream();
        varintField(threadMessage, 1, 43);
        bytesField(threadMessage, 2, "worker".getBytes());
        ByteArrayOutputStream entry = new ByteArrayOutputStream();
        varintField(entry, 1, 43);
        bytesField(entry, 2, threadMessage.toByteArray());
        ByteArrayOutputStream signal = new ByteArrayOutputStream();
        varintField(signal, 1, 11);
        bytesField(signal, 2, "SIGSEGV".getBytes());
        ByteArrayOutputStream pb = new ByteArrayOutputStream();
        varintField(pb, 1, 3);
        bytesField(pb, 4, "2024-03-01 10:00:00+0000".getBytes());
        varintField(pb, 5, 42);
        varintField(pb, 6, 43);
        varintField(pb, 7, 0);
        bytesField(pb, 9, "/system/bin/vold".getBytes());
        bytesField(pb, 10, signal.toByteArray());
        bytesField(pb, 16, entry.toByteArray());

        Path zip = dir.resolve("pb");
        Files.createDirectories(zip);
        Files.writeString(zip.resolve("main_entry.txt"), "d.txt");
        Files.writeString(zip.resolve("d.txt"), "");
        Path tombstones = Files.createDirectories(zip.resolve("FS/data/tombstones"));
        Files.write(tombstones.resolve("tombstone_05.pb"), pb.toByteArray());
        Files.write(tombstones.resolve("tombstone_06.pb"), pb.toByteArray());
        Files.writeString(tombstones.resolve("tombstone_06"), APP_CRASH);
        AndroidScan scan = AndroidScan.run(Bugreport.open(zip), new Tombstones());
        assertThat(scan.<Tombstones.Tombstone>entries("tombstones")).containsExactly(
                new Tombstones.Tombstone("tombstone_05.pb", null, Instant.parse("2024-03-01T10:00:00Z"), 42L, 43L, 0L,
                        "worker", "/system/bin/vold", "SIGSEGV", null),
                new Tombstones.Tombstone("tombstone_06", null, null, 7L, 7L, 10100L, "com.app", "com.app", null,
                        null));
        assertThat(scan.outcome("tombstones").notes()).singleElement().asString().contains("text twin");
        assertThat(scan.alerts("tombstones")).singleElement()
                .satisfies(a -> assertThat(a.message()).contains("root process /system/bin/vold"));
    }

    private static void varintField(ByteArrayOutputStream out, int number, long value) {
        varint(out, (long) number << 3);
        varint(out, value);
    }

    private static void bytesField(ByteArrayOutputStream out, int number, byte[] value) {
        varint(out, ((long) number << 3) | 2);
        varint(out, value.length);
        out.writeBytes(value);
    }

    private static void varint(ByteArrayOutputStream out, long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
