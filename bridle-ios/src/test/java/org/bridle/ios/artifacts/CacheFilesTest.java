package org.bridle.ios.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.bridle.core.model.Observable;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.ios.ArtifactScan;
import org.bridle.testkit.DumpBuilder;
import org.bridle.testkit.SqliteFixture;
import org.bridle.testkit.ios.CacheDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheFilesTest {
    private static final Instant T = Instant.parse("2022-03-04T05:06:07Z");
    private static final String DAEMON_CACHE = "private/var/root/Library/Caches/com.apple.nsurlsessiond/Cache.db";

    @TempDir
    Path dir;

    private final CacheFiles artifact = new CacheFiles();

    @Test
    void readsEveryCacheDbInBothLayouts() throws Exception {
        DumpBuilder dump = new DumpBuilder(dir.resolve("d"));
        dump.containerFile(DumpBuilder.Container.APP, "com.example.app", CacheDatabase.appCachePath("com.example.app"),
                CacheDatabase.create()
                        .response(1, "https://cdn.example.com/a.js", T, "example.com")
                        .response(2, "https://evil.example.net/payload?id=1", T.plusSeconds(60)).bytes());
        dump.file(DAEMON_CACHE, CacheDatabase.create(CacheDatabase.Layout.UNPARTITIONED)
                .response(7, "https://gateway.example.org/", T.plusSeconds(120)).bytes());
        // near misses: neither is named Cache.db
        dump.file("private/var/mobile/Library/Caches/com.example/NotCache.db",
                CacheDatabase.create().response(1, "https://not-read.example.com/", T).bytes());
        dump.file("private/var/mobile/Library/Caches/com.example/Cache.db.bak",
                CacheDatabase.create().response(1, "https://not-read.example.com/", T).bytes());

        ArtifactScan scan = ArtifactScan.overDump(dump.build(), artifact);

        List<CacheFiles.CachedResponse> responses = scan.entries("cache_files");
        String appCache = dump.container(DumpBuilder.Container.APP, "com.example.app")
                + CacheDatabase.appCachePath("com.example.app");
        assertThat(responses).containsExactlyInAnyOrder(
                new CacheFiles.CachedResponse(appCache, 1L, 0L, (long) "https://cdn.example.com/a.js".hashCode(), 0L,
                        "https://cdn.example.com/a.js", "example.com", T),
                new CacheFiles.CachedResponse(appCache, 2L, 0L,
                        (long) "https://evil.example.net/payload?id=1".hashCode(), 0L,
                        "https://evil.example.net/payload?id=1", null, T.plusSeconds(60)),
                new CacheFiles.CachedResponse(DAEMON_CACHE, 7L, 0L, (long) "https://gateway.example.org/".hashCode(),
                        0L, "https://gateway.example.org/", null, T.plusSeconds(120)));
        assertThat(artifact.observables(responses.stream().filter(r -> r.entryId() == 2).findFirst().orElseThrow()))
                .containsExactly(Observable.url("https://evil.example.net/payload?id=1"));
        assertThat(scan.sink().timeline()).hasSize(3);
        assertThat(scan.sink().timeline()).anySatisfy(e -> assertThat(e.description())
                .isEqualTo(DAEMON_CACHE + " cached a response for https://gateway.example.org/"));
        assertThat(scan.outcome("cache_files").files()).hasSize(2);
    }

    @Test
    void aCacheDbWithoutTheResponseTableGivesANoteAndAnOddTimeNoTimelineEvent() throws Exception {
        DumpBuilder dump = new DumpBuilder(dir.resolve("d"))
                .file("private/var/mobile/Library/Caches/com.example.other/Cache.db",
                        SqliteFixture.bytes("CREATE TABLE something (a TEXT)"))
                .file(DAEMON_CACHE, SqliteFixture.bytes(
                        "CREATE TABLE cfurl_cache_response (request_key TEXT UNIQUE, time_stamp)",
                        "INSERT INTO cfurl_cache_response VALUES ('https://odd.example.com/', 'yesterday')"));

        ArtifactScan scan = ArtifactScan.overDump(dump.build(), artifact);

        assertThat(scan.<CacheFiles.CachedResponse>entries("cache_files")).containsExactly(
                new CacheFiles.CachedResponse(DAEMON_CACHE, null, null, null, null, "https://odd.example.com/", null,
                        null));
        ArtifactOutcome outcome = scan.outcome("cache_files");
        assertThat(outcome.status()).isEqualTo(ArtifactOutcome.Status.FOUND);
        assertThat(outcome.notes()).singleElement().asString().contains("com.example.other/Cache.db")
                .contains("cfurl_cache_response");
        assertThat(scan.sink().timeline()).isEmpty();
    }

    @Test
    void aCorruptCacheDbFailsAndTheOthersAreStillRead() throws Exception {
        DumpBuilder dump = new DumpBuilder(dir.resolve("d"))
                .file("private/var/mobile/Library/Caches/com.example.broken/Cache.db", "this is no database")
                .file(DAEMON_CACHE, CacheDatabase.create().response(1, "https://ok.example.com/", T).bytes());

        ArtifactScan scan = ArtifactScan.overDump(dump.build(), artifact);

        ArtifactOutcome outcome = scan.outcome("cache_files");
        assertThat(outcome.status()).isEqualTo(ArtifactOutcome.Status.FAILED);
        assertThat(outcome.failures()).singleElement().satisfies(f -> {
            assertThat(f.file()).contains("com.example.broken/Cache.db");
            assertThat(f.reason()).contains("not an SQLite database");
        });
        assertThat(scan.<CacheFiles.CachedResponse>entries("cache_files")).extracting(CacheFiles.CachedResponse::url)
                .containsExactly("https://ok.example.com/");
    }
}
