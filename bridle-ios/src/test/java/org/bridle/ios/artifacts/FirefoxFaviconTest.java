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

class FirefoxFaviconTest {
    private static final Instant T = Instant.parse("2020-02-03T04:05:06Z");

    @TempDir
    Path dir;

    private final FirefoxFavicon artifact = new FirefoxFavicon();

    private static byte[] database(FirefoxBrowserDatabase layout) {
        return layout
                .visit(1, "https://www.example.org/", "Example", T, true)
                .icon("https://www.example.org/", "https://www.example.org/favicon.ico", T.plusSeconds(1))
                .icon("https://other.example.net/", "https://cdn.example.net/o.png", T.plusSeconds(2))
                .bytes();
    }

    @Test
    void readsIconsWithTheirPagesFromABackupAndADump() throws Exception {
        byte[] db = database(FirefoxBrowserDatabase.recent());
        Path backup = new BackupBuilder(dir.resolve("b"))
                .file(FirefoxBrowserDatabase.GROUP_DOMAIN, FirefoxBrowserDatabase.RELATIVE_PATH, db).build();
        Path dump = new DumpBuilder(dir.resolve("d")).containerFile(DumpBuilder.Container.GROUP,
                FirefoxBrowserDatabase.GROUP_ID, FirefoxBrowserDatabase.RELATIVE_PATH, db).build();

        for (ArtifactScan scan : List.of(ArtifactScan.overBackup(backup, artifact),
                ArtifactScan.overDump(dump, artifact))) {
            List<FirefoxFavicon.Favicon> icons = scan.entries("firefox_favicon");
            assertThat(icons).hasSize(2);
            FirefoxFavicon.Favicon first = icons.get(0);
            assertThat(first.url()).isEqualTo("https://www.example.org/favicon.ico");
            assertThat(first.width()).isEqualTo(32L);
            assertThat(first.height()).isEqualTo(32L);
            assertThat(first.type()).isZero();
            assertThat(first.isodate()).isEqualTo(T.plusSeconds(1));
            assertThat(first.historyUrl()).isEqualTo("https://www.example.org/");
            assertThat(artifact.observables(icons.get(1))).containsExactly(
                    Observable.url("https://cdn.example.net/o.png"), Observable.url("https://other.example.net/"));
            assertThat(scan.sink().timeline()).extracting(e -> e.description()).containsExactly(
                    "Firefox icon https://www.example.org/favicon.ico when visiting https://www.example.org/",
                    "Firefox icon https://cdn.example.net/o.png when visiting https://other.example.net/");
        }
    }

    @Test
    void readsTheEarlyLayoutThroughFaviconSites() throws Exception {
        Path backup = new BackupBuilder(dir.resolve("b")).file(FirefoxBrowserDatabase.GROUP_DOMAIN,
                FirefoxBrowserDatabase.RELATIVE_PATH, database(FirefoxBrowserDatabase.early())).build();

        List<FirefoxFavicon.Favicon> icons = ArtifactScan.overBackup(backup, artifact).entries("firefox_favicon");

        assertThat(icons).extracting(FirefoxFavicon.Favicon::historyUrl)
                .containsExactly("https://www.example.org/", "https://other.example.net/");
    }

    @Test
    void aDatabaseWithoutIconsGivesANoteAndGarbageIsAFailure() throws Exception {
        Path empty = new BackupBuilder(dir.resolve("b")).file(FirefoxBrowserDatabase.GROUP_DOMAIN,
                FirefoxBrowserDatabase.RELATIVE_PATH, SqliteFixture.bytes("CREATE TABLE history (id INTEGER, url TEXT)"))
                .build();
        Path garbage = new BackupBuilder(dir.resolve("c")).file(FirefoxBrowserDatabase.GROUP_DOMAIN,
                FirefoxBrowserDatabase.RELATIVE_PATH, "garbage").build();

        ArtifactOutcome none = ArtifactScan.overBackup(empty, artifact).outcome("firefox_favicon");
        ArtifactOutcome failed = ArtifactScan.overBackup(garbage, artifact).outcome("firefox_favicon");

        assertThat(none.status()).isEqualTo(ArtifactOutcome.Status.FOUND);
        assertThat(none.notes()).singleElement().asString().startsWith("browser.db has no favicons");
        assertThat(failed.status()).isEqualTo(ArtifactOutcome.Status.FAILED);
        assertThat(failed.failures()).extracting(ArtifactOutcome.Failure::reason)
                .containsExactly("not an SQLite database");
    }
}
