package org.bridle.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.bridle.core.indicators.IndicatorSet;
import org.bridle.core.model.Alert;
import org.bridle.core.scan.MemorySink;
import org.bridle.core.scan.ScanEngine;
import org.bridle.core.scan.ScanListener;
import org.bridle.ios.artifacts.IosArtifacts;
import org.bridle.ios.fs.IosFilesystemDump;
import org.bridle.testkit.DumpBuilder;
import org.bridle.testkit.EvidenceSnapshot;
import org.bridle.testkit.ios.AnalyticsJournal;
import org.bridle.testkit.ios.CacheDatabase;
import org.bridle.testkit.ios.FaviconsDatabase;
import org.bridle.testkit.ios.KeychainAnalyticsDatabase;
import org.bridle.testkit.ios.WebKitWebsiteData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dump with a planted trace for each dump-only artifact that carries URLs or processes, and a near miss beside
 * each, scanned through the real engine with a one-indicator STIX file: every trace gives exactly one alert of its
 * artifact, and no near miss does.
 */
class DumpOnlyDetectionsTest {
    private static final Instant T = Instant.parse("2022-05-06T07:08:09Z");
    private static final String EVIL = "evil.example.net";
    private static final String NEAR = "evil.example.network.example.com";

    @TempDir
    Path folder;

    @Test
    void everyPlantedDomainIsFoundOnceAndNoNearMiss() throws Exception {
        IndicatorSet indicators = StixFile.oneIndicator(folder, "one.stix2", "domain-name:value", EVIL);
        String evilOrigin = WebKitWebsiteData.origin("https", EVIL, 0);
        String nearOrigin = WebKitWebsiteData.origin("https", NEAR, 0);
        byte[] storage = WebKitWebsiteData.localStorageBytes("k", "v");
        DumpBuilder dump = new DumpBuilder(folder.resolve("dump"))
                .containerFile(DumpBuilder.Container.APP, "com.example.app", CacheDatabase.appCachePath("com.example.app"),
                        CacheDatabase.create().response(1, "https://" + EVIL + "/p", T)
                                .response(2, "https://" + NEAR + "/p", T).bytes())
                .containerFile(DumpBuilder.Container.APP, "com.apple.mobilesafari", FaviconsDatabase.CONTAINER_PATH,
                        FaviconsDatabase.create().icon("U1", "https://" + EVIL + "/", "https://cdn.example.org/i.ico", T)
                                .icon("U2", "https://" + NEAR + "/", "https://cdn.example.org/j.ico", T).bytes())
                .containerFile(DumpBuilder.Container.APP, "com.example.app",
                        WebKitWebsiteData.indexedDb(evilOrigin, "A1"), storage)
                .containerFile(DumpBuilder.Container.APP, "com.example.app",
                        WebKitWebsiteData.indexedDb(nearOrigin, "A2"), storage)
                .containerFile(DumpBuilder.Container.APP, "com.example.app",
                        WebKitWebsiteData.localStorage(evilOrigin), storage)
                .containerFile(DumpBuilder.Container.APP, "com.example.app",
                        WebKitWebsiteData.localStorage(nearOrigin), storage)
                .containerFile(DumpBuilder.Container.PLUGIN, "com.apple.SafariViewService",
                        WebKitWebsiteData.localStorage(evilOrigin), storage)
                .containerFile(DumpBuilder.Container.PLUGIN, "com.apple.SafariViewService",
                        WebKitWebsiteData.localStorage(nearOrigin), storage)
                .file(KeychainAnalyticsDatabase.FOLDER + "networking_analytics.db", KeychainAnalyticsDatabase.create()
                        .event("hard_failures", T, Map.of("build", "18C66", "host", EVIL))
                        .event("hard_failures", T, Map.of("build", "18C66", "host", NEAR)).bytes())
                .file(AnalyticsJournal.path(1), AnalyticsJournal.journal(T, ZoneOffset.UTC, "iPhone OS 14.3 (18C66)"));
        Path root = dump.build();
        EvidenceSnapshot before = EvidenceSnapshot.of(root);

        MemorySink sink = new MemorySink();
        try (IosFilesystemDump source = IosFilesystemDump.open(root)) {
            new ScanEngine(indicators, 2).run(source, IosArtifacts.dumpOnly(), sink, ScanListener.NONE);
        }

        assertThat(EvidenceSnapshot.of(root)).isEqualTo(before);
        for (String artifact : List.of("cache_files", "safari_favicon", "webkit_indexeddb", "webkit_local_storage",
                "webkit_safari_view_service", "analytics")) {
            List<Alert> alerts = sink.alerts(artifact);
            assertThat(alerts).as(artifact).singleElement().satisfies(a -> {
                assertThat(a.matchedIndicator()).isNotNull();
                assertThat(a.message()).contains(EVIL).doesNotContain(NEAR);
            });
            assertThat(sink.outcome(artifact).entries()).as(artifact).isEqualTo(2);
        }
        assertThat(sink.alerts("analytics_ios_versions")).isEmpty();
        assertThat(sink.alerts("ios_version_history")).isEmpty();
        assertThat(sink.alerts()).hasSize(6);
    }

    @Test
    void aProcessNamedInAnAnalyticsEventIsFound() throws Exception {
        IndicatorSet indicators = StixFile.oneIndicator(folder, "one.stix2", "process:name", "bad_daemon");
        Path root = new DumpBuilder(folder.resolve("dump"))
                .file(KeychainAnalyticsDatabase.FOLDER + "ckks_analytics.db", KeychainAnalyticsDatabase.create()
                        .event("soft_failures", T, Map.of("errorChain", List.of(Map.of("process", "bad_daemon"))))
                        .event("soft_failures", T, Map.of("process", "bad_daemon2")).bytes())
                .build();

        MemorySink sink = new MemorySink();
        try (IosFilesystemDump source = IosFilesystemDump.open(root)) {
            new ScanEngine(indicators, 2).run(source, IosArtifacts.dumpOnly(), sink, ScanListener.NONE);
        }

        assertThat(sink.alerts("analytics")).singleElement().satisfies(a -> {
            assertThat(a.eventTime()).isEqualTo(T);
            assertThat(a.message()).contains("bad_daemon");
        });
        assertThat(sink.alerts()).hasSize(1);
    }
}
