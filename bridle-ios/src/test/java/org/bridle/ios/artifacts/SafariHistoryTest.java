package org.bridle.ios.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.bridle.core.model.Alert;
import org.bridle.core.model.Observable;
import org.bridle.core.model.Severity;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.ios.ArtifactScan;
import org.bridle.testkit.BackupBuilder;
import org.bridle.testkit.SqliteFixture;
import org.bridle.testkit.ios.SafariHistoryDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafariHistoryTest {
    private static final Instant T = Instant.parse("2021-06-01T10:00:00Z");
    private static final String PROFILE = "6A1C0D1E-0000-4000-A000-00000000C0DE";

    @TempDir
    Path dir;

    private final SafariHistory artifact = new SafariHistory();

    @Test
    void readsVisitsWithTheirRedirectsAndFlagsOnlyAFastHttpRedirectToAnotherDomain() throws Exception {
        SafariHistoryDatabase history = SafariHistoryDatabase.recent()
                // the injection: http to another domain 200 ms later
                .visit(1, "http://news.example.com/story", T, "Story")
                .visit(2, "https://bad.example.net/1234/", T.plusMillis(200), "")
                .redirect(1, 2)
                // near misses: an https visit redirected elsewhere at once
                .visit(3, "https://shop.example.com/", T.plusSeconds(60), "Shop")
                .visit(4, "https://pay.example.org/", T.plusSeconds(60).plusMillis(100), "Pay")
                .redirect(3, 4)
                // an upgrade to https on the www. host
                .visit(5, "http://example.com/", T.plusSeconds(120), null)
                .visit(6, "https://www.example.com/", T.plusSeconds(120).plusMillis(50), "Example")
                .redirect(5, 6)
                // another domain, but 1.5 s later
                .visit(7, "http://slow.example.com/", T.plusSeconds(180), null)
                .visit(8, "http://elsewhere.example.org/", T.plusSeconds(180).plusMillis(1500), "Elsewhere")
                .redirect(7, 8)
                // the same host, another path
                .visit(9, "http://blog.example.com/old", T.plusSeconds(240), null)
                .visit(10, "http://blog.example.com/new", T.plusSeconds(240).plusMillis(10), "New")
                .redirect(9, 10)
                // exactly one second is not less than a second
                .visit(11, "http://edge.example.com/", T.plusSeconds(300), null)
                .visit(12, "http://other.example.org/", T.plusSeconds(301), null)
                .redirect(11, 12);
        Path backup = new BackupBuilder(dir.resolve("b"))
                .file(SafariHistoryDatabase.DOMAIN, SafariHistoryDatabase.RELATIVE_PATH, history.bytes()).build();

        ArtifactScan scan = ArtifactScan.overBackup(backup, artifact);

        List<SafariHistory.Visit> visits = scan.entries("safari_history");
        assertThat(visits).hasSize(12);
        SafariHistory.Visit first = visits.get(0);
        assertThat(first.url()).isEqualTo("http://news.example.com/story");
        assertThat(first.visitId()).isEqualTo(1);
        assertThat(first.isodate()).isEqualTo(T);
        assertThat(first.title()).isEqualTo("Story");
        assertThat(first.redirectDestination()).isEqualTo(2);
        assertThat(first.redirectDestinationUrl()).isEqualTo("https://bad.example.net/1234/");
        // Cocoa seconds are doubles: below a microsecond they carry rounding noise
        assertThat(first.redirectDestinationTime()).isCloseTo(T.plusMillis(200), within(1, ChronoUnit.MICROS));
        assertThat(first.redirectSource()).isNull();
        assertThat(first.safariProfile()).isNull();
        assertThat(first.safariHistoryDb()).isEqualTo("private/var/mobile/Library/Safari/History.db");
        SafariHistory.Visit second = visits.get(1);
        assertThat(second.redirectSource()).isEqualTo(1);
        assertThat(second.redirectSourceUrl()).isEqualTo("http://news.example.com/story");
        assertThat(second.redirectSourceTime()).isEqualTo(T);
        assertThat(visits.get(4).title()).isNull();

        assertThat(artifact.observables(first)).containsExactly(
                Observable.url("http://news.example.com/story"), Observable.url("https://bad.example.net/1234/"));
        assertThat(artifact.observables(second)).containsExactly(
                Observable.url("https://bad.example.net/1234/"), Observable.url("http://news.example.com/story"));

        List<Alert> alerts = scan.sink().alerts("safari_history");
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).level()).isEqualTo(Severity.MEDIUM);
        assertThat(alerts.get(0).message()).contains("network injection", "http://news.example.com/story",
                "https://bad.example.net/1234/", "200 ms");
        assertThat(alerts.get(0).eventTime()).isEqualTo(T);
        assertThat(alerts.get(0).event()).isEqualTo(first);

        assertThat(scan.sink().timeline()).hasSize(12);
        assertThat(scan.sink().timeline().get(0).description())
                .isEqualTo("Safari visit to http://news.example.com/story (ID: 1, Visit ID: 1)");
    }

    @Test
    void readsTheMinimalLayoutAndEveryProfileInSafarisContainer() throws Exception {
        Path backup = new BackupBuilder(dir.resolve("b"))
                .file(SafariHistoryDatabase.APP_DOMAIN, SafariHistoryDatabase.RELATIVE_PATH,
                        SafariHistoryDatabase.minimal().visit(1, "https://default.example.net/", T, "ignored").bytes())
                .file(SafariHistoryDatabase.APP_DOMAIN, SafariHistoryDatabase.profilePath(PROFILE),
                        SafariHistoryDatabase.recent().visit(1, "https://profile.example.net/", T, "Work").bytes())
                .file(SafariHistoryDatabase.DOMAIN, SafariHistoryDatabase.profilePath(PROFILE),
                        SafariHistoryDatabase.recent().visit(1, "https://home.example.net/", T, null).bytes())
                .build();

        ArtifactScan scan = ArtifactScan.overBackup(backup, artifact);

        List<SafariHistory.Visit> visits = scan.entries("safari_history");
        assertThat(visits).extracting(SafariHistory.Visit::url).containsExactlyInAnyOrder(
                "https://default.example.net/", "https://profile.example.net/", "https://home.example.net/");
        SafariHistory.Visit fromDefault = visits.stream()
                .filter(v -> v.url().equals("https://default.example.net/")).findFirst().orElseThrow();
        assertThat(fromDefault.title()).as("the minimal layout has no titles").isNull();
        assertThat(fromDefault.safariProfile()).isNull();
        assertThat(fromDefault.safariHistoryDb())
                .isEqualTo("@app/com.apple.mobilesafari/Library/Safari/History.db");
        SafariHistory.Visit fromProfile = visits.stream()
                .filter(v -> v.url().equals("https://profile.example.net/")).findFirst().orElseThrow();
        assertThat(fromProfile.safariProfile()).isEqualTo(PROFILE);
        assertThat(fromProfile.title()).isEqualTo("Work");
        assertThat(scan.outcome("safari_history").files()).hasSize(3);
    }

    @Test
    void aDatabaseWithoutTheHistoryTablesGivesANoteAndNoVisits() throws Exception {
        Path backup = new BackupBuilder(dir.resolve("b")).file(SafariHistoryDatabase.DOMAIN,
                SafariHistoryDatabase.RELATIVE_PATH,
                SqliteFixture.bytes("CREATE TABLE history_tombstones (id INTEGER PRIMARY KEY)"))
                .build();

        ArtifactScan scan = ArtifactScan.overBackup(backup, artifact);

        ArtifactOutcome outcome = scan.outcome("safari_history");
        assertThat(outcome.status()).isEqualTo(ArtifactOutcome.Status.FOUND);
        assertThat(outcome.entries()).isZero();
        assertThat(outcome.notes()).singleElement().asString().contains("history_visits");
    }

    @Test
    void aFileThatIsNotADatabaseIsAFailure() throws Exception {
        Path backup = new BackupBuilder(dir.resolve("b"))
                .file(SafariHistoryDatabase.DOMAIN, SafariHistoryDatabase.RELATIVE_PATH, "not a database at all")
                .build();

        ArtifactScan scan = ArtifactScan.overBackup(backup, artifact);

        ArtifactOutcome outcome = scan.outcome("safari_history");
        assertThat(outcome.status()).isEqualTo(ArtifactOutcome.Status.FAILED);
        assertThat(outcome.failures()).singleElement().satisfies(f -> assertThat(f.reason())
                .isEqualTo("not an SQLite database"));
    }

    @Test
    void aDatabaseListedButAbsentIsMissing() throws Exception {
        Path backup = new BackupBuilder(dir.resolve("b"))
                .listedOnly(SafariHistoryDatabase.DOMAIN, SafariHistoryDatabase.RELATIVE_PATH, 4096).build();

        ArtifactScan scan = ArtifactScan.overBackup(backup, artifact);

        ArtifactOutcome outcome = scan.outcome("safari_history");
        assertThat(outcome.status()).isEqualTo(ArtifactOutcome.Status.NOT_PRESENT);
        assertThat(outcome.missing()).singleElement().asString()
                .startsWith("private/var/mobile/Library/Safari/History.db");
    }

    @Test
    void hostsCompareWithoutWwwPortOrUserInfo() {
        assertThat(SafariHistory.host("http://user:pw@WWW.Example.com:8080/path?q#f")).isEqualTo("example.com");
        assertThat(SafariHistory.host("http://[::1]:80/")).isEqualTo("[::1]");
        assertThat(SafariHistory.host("http://web.example.com")).isEqualTo("web.example.com");
        assertThat(SafariHistory.host("about:blank")).isEqualTo("about");
    }
}
