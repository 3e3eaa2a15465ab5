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
import org.bridle.testkit.PlistFixture;
import org.bridle.testkit.SqliteFixture;
import org.bridle.testkit.ios.BrowserStateDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafariBrowserStateTest {
    private static final Instant T = Instant.parse("2021-09-01T10:00:00Z");
    private static final String PROFILE = "6A1C0D1E-0000-4000-A000-00000000C0DE";

    @TempDir
    Path dir;

    private final SafariBrowserState artifact = new SafariBrowserState();

    private static byte[] database(BrowserStateDatabase layout) {
        return layout
                .tab("News", "https://news.example.com/today", T.plusSeconds(60),
                        BrowserStateDatabase.session("Search", "https://search.example.org/?q=x",
                                "https://search.example.org/?q=x",
                                "News", "https://news.example.com/today", "http://short.example.net/abc"))
                .tab("Blank", "about:blank", T, null)
                .bytes();
    }

    @Test
    void readsTabsAndTheirSessionHistoryFromABackupAndADump() throws Exception {
        byte[] db = database(BrowserStateDatabase.recent());
        Path backup = new BackupBuilder(dir.resolve("b"))
                .file(BrowserStateDatabase.APP_DOMAIN, BrowserStateDatabase.RELATIVE_PATH, db).build();
        Path dump = new DumpBuilder(dir.resolve("d")).containerFile(DumpBuilder.Container.APP,
                "com.apple.mobilesafari", BrowserStateDatabase.RELATIVE_PATH, db).build();

        for (ArtifactScan scan : List.of(ArtifactScan.overBackup(backup, artifact),
                ArtifactScan.overDump(dump, artifact))) {
            List<SafariBrowserState.Tab> tabs = scan.entries("safari_browser_state");
            assertThat(tabs).extracting(SafariBrowserState.Tab::tabUrl)
                    .containsExactly("about:blank", "https://news.example.com/today");
            SafariBrowserState.Tab news = tabs.get(1);
            assertThat(news.tabTitle()).isEqualTo("News");
            assertThat(news.tabVisibleUrl()).isEqualTo("https://news.example.com/today");
            assertThat(news.lastViewedTimestamp()).isEqualTo(T.plusSeconds(60));
            assertThat(news.privateBrowsing()).isFalse();
            assertThat(news.safariProfile()).isNull();
            assertThat(news.sessionData()).containsExactly(
                    new SafariBrowserState.SessionEntry("Search", "https://search.example.org/?q=x",
                            "https://search.example.org/?q=x", 16),
                    new SafariBrowserState.SessionEntry("News", "https://news.example.com/today",
                            "http://short.example.net/abc", 16));
            assertThat(tabs.get(0).sessionData()).isEmpty();
            assertThat(artifact.observables(news)).containsExactly(Observable.url("https://news.example.com/today"),
                    Observable.url("https://search.example.org/?q=x"), Observable.url("http://short.example.net/abc"));
            assertThat(scan.sink().timeline()).extracting(e -> e.description()).containsExactly(
                    "Safari tab viewed: Blank - about:blank",
                    "Safari tab viewed: News - https://news.example.com/today");
            assertThat(scan.outcome("safari_browser_state").notes()).isEmpty();
        }
    }

    @Test
    void readsTheLegacyLayoutAndProfilesAndSessionsWithoutHeader() throws Exception {
        byte[] plainSession = PlistFixture.binary(java.util.Map.of("SessionHistory", java.util.Map.of(
                "SessionHistoryEntries", List.of(java.util.Map.of("SessionHistoryEntryURL", "https://plain.example/")))));
        Path backup = new BackupBuilder(dir.resolve("b"))
                .file(BrowserStateDatabase.DOMAIN, BrowserStateDatabase.RELATIVE_PATH,
                        database(BrowserStateDatabase.legacy()))
                .file(BrowserStateDatabase.APP_DOMAIN, BrowserStateDatabase.profilePath(PROFILE),
                        BrowserStateDatabase.recent().tab("Plain", "https://plain.example/", T, plainSession)
                                .tab("Broken", "https://broken.example/", T, new byte[] {1, 2, 3, 4, 5, 6, 7, 8})
                                .bytes())
                .build();

        ArtifactScan scan = ArtifactScan.overBackup(backup, artifact);

        List<SafariBrowserState.Tab> tabs = scan.entries("safari_browser_state");
        assertThat(tabs).hasSize(4);
        SafariBrowserState.Tab legacyNews = tabs.stream().filter(t -> "News".equals(t.tabTitle())).findFirst()
                .orElseThrow();
        assertThat(legacyNews.sessionData()).hasSize(2);
        assertThat(legacyNews.safariBrowserStateDb()).isEqualTo("private/var/mobile/Library/Safari/BrowserState.db");
        SafariBrowserState.Tab plain = tabs.stream().filter(t -> "Plain".equals(t.tabTitle())).findFirst()
                .orElseThrow();
        assertThat(plain.safariProfile()).isEqualTo(PROFILE);
        assertThat(plain.sessionData()).extracting(SafariBrowserState.SessionEntry::entryUrl)
                .containsExactly("https://plain.example/");
        assertThat(scan.outcome("safari_browser_state").notes()).singleElement().asString()
                .startsWith("1 tab session(s) are not a property list");
    }

    @Test
    void aDatabaseWithoutTabsGivesANoteAndGarbageIsAFailure() throws Exception {
        Path empty = new BackupBuilder(dir.resolve("b")).file(BrowserStateDatabase.DOMAIN,
                BrowserStateDatabase.RELATIVE_PATH, SqliteFixture.bytes("CREATE TABLE browser_windows (id INTEGER)"))
                .build();
        Path garbage = new BackupBuilder(dir.resolve("c")).file(BrowserStateDatabase.DOMAIN,
                BrowserStateDatabase.RELATIVE_PATH, "not sqlite").build();

        ArtifactOutcome none = ArtifactScan.overBackup(empty, artifact).outcome("safari_browser_state");
        ArtifactOutcome failed = ArtifactScan.overBackup(garbage, artifact).outcome("safari_browser_state");

        assertThat(none.status()).isEqualTo(ArtifactOutcome.Status.FOUND);
        assertThat(none.notes()).containsExactly("BrowserState.db has no tabs table with URLs; no tabs read");
        assertThat(failed.status()).isEqualTo(ArtifactOutcome.Status.FAILED);
        assertThat(failed.failures()).extracting(ArtifactOutcome.Failure::reason)
                .containsExactly("not an SQLite database");
    }
}
