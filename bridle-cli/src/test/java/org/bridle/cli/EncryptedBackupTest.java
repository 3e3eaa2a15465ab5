package org.bridle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bridle.testkit.ios.BackupEncryption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check-backup} on an encrypted backup: the password from a file, the environment or nowhere; the same
 * detections as the unencrypted twin; nothing decrypted left on disk.
 */
class EncryptedBackupTest {
    private static final String PASSWORD = "Pässwörd — 密码 «quoted» $HOME `id` 🔐";

    @TempDir
    Path dir;

    private Path passwordFile(String content) throws IOException {
        return Files.writeString(dir.resolve("password.txt"), content, StandardCharsets.UTF_8);
    }

    private static Set<String> scratchFolders() throws IOException {
        try (Stream<Path> list = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return list.map(p -> p.getFileName().toString()).filter(n -> n.matches("bridle-\\d+"))
                    .collect(Collectors.toSet());
        }
    }

    /** True when some file under the folder starts as an SQLite database does. */
    private static boolean holdsAnSqliteDatabase(Path folder) throws IOException {
        byte[] magic = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    if (Arrays.equals(in.readNBytes(magic.length), magic)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Test
    void givesTheDetectionsOfTheUnencryptedTwinAndLeavesNothingDecryptedOnDisk() throws IOException {
        Path plain = Evidence.backupWithTraces(dir.resolve("plain"));
        Path encrypted = Evidence.encryptedBackupWithTraces(dir.resolve("encrypted"), BackupEncryption.password(PASSWORD));
        Path iocs = Evidence.indicators(dir.resolve("iocs"));
        Path password = passwordFile(PASSWORD + "\n");
        Set<String> scratchBefore = scratchFolders();

        Cli.Result expected = Cli.checkBackup(plain, "--no-builtin-iocs", "--iocs", iocs.toString(),
                "--output", dir.resolve("plain-report").toString());
        Cli.Result actual = Cli.checkBackup(encrypted, "--no-builtin-iocs", "--iocs", iocs.toString(),
                "--password-file", password.toString(), "--output", dir.resolve("report").toString());

        assertThat(actual.exitCode()).isEqualTo(ExitCode.DETECTIONS).isEqualTo(expected.exitCode());
        assertThat(Reports.json(dir.resolve("report/alerts.json")))
                .isEqualTo(Reports.json(dir.resolve("plain-report/alerts.json")));
        assertThat(Files.readString(dir.resolve("report/timeline.csv")))
                .isEqualTo(Files.readString(dir.resolve("plain-report/timeline.csv")));
        assertThat(actual.errLines().get(0)).startsWith("bridle: checking encrypted iOS backup at " + encrypted);
        assertThat(actual.err()).doesNotContain(PASSWORD);
        assertThat(holdsAnSqliteDatabase(dir.resolve("report"))).as("a decrypted database in the reports").isFalse();
        assertThat(scratchFolders()).as("private scratch folders left").isEqualTo(scratchBefore);
    }

    @Test
    void thePasswordMayComeFromTheEnvironment() {
        Path encrypted = Evidence.encryptedBackupWithTraces(dir.resolve("encrypted"), BackupEncryption.password(PASSWORD));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of(Passwords.ENVIRONMENT_VARIABLE, PASSWORD), "ios", "check-backup", "--no-builtin-iocs",
                encrypted.toString());
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCode.DETECTIONS);
    }

    @Test
    void aWrongPasswordIsRefusedInOneSentence() throws IOException {
        Path encrypted = Evidence.encryptedBackupWithTraces(dir.resolve("encrypted"), BackupEncryption.password(PASSWORD));
        Cli.Result result = Cli.checkBackup(encrypted, "--password-file", passwordFile(PASSWORD.toUpperCase()).toString());
        assertThat(result.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
        result.saysInOneSentence("the password is wrong");
    }

    @Test
    void withoutAPasswordTheSentenceNamesTheThreeWays() {
        Path encrypted = Evidence.encryptedBackupWithTraces(dir.resolve("encrypted"), BackupEncryption.password(PASSWORD));
        Cli.Result result = Cli.checkBackup(encrypted);
        assertThat(result.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
        result.saysInOneSentence("--password-file", Passwords.ENVIRONMENT_VARIABLE, "terminal");
    }

    @Test
    void aPasswordFileThatIsNotUtf8IsRefused() throws IOException {
        Path encrypted = Evidence.encryptedBackupWithTraces(dir.resolve("encrypted"), BackupEncryption.password(PASSWORD));
        Path file = Files.write(dir.resolve("latin1.txt"), "Pässwörd".getBytes(StandardCharsets.ISO_8859_1));
        Cli.Result result = Cli.checkBackup(encrypted, "--password-file", file.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
        result.saysInOneSentence("is not UTF-8 text");
    }
}
