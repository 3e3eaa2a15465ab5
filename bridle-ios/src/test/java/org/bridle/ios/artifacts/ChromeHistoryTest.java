package org.bridle.ios.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.bridle.core.model.Observable;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.ios.ArtifactScan;
import org.bridle.testkit.BackupBuilder;
import org.bridle.testkit.DumpBuilder;
import org.bridle.testkit.SqliteFixture;
import org.bridle.testkit.ios.ChromeDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChromeHistoryTest {
    private static final Instant T = Instant.parse("2022-03-04T05:06:07.123456Z");

    @TempDir
    Path dir;

    private final ChromeHistory artifact = new ChromeHistory();

    private static ChromeDatabases visits(ChromeDatabases layout) {
        return layout
                .visit(1, "https://mail.example.com/", "Mail", T, 0, "android-app://com.example.mail/")
                .visit(2, "https://news.example.org/a", "A", T.plusSeconds(30), 1, null)
                .visit(3, "https://mail.example.com/", "Mail", T.minusSeconds(60), 0, null);
    }

    @Test
    void readsVisitsInTimeOrderFromABackupAndADump() throws Exception {
        byte[] history = visits(ChromeDatabases.recent()).history();
        Path backup = new BackupBuilder(dir.resolve("b"))
                .file(ChromeDatabases.DOMAIN, ChromeDatabases.HISTORY_PATH, history).build();
        Path dump = new DumpBuilder(dir.resolve("d")).containerFile(DumpBuilder.Container.APP,
                ChromeDatabases.BUNDLE_ID, ChromeDatabases.HISTORY_PATH, history).build();

        for (ArtifactScan scan : List.of(ArtifactScan.overBackup(backup, artifact),
                ArtifactScan.overDump(dump, artifact))) {
            List<ChromeHistory.Visit> visits = scan.entries("chrome_history");
            assertThat(visits).extracting(ChromeHistory.Visit::visitId).containsExactly(3L, 1L, 2L);
            ChromeHistory.Visit first = visits.get(1);
            assertThat(first.id()).isEqualTo(1);
            assertThat(first.url()).isEqualTo("https://mail.example.com/");
            assertThat(first.title()).isEqualTo("Mail");
            assertThat(first.isodate()).isEqualTo(T);
            assertThat(first.redirectSource()).isZero();
            assertThat(first.transition()).isEqualTo(805306368L);
            assertThat(first.externalReferrerUrl()).isEqualTo("android-app://com.example.mail/");
            assertThat(visits.get(2).redirectSource()).isEqualTo(1L);
            assertThat(visits.get(2).externalReferrerUrl()).as("empty is none").isNull();
            assertThat(artifact.observables(first)).containsExactly(Observable.url("https://mail.example.com/"),
                    Observable.url("android-app://com.example.mail/"));
            assertThat(scan.sink().timeline()).extracting(e -> e.time())
                    .containsExactly(T.minusSeconds(60), T, T.plusSeconds(30));
            assertThat(scan.sink().timeline().get(1).description()).isEqualTo(
                    "Chrome visit to https://mail.example.com/ (ID: 1, visit ID: 1, redirect source: 0)");
        }
    }

    @Test
    void readsTheLegacyLayoutWithoutExternalReferrers() throws Exception {
        Path backup = new BackupBuilder(dir.resolve("b")).file(ChromeDatabases.DOMAIN, ChromeDatabases.HISTORY_PATH,
                visits(ChromeDatabases.legacy()).history()).build();

        List<ChromeHistory.Visit> visits = ArtifactScan.overBackup(backup, artifact).entries("chrome_history");

        assertThat(visits).hasSize(3);
        assertThat(visits).extracting(ChromeHistory.Visit::externalReferrerUrl).containsOnlyNulls();
        assertThat(visits.get(1).isodate()).isEqualTo(T);
    }

    @Test
    void aDatabaseWithoutVisitsGivesANoteAndGarbageIsAFailure() throws Exception {
        Path empty = new BackupBuilder(dir.resolve("b")).file(ChromeDatabases.DOMAIN, ChromeDatabases.HISTORY_PATH,
                SqliteFixture.bytes("CREATE TABLE meta (key TEXT, value TEXT)")).build();
        Path garbage = new BackupBuilder(dir.resolve("c")).file(ChromeDatabases.DOMAIN, ChromeDatabases.HISTORY_PATH,
                "garbage").build();

        ArtifactOutcome none = ArtifactScan.overBackup(empty, artifact).outcome("chrome_history");
        ArtifactOutcome failed = ArtifactScan.overBackup(garbage, artifact).outcome("chrome_history");

        assertThat(none.status()).isEqualTo(ArtifactOutcome.Status.FOUND);
        assertThat(none.notes()).singleElement().asString().startsWith("History has no urls and visits tables");
        assertThat(failed.status()).isEqualTo(ArtifactOutcome.Status.FAILED);
        assertThat(failed.failures()).extracting(ArtifactOutcome.Failure::reason)
                .containsExactly("not an SQLite database");
    }
}
