package org.bridle.ios.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.bridle.core.model.Observable;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.ios.ArtifactScan;
import org.bridle.testkit.DumpBuilder;
import org.bridle.testkit.PlistFixture;
import org.bridle.testkit.SqliteFixture;
import org.bridle.testkit.ios.FaviconsDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafariFaviconTest {
    private static final Instant T = Instant.parse("2021-09-01T08:00:00Z");
    private static final String SAFARI = "com.apple.mobilesafari";

    @TempDir
    Path dir;

    private final SafariFavicon artifact = new SafariFavicon();

    @Test
    void readsValidAndRejectedIconsFromSafarisContainer() throws Exception {
        DumpBuilder dump = new DumpBuilder(dir.resolve("d"));
        dump.containerFile(DumpBuilder.Container.APP, SAFARI, FaviconsDatabase.CONTAINER_PATH, FaviconsDatabase.create()
                .icon("U2", "https://news.example.com/", "https://news.example.com/favicon.ico", T.plusSeconds(10))
                .icon("U1", "https://bad.example.net/x", "https://cdn.example.org/i.png", T)
                .rejected("https://shop.example.com/", "https://shop.example.com/broken.ico", T.plusSeconds(20))
                .bytes());

        ArtifactScan scan = ArtifactScan.overDump(dump.build(), artifact);

        String db = dump.container(DumpBuilder.Container.APP, SAFARI) + FaviconsDatabase.CONTAINER_PATH;
        List<SafariFavicon.Favicon> icons = scan.entries("safari_favicon");
        assertThat(icons).containsExactly(
                new SafariFavicon.Favicon("https://bad.example.net/x", "https://cdn.example.org/i.png", T,
                        SafariFavicon.Type.VALID, db),
                new SafariFavicon.Favicon("https://news.example.com/", "https://news.example.com/favicon.ico",
                        T.plusSeconds(10), SafariFavicon.Type.VALID, db),
                new SafariFavicon.Favicon("https://shop.example.com/", "https://shop.example.com/broken.ico",
                        T.plusSeconds(20), SafariFavicon.Type.REJECTED, db));
        assertThat(artifact.observables(icons.get(0))).containsExactly(
                Observable.url("https://bad.example.net/x"), Observable.url("https://cdn.example.org/i.png"));
        assertThat(scan.sink().timeline()).hasSize(3);
        assertThat(scan.sink().timeline().get(2).description()).isEqualTo("Safari favicon from "
                + "https://shop.example.com/ with icon URL https://shop.example.com/broken.ico (rejected)");
        assertThat(scan.outcome("safari_favicon").notes()).isEmpty();
    }

    @Test
    void theOlderLayoutWithoutRejectedIconsAtTheRootPathGivesTheValidOnesAndANote() throws Exception {
        DumpBuilder dump = new DumpBuilder(dir.resolve("d")).file(FaviconsDatabase.DEVICE_PATH,
                FaviconsDatabase.create(FaviconsDatabase.Layout.WITHOUT_REJECTED)
                        .icon("U1", "https://old.example.com/", "https://old.example.com/icon.png", T).bytes());

        ArtifactScan scan = ArtifactScan.overDump(dump.build(), artifact);

        assertThat(scan.<SafariFavicon.Favicon>entries("safari_favicon")).containsExactly(new SafariFavicon.Favicon(
                "https://old.example.com/", "https://old.example.com/icon.png", T, SafariFavicon.Type.VALID,
                FaviconsDatabase.DEVICE_PATH));
        ArtifactOutcome outcome = scan.outcome("safari_favicon");
        assertThat(outcome.status()).isEqualTo(ArtifactOutcome.Status.FOUND);
        assertThat(outcome.notes()).singleElement().asString().contains("rejected_resources");
    }

    @Test
    void aDatabaseOfAnotherSchemaGivesNotesAndNoEntries() throws Exception {
        DumpBuilder dump = new DumpBuilder(dir.resolve("d")).file(FaviconsDatabase.DEVICE_PATH,
                SqliteFixture.bytes("CREATE TABLE IconInfo (iconID INTEGER PRIMARY KEY, url TEXT)"));

        ArtifactScan scan = ArtifactScan.overDump(dump.build(), artifact);

        ArtifactOutcome outcome = scan.outcome("safari_favicon");
        assertThat(outcome.status()).isEqualTo(ArtifactOutcome.Status.FOUND);
        assertThat(outcome.entries()).isZero();
        assertThat(outcome.notes()).hasSize(2);
    }

    @Test
    void aFileThatIsNoDatabaseFails() throws Exception {
        DumpBuilder dump = new DumpBuilder(dir.resolve("d"))
                .file(FaviconsDatabase.DEVICE_PATH, PlistFixture.binary(List.of("not", "sqlite")));

        ArtifactScan scan = ArtifactScan.overDump(dump.build(), artifact);

        ArtifactOutcome outcome = scan.outcome("safari_favicon");
        assertThat(outcome.status()).isEqualTo(ArtifactOutcome.Status.FAILED);
        assertThat(outcome.failures()).singleElement().satisfies(f -> assertThat(f.reason())
                .contains("not an SQLite database"));
    }
}
