package org.bridle.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.indicators.BuiltinIndicators;
import org.bridle.core.indicators.IndicatorSet;
import org.bridle.core.io.ScratchDirectory;
import org.bridle.core.scan.MemorySink;
import org.bridle.core.scan.ScanEngine;
import org.bridle.core.scan.ScanListener;
import org.bridle.core.scan.ScanResult;
import org.bridle.core.source.PasswordSource;
import org.bridle.ios.artifacts.IosArtifacts;
import org.bridle.ios.backup.IosBackup;
import org.bridle.testkit.BackupBuilder;
import org.bridle.testkit.ios.BackupEncryption;
import org.bridle.testkit.ios.DataUsageDatabase;
import org.bridle.testkit.ios.SafariHistoryDatabase;
import org.bridle.testkit.ios.SmsDatabase;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A whole check (open the backup, run every iOS artifact with the built-in indicators) of the same backup written
 * unencrypted and encrypted: 20,000 SMS, 10,000 Safari visits, 2,000 network-usage records and 3,000 other files.
 * The encrypted twin uses one round of each key derivation, so the difference is the cost of decryption alone
 * (add {@link KeyDerivationBenchmark} for a backup of recent iOS). Each operation is one check.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EncryptedCheckBenchmark {
    private static final String PASSWORD = "Pässwörd 🔐";

    @Param({"false", "true"})
    public boolean encrypted;

    private ScratchDirectory folder;
    private Path backup;
    private IndicatorSet indicators;
    private List<Artifact<?>> artifacts;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        folder = ScratchDirectory.create();
        BackupBuilder builder = new BackupBuilder(folder.root().resolve("backup"));
        if (encrypted) {
            builder.encryptedWith(BackupEncryption.password(PASSWORD).rounds(1, 1));
        }
        backup = write(builder);
        indicators = BuiltinIndicators.load();
        artifacts = IosArtifacts.forBackup();
    }

    private static Path write(BackupBuilder builder) {
        Instant day = Instant.parse("2024-05-01T08:00:00Z");
        SmsDatabase sms = SmsDatabase.create().handle(1, "+15555550123", "SMS");
        for (int i = 1; i <= 20_000; i++) {
            sms.received(i, 1, "Message " + i + ": see https://news" + (i % 500) + ".example.org/story/" + i
                    + " and call me later", day.plusSeconds(i * 60L), null);
        }
        SafariHistoryDatabase safari = SafariHistoryDatabase.recent();
        for (int i = 1; i <= 10_000; i++) {
            safari.visit(i, "https://site" + (i % 700) + ".example.com/page/" + i, day.plusSeconds(i * 30L), "Page " + i);
        }
        DataUsageDatabase usage = DataUsageDatabase.create();
        for (int i = 1; i <= 2_000; i++) {
            usage.process(i, "process" + i, "com.example.app" + i, day, day.plusSeconds(i))
                    .liveUsage(i, i, day.plusSeconds(i), 1000, 100, 0, 0);
        }
        builder.file("HomeDomain", "Library/SMS/sms.db", sms.bytes())
                .file(SafariHistoryDatabase.DOMAIN, SafariHistoryDatabase.RELATIVE_PATH, safari.bytes())
                .file("WirelessDomain", "Library/Databases/DataUsage.sqlite", usage.bytes());
        for (int i = 0; i < 3_000; i++) {
            builder.file("AppDomain-com.example.app" + (i % 50), "Documents/file" + i + ".txt", "content " + i);
        }
        return builder.build();
    }

    @Benchmark
    public ScanResult check() throws Exception {
        PasswordSource password = evidence -> PASSWORD.toCharArray();
        try (IosBackup source = IosBackup.open(backup, password)) {
            return new ScanEngine(indicators, Runtime.getRuntime().availableProcessors())
                    .run(source, artifacts, new MemorySink(), ScanListener.NONE);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        folder.close();
    }
}
