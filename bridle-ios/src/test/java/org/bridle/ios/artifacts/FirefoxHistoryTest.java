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
import org.bridle.testkit.ios.FirefoxBrowserDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirefoxHistoryTest {
    private static final Instant T = Instant.parse("2020-02-03T04:05:06.789012Z");

    @TempDir
    Path dir;

    private final FirefoxHistory artifact = new FirefoxHistory();

    private static byte[] database(FirefoxBrowserDatabase layout) {
        return layout
                .visit(1, "https://www.example.org/", "Example", T, true)
                .visit(2, "https://synced.example.net/page", "Synced", T.minusSeconds(3600), false)
                .visit(3, "https://www.example.org/", "Example", T.plusSeconds(5), true)
                .bytes();
    }

    @Test
    void readsVisitsInTimeOrderFromABackupAndADump() throws Exception {
        byte[] db = database(FirefoxBrowserDatabase.recent());
        Path backup = new BackupBuilder(dir.resolve("b"))
                .file(FirefoxBrowserDatabase.GROUP_DOMAIN, FirefoxBrowserDatabase.RELATIVE_PATH, db).build();
        Path dump = new DumpBuilder(dir.resolve("d")).containerFile(DumpBuilder.Container.GROUP,
                FirefoxBrowserDatabase.GROUP_ID, FirefoxBrowserDatabase.RELATIVE_PATH, db).build();

        for (ArtifactScan scan : List.of(ArtifactScan.overBackup(backup, artifact),
                ArtifactScan.overDump(dump, artifact))) {
            List<FirefoxHistory.Visit> visits = scan.entries("firefox_history");
            assertThat(visits).extracting(FirefoxHistory.Visit::id).containsExactly(2L, 1L, 3L);
            FirefoxHistory.Visit first = visits.get(1);
            assertThat(first.isodate()).isEqualTo(T);
            assertThat(first.url()).isEqualTo("https://www.example.org/");
            assertThat(first.title()).isEqualTo("Example");
            assertThat(first.isLocal()).isTrue();
            assertThat(first.type()).isEqualTo(1L);
            assertThat(first.historyId()).isEqualTo(visits.get(2).historyId());
            assertThat(visits.get(0).isLocal()).isFalse();
            assertThat(artifact.observables(first)).containsExactly(Observable.url("https://www.example.org/"));
            assertThat(scan.sink().timeline()).extracting(e -> e.description()).containsExactly(
                    "Firefox visit with ID 2 to URL: https://synced.example.net/page",
                    "Firefox visit with ID 1 to URL: https://www.example.org/",
                    "Firefox visit with ID 3 to URL: https://www.example.org/");
        }
    }

    @Test
    void readsTheEarlyLayoutWithoutTheLocalFlag() throws Exception {
        Path backup = new BackupBuilder(dir.resolve("b")).file(FirefoxBrowserDatabase.GROUP_DOMAIN,
                FirefoxBrowserDatabase.RELATIVE_PATH, database(FirefoxBrowserDatabase.early())).build();

        List<FirefoxHistory.Visit> visits = ArtifactScan.overBackup(backup, artifact).entries("firefox_history");

        assertThat(visits).hasSize(3);
        assertThat(visits).extracting(FirefoxHistory.Visit::isLocal).containsOnlyNulls();
        assertThat(visits.get(1).isodate()).isEqualTo(T);
    }

    @Test
    void aDatabaseWithoutVisitsGivesANoteAndGarbageIsAFailure() throws Exception {
        Path empty = new BackupBuilder(dir.resolve("b")).file(FirefoxBrowserDatabase.GROUP_DOMAIN,
                FirefoxBrowserDatabase.RELATIVE_PATH, SqliteFixture.bytes("CREATE TABLE bookmarks (id INTEGER)")).build();
        Path garbage = new BackupBuilder(dir.resolve("c")).file(FirefoxBrowserDatabase.GROUP_DOMAIN,
                FirefoxBrowserDatabase.RELATIVE_PATH, "garbage").build();

        ArtifactOutcome none = ArtifactScan.overBackup(empty, artifact).outcome("firefox_history");
        ArtifactOutcome failed = ArtifactScan.overBackup(garbage, artifact).outcome("firefox_history");

        assertThat(none.status()).isEqualTo(ArtifactOutcome.Status.FOUND);
        assertThat(none.notes()).singleElement().asString().startsWith("browser.db has no history and visits");
        assertThat(failed.status()).isEqualTo(ArtifactOutcome.Status.FAILED);
        assertThat(failed.failures()).extracting(ArtifactOutcome.Failure::reason)
                .containsExactly("not an SQLite database");
    }
}
