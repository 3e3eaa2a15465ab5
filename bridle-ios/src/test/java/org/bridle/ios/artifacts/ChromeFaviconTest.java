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

class ChromeFaviconTest {
    private static final Instant T = Instant.parse("2022-03-04T05:06:07Z");

    @TempDir
    Path dir;

    private final ChromeFavicon artifact = new ChromeFavicon();

    private static ChromeDatabases icons(ChromeDatabases layout) {
        return layout
                .icon("https://news.example.org/", "https://news.example.org/favicon.ico", T.plusSeconds(60), T)
                .icon("https://shop.example.com/cart", "https://cdn.example.com/shop.png", null, T.plusSeconds(30));
    }

    @Test
    void readsIconsOfPagesByTheirLastTimeFromABackupAndADump() throws Exception {
        byte[] favicons = icons(ChromeDatabases.recent()).favicons();
        Path backup = new BackupBuilder(dir.resolve("b"))
                .file(ChromeDatabases.DOMAIN, ChromeDatabases.FAVICONS_PATH, favicons).build();
        Path dump = new DumpBuilder(dir.resolve("d")).containerFile(DumpBuilder.Container.APP,
                ChromeDatabases.BUNDLE_ID, ChromeDatabases.FAVICONS_PATH, favicons).build();

        for (ArtifactScan scan : List.of(ArtifactScan.overBackup(backup, artifact),
                ArtifactScan.overDump(dump, artifact))) {
            List<ChromeFavicon.Favicon> icons = scan.entries("chrome_favicon");
            assertThat(icons).extracting(ChromeFavicon.Favicon::url)
                    .containsExactly("https://shop.example.com/cart", "https://news.example.org/");
            ChromeFavicon.Favicon shop = icons.get(0);
            assertThat(shop.lastUpdated()).as("0 is never").isNull();
            assertThat(shop.lastRequested()).isEqualTo(T.plusSeconds(30));
            assertThat(shop.isodate()).isEqualTo(T.plusSeconds(30));
            ChromeFavicon.Favicon news = icons.get(1);
            assertThat(news.isodate()).isEqualTo(T.plusSeconds(60));
            assertThat(artifact.observables(shop)).containsExactly(Observable.url("https://shop.example.com/cart"),
                    Observable.url("https://cdn.example.com/shop.png"));
            assertThat(scan.sink().timeline()).extracting(e -> e.description()).containsExactly(
                    "Chrome icon https://cdn.example.com/shop.png of https://shop.example.com/cart",
                    "Chrome icon https://news.example.org/favicon.ico of https://news.example.org/");
        }
    }

    @Test
    void readsTheLegacyLayoutWithoutRequestTimes() throws Exception {
        Path backup = new BackupBuilder(dir.resolve("b")).file(ChromeDatabases.DOMAIN, ChromeDatabases.FAVICONS_PATH,
                icons(ChromeDatabases.legacy()).favicons()).build();

        ArtifactScan scan = ArtifactScan.overBackup(backup, artifact);

        List<ChromeFavicon.Favicon> icons = scan.entries("chrome_favicon");
        assertThat(icons).hasSize(2);
        assertThat(icons).extracting(ChromeFavicon.Favicon::lastRequested).containsOnlyNulls();
        assertThat(icons).filteredOn(i -> i.isodate() == null).extracting(ChromeFavicon.Favicon::url)
                .containsExactly("https://shop.example.com/cart");
        assertThat(scan.sink().timeline()).hasSize(1);
    }

    @Test
    void aDatabaseWithoutIconTablesGivesANoteAndGarbageIsAFailure() throws Exception {
        Path empty = new BackupBuilder(dir.resolve("b")).file(ChromeDatabases.DOMAIN, ChromeDatabases.FAVICONS_PATH,
                SqliteFixture.bytes("CREATE TABLE meta (key TEXT, value TEXT)")).build();
        Path garbage = new BackupBuilder(dir.resolve("c")).file(ChromeDatabases.DOMAIN, ChromeDatabases.FAVICONS_PATH,
                "garbage").build();

        ArtifactOutcome none = ArtifactScan.overBackup(empty, artifact).outcome("chrome_favicon");
        ArtifactOutcome failed = ArtifactScan.overBackup(garbage, artifact).outcome("chrome_favicon");

        assertThat(none.status()).isEqualTo(ArtifactOutcome.Status.FOUND);
        assertThat(none.notes()).singleElement().asString().startsWith("Favicons has no icon_mapping");
        assertThat(failed.status()).isEqualTo(ArtifactOutcome.Status.FAILED);
        assertThat(failed.failures()).extracting(ArtifactOutcome.Failure::reason)
                .containsExactly("not an SQLite database");
    }
}
