package org.bridle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.bridle.core.io.Plists;
import org.bridle.testkit.EvidenceSnapshot;
import org.bridle.testkit.ios.BackupEncryption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ios decrypt-backup}: a decrypted copy in the same layout, hashed in info.json, with a warning. */
class DecryptBackupTest {
    private static final String PASSWORD = "ключ 🗝";

    @TempDir
    Path dir;

    @Test
    void writesACopyThatChecksLikeTheUnencryptedTwin() throws Exception {
        Path encrypted = Evidence.encryptedBackupWithTraces(dir.resolve("encrypted"), BackupEncryption.password(PASSWORD));
        Path plain = Evidence.backupWithTraces(dir.resolve("plain"));
        Path password = Files.writeString(dir.resolve("pw"), PASSWORD, StandardCharsets.UTF_8);
        Path copy = dir.resolve("copy");
        EvidenceSnapshot before = EvidenceSnapshot.of(encrypted);

        Cli.Result result = Cli.run("ios", "decrypt-backup", "--password-file", password.toString(),
                "--destination", copy.toString(), encrypted.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.CLEAN);
        assertThat(result.err()).contains("warning").contains("private data in the clear");
        assertThat(EvidenceSnapshot.of(encrypted)).isEqualTo(before);
        assertThat((Boolean) Plists.parseMap(Files.readAllBytes(copy.resolve("Manifest.plist"))).get("IsEncrypted"))
                .isFalse();
        assertThat(Files.readAllBytes(Evidence.smsDb(copy))).isEqualTo(Files.readAllBytes(Evidence.smsDb(plain)));

        JsonNode info = Reports.json(copy.resolve("info.json"));
        Map<String, String> hashes = new HashMap<>();
        info.get("files").forEach(f -> hashes.put(f.get("path").asText(), f.get("sha256").asText()));
        try (Stream<Path> files = Files.walk(copy)) {
            files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("info.json"))
                    .forEach(f -> assertThat(hashes.get(copy.relativize(f).toString().replace('\\', '/')))
                            .as(f.toString()).isEqualTo(Reports.sha256(f)));
        }
        assertThat(hashes).hasSize((int) Evidence.fileCount(copy) - 1);

        Path iocs = Evidence.indicators(dir.resolve("iocs"));
        Cli.checkBackup(copy, "--no-builtin-iocs", "--iocs", iocs.toString(), "-o", dir.resolve("r1").toString());
        Cli.checkBackup(plain, "--no-builtin-iocs", "--iocs", iocs.toString(), "-o", dir.resolve("r2").toString());
        assertThat(Reports.json(dir.resolve("r1/alerts.json"))).isEqualTo(Reports.json(dir.resolve("r2/alerts.json")));
    }

    @Test
    void refusesADestinationInsideTheEvidenceOrNotEmpty() throws IOException {
        Path encrypted = Evidence.encryptedBackupWithTraces(dir.resolve("encrypted"), BackupEncryption.password(PASSWORD));
        EvidenceSnapshot before = EvidenceSnapshot.of(encrypted);
        Cli.Result inside = Cli.run("ios", "decrypt-backup", "--destination", encrypted.resolve("copy").toString(),
                encrypted.toString());
        assertThat(inside.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(inside.err()).contains("inside the evidence");
        Path full = Files.createDirectories(dir.resolve("full"));
        Files.writeString(full.resolve("keep.txt"), "mine");
        Cli.Result notEmpty = Cli.run("ios", "decrypt-backup", "--destination", full.toString(), encrypted.toString());
        assertThat(notEmpty.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(notEmpty.err()).contains("is not an empty folder");
        assertThat(Files.readString(full.resolve("keep.txt"))).isEqualTo("mine");
        assertThat(EvidenceSnapshot.of(encrypted)).isEqualTo(before);
    }

    @Test
    void aWrongPasswordLeavesNoCopy() throws IOException {
        Path encrypted = Evidence.encryptedBackupWithTraces(dir.resolve("encrypted"), BackupEncryption.password(PASSWORD));
        Path password = Files.writeString(dir.resolve("pw"), "not it", StandardCharsets.UTF_8);
        Path copy = dir.resolve("copy");
        Cli.Result result = Cli.run("ios", "decrypt-backup", "--password-file", password.toString(),
                "--destination", copy.toString(), encrypted.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
        result.saysInOneSentence("the password is wrong");
        assertThat(Evidence.fileCount(copy)).isZero();
    }

    @Test
    void aFileWhoseClassKeyIsMissingIsLeftOutAndListedWhileTheRestIsCopied() throws Exception {
        BackupEncryption encryption = BackupEncryption.password(PASSWORD).withoutClass(2);
        Path encrypted = new org.bridle.testkit.BackupBuilder(dir.resolve("encrypted")).encryptedWith(encryption)
                .file("HomeDomain", "Library/Preferences/readable.plist", "readable")
                .protectionClass(2)
                .file("HomeDomain", "Library/Preferences/locked.plist", "locked")
                .build();
        Path password = Files.writeString(dir.resolve("pw"), PASSWORD, StandardCharsets.UTF_8);
        Path copy = dir.resolve("copy");

        Cli.Result result = Cli.run("ios", "decrypt-backup", "--password-file", password.toString(),
                "--destination", copy.toString(), encrypted.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.INCOMPLETE);
        assertThat(result.err()).contains("left out");
        String locked = org.bridle.testkit.BackupBuilder.fileId("HomeDomain", "Library/Preferences/locked.plist");
        String readable = org.bridle.testkit.BackupBuilder.fileId("HomeDomain", "Library/Preferences/readable.plist");
        assertThat(copy.resolve(locked.substring(0, 2)).resolve(locked)).doesNotExist();
        assertThat(Files.readString(copy.resolve(readable.substring(0, 2)).resolve(readable))).isEqualTo("readable");
        JsonNode info = Reports.json(copy.resolve("info.json"));
        assertThat(info.get("left_out")).hasSize(1);
        assertThat(info.get("left_out").get(0).get("path").asText()).isEqualTo(locked.substring(0, 2) + "/" + locked);
        assertThat(info.get("left_out").get(0).get("reason").asText()).isNotBlank();
    }
}
