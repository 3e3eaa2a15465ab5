package org.bridle.ios.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.bridle.core.model.Observable;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.ios.ArtifactScan;
import org.bridle.testkit.DumpBuilder;
import org.bridle.testkit.ios.WebKitWebsiteData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three artifacts that read web origins from WebKit's file names: IndexedDB, local storage, SafariViewService. */
class WebKitOriginsTest {
    private static final Instant T = Instant.parse("2023-02-03T04:05:06Z");
    private static final String APP = "com.example.browser";
    private static final String EVIL = WebKitWebsiteData.origin("https", "evil.example.net", 0);
    private static final String NEWS = WebKitWebsiteData.origin("https", "news.example.com", 0);
    private static final String DEV = WebKitWebsiteData.origin("http", "dev.example.org", 8080);

    @TempDir
    Path dir;

    @Test
    void indexedDbOriginsInBothLayoutsWithTheFilesModificationTimes() throws Exception {
        DumpBuilder dump = new DumpBuilder(dir.resolve("d"));
        String v0 = WebKitWebsiteData.indexedDb(DEV, "A1B2C3");
        String v1 = WebKitWebsiteData.indexedDbV1(NEWS, EVIL, "D4E5F6");
        String firstParty = WebKitWebsiteData.indexedDbV1(NEWS, NEWS, "0A0B0C");
        byte[] db = WebKitWebsiteData.localStorageBytes("k", "v");
        dump.containerFile(DumpBuilder.Container.APP, APP, v0, db)
                .containerFile(DumpBuilder.Container.APP, APP, v1, db)
                .containerFile(DumpBuilder.Container.APP, APP, firstParty, db)
                // near misses: a sidecar, a file:// origin, and a file of no database
                .containerFile(DumpBuilder.Container.APP, APP, v1 + "-wal", db)
                .containerFile(DumpBuilder.Container.APP, APP,
                        WebKitWebsiteData.indexedDb("file__0", "AAAA"), db)
                .containerFile(DumpBuilder.Container.APP, APP,
                        WebKitWebsiteData.FOLDER + "IndexedDB/" + NEWS + "/0A0B0C/blob-1", db);
        Path root = dump.build();
        String container = dump.container(DumpBuilder.Container.APP, APP);
        Files.setLastModifiedTime(root.resolve(container + v1), FileTime.from(T));

        ArtifactScan scan = ArtifactScan.overDump(root, new WebKitIndexedDb());

        String folder = container + WebKitWebsiteData.FOLDER + "IndexedDB";
        List<WebKitOrigins.Origin> origins = scan.entries("webkit_indexeddb");
        assertThat(origins).extracting(WebKitOrigins.Origin::url, WebKitOrigins.Origin::topUrl,
                WebKitOrigins.Origin::folder).containsExactlyInAnyOrder(
                        tuple("http://dev.example.org:8080", null, folder),
                        tuple("https://evil.example.net", "https://news.example.com",
                                folder),
                        tuple("https://news.example.com", null, folder));
        WebKitOrigins.Origin thirdParty = origins.stream().filter(o -> o.topUrl() != null).findFirst().orElseThrow();
        assertThat(thirdParty.file()).isEqualTo(container + v1);
        assertThat(thirdParty.isodate()).isEqualTo(T);
        assertThat(new WebKitIndexedDb().observables(thirdParty)).containsExactly(
                Observable.url("https://evil.example.net"), Observable.url("https://news.example.com"));
        assertThat(scan.sink().timeline()).hasSize(3).anySatisfy(e -> assertThat(e.description()).isEqualTo(
                "WebKit data of https://evil.example.net (in a page of https://news.example.com) modified: "
                        + container + v1));
        assertThat(scan.outcome("webkit_indexeddb").notes()).singleElement().asString().contains("file__0");
    }

    @Test
    void localStorageOriginsFromTheFileNames() throws Exception {
        DumpBuilder dump = new DumpBuilder(dir.resolve("d"));
        byte[] db = WebKitWebsiteData.localStorageBytes("session", "x");
        dump.containerFile(DumpBuilder.Container.APP, APP, WebKitWebsiteData.localStorage(EVIL), db)
                .containerFile(DumpBuilder.Container.APP, "com.example.other", WebKitWebsiteData.localStorage(DEV), db)
                // near misses: sidecars and the tracker database are not origins
                .containerFile(DumpBuilder.Container.APP, APP, WebKitWebsiteData.localStorage(EVIL) + "-shm", db)
                .containerFile(DumpBuilder.Container.APP, APP,
                        WebKitWebsiteData.FOLDER + "LocalStorage/StorageTracker.db", db);
        Path root = dump.build();

        ArtifactScan scan = ArtifactScan.overDump(root, new WebKitLocalStorage());

        List<WebKitOrigins.Origin> origins = scan.entries("webkit_local_storage");
        assertThat(origins).extracting(WebKitOrigins.Origin::url)
                .containsExactlyInAnyOrder("https://evil.example.net", "http://dev.example.org:8080");
        String container = dump.container(DumpBuilder.Container.APP, APP);
        WebKitOrigins.Origin evil = origins.stream().filter(o -> o.url().contains("evil")).findFirst().orElseThrow();
        assertThat(evil.folder()).isEqualTo(container + WebKitWebsiteData.FOLDER + "LocalStorage");
        assertThat(evil.file()).isEqualTo(container + WebKitWebsiteData.localStorage(EVIL));
        assertThat(evil.isodate()).isEqualTo(Files.getLastModifiedTime(root.resolve(evil.file())).toInstant());
        assertThat(scan.outcome("webkit_local_storage").notes()).isEmpty();
    }

    @Test
    void safariViewServiceDataInItsOwnContainerAndInAnAppsSystemData() throws Exception {
        DumpBuilder dump = new DumpBuilder(dir.resolve("d"));
        byte[] db = WebKitWebsiteData.localStorageBytes("k", "v");
        dump.containerFile(DumpBuilder.Container.PLUGIN, "com.apple.SafariViewService",
                        WebKitWebsiteData.localStorage(EVIL), db)
                .containerFile(DumpBuilder.Container.PLUGIN, "com.apple.SafariViewService",
                        WebKitWebsiteData.indexedDbV1(NEWS, NEWS, "ABCD"), db)
                .containerFile(DumpBuilder.Container.APP, APP, "SystemData/com.apple.SafariViewService/"
                        + WebKitWebsiteData.localStorage(DEV), db)
                // near miss: another extension's web data is not SafariViewService's
                .containerFile(DumpBuilder.Container.PLUGIN, "com.example.share",
                        WebKitWebsiteData.localStorage(NEWS), db);

        ArtifactScan scan = ArtifactScan.overDump(dump.build(), new WebKitSafariViewService());

        assertThat(scan.<WebKitOrigins.Origin>entries("webkit_safari_view_service"))
                .extracting(WebKitOrigins.Origin::url).containsExactlyInAnyOrder(
                        "https://evil.example.net", "https://news.example.com", "http://dev.example.org:8080");
        assertThat(scan.sink().timeline()).hasSize(3);
        assertThat(scan.outcome("webkit_safari_view_service").status()).isEqualTo(ArtifactOutcome.Status.FOUND);
    }

    @Test
    void nothingToReadIsNotPresent() throws Exception {
        ArtifactScan scan = ArtifactScan.overDump(new DumpBuilder(dir.resolve("d"))
                .file("private/var/mobile/Library/placeholder", "x").build(), new WebKitLocalStorage());

        assertThat(scan.outcome("webkit_local_storage").status()).isEqualTo(ArtifactOutcome.Status.NOT_PRESENT);
    }
}
