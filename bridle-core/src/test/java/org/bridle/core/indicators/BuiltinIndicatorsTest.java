package org.bridle.core.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bridle.core.model.Observable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BuiltinIndicatorsTest {
    private static final Path RESOURCES = Path.of("src/main/resources/org/bridle/core/indicators/builtin");

    private static IndicatorSet builtin;

    @BeforeAll
    static void load() {
        long start = System.nanoTime();
        builtin = BuiltinIndicators.load();
        long elapsed = System.nanoTime() - start;
        System.out.printf("BuiltinIndicators.load(): %d indicators from %d files in %d ms (first load in this JVM)%n",
                builtin.size(), builtin.files().size(), elapsed / 1_000_000);
        start = System.nanoTime();
        BuiltinIndicators.load();
        System.out.printf("BuiltinIndicators.load(): %d ms (second load)%n", (System.nanoTime() - start) / 1_000_000);
    }

    private static IndicatorFile file(String name) {
        return builtin.files().stream().filter(file -> file.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theIndexListsEveryShippedFeedWithItsSnapshotDate() throws IOException {
        List<String> shipped;
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            shipped = files.filter(path -> path.toString().endsWith(".stix2") || path.toString().endsWith(".yaml"))
                    .map(path -> RESOURCES.relativize(path).toString().replace('\\', '/')).sorted().toList();
        }

        assertThat(BuiltinIndicators.feeds()).extracting(BuiltinIndicators.Feed::path)
                .containsExactlyElementsOf(shipped);
        assertThat(BuiltinIndicators.feeds()).hasSize(18).allSatisfy(feed -> assertThat(feed.snapshot()).isEqualTo(
                feed.path().startsWith("iocs/amnesty-investigations/") ? LocalDate.of(2024, 12, 16)
                        : feed.path().startsWith("iocs/stalkerware-indicators/") ? LocalDate.of(2026, 11, 21)
                        : LocalDate.of(2026, 4, 8)));
        assertThat(builtin.files()).extracting(IndicatorFile::location)
                .containsExactlyElementsOf(BuiltinIndicators.feeds().stream().map(BuiltinIndicators.Feed::location)
                        .toList());
    }

    @Test
    void filesAreTheFeedsParsedInIndexOrder() {
        assertThat(BuiltinIndicators.files()).extracting(IndicatorFile::location, IndicatorFile::sha256)
                .containsExactlyElementsOf(builtin.files().stream().map(f -> tuple(f.location(), f.sha256())).toList());
    }

    @Test
    void aFeedsContentIsTheShippedFileByteForByte() throws IOException {
        for (BuiltinIndicators.Feed feed : BuiltinIndicators.feeds()) {
            assertThat(BuiltinIndicators.content(feed)).as(feed.path())
                    .isEqualTo(Files.readAllBytes(RESOURCES.resolve(feed.path())));
        }
    }

    @Test
    void pegasusHasTheCountsItsReadmeGives() {
        IndicatorFile pegasus = file("pegasus.stix2");

        assertThat(pegasus.indicators()).hasSize(1_549);
        assertThat(pegasus.countsByType()).containsExactly(Map.entry(IndicatorType.DOMAIN, 1_438),
                Map.entry(IndicatorType.PROCESS, 81), Map.entry(IndicatorType.EMAIL, 29),
                Map.entry(IndicatorType.FILE_NAME, 1));
        assertThat(pegasus.problems()).isEmpty();
        assertThat(pegasus.indicators()).extracting(Indicator::family).containsOnly("Pegasus");
        assertThat(pegasus.location()).isEqualTo("builtin:iocs/amnesty-investigations/2021-07-18_nso/pegasus.stix2");
    }

    /**
     * The STIX feeds hold 5,713 indicator objects. Two flaws of the feeds are reported, not hidden: Coruna publishes
     * {@code fgr1w2gnsdvsb.xyz/x} as a domain name (a host and a path, which no host can equal), and Wintego Helios
     * has a relationship to an indicator it does not hold.
     */
    @Test
    void loadsEveryFeedAndReportsTheFeedsFlaws() {
        assertThat(builtin.files()).hasSize(18);
        IndicatorSet.Builder stixOnly = IndicatorSet.builder();
        builtin.files().stream().filter(f -> f.name().endsWith(".stix2")).forEach(stixOnly::add);
        IndicatorSet stix = stixOnly.build();
        assertThat(stix.size()).isEqualTo(5_712);
        assertThat(stix.countsByType()).containsExactly(
                Map.entry(IndicatorType.DOMAIN, 5_304), Map.entry(IndicatorType.IPV4, 45),
                Map.entry(IndicatorType.PROCESS, 83), Map.entry(IndicatorType.EMAIL, 65),
                Map.entry(IndicatorType.FILE_NAME, 15), Map.entry(IndicatorType.FILE_PATH, 58),
                Map.entry(IndicatorType.FILE_SHA256, 101), Map.entry(IndicatorType.APP_ID, 25),
                Map.entry(IndicatorType.APP_CERT_SHA256, 11), Map.entry(IndicatorType.PROFILE_ID, 2),
                Map.entry(IndicatorType.ANDROID_PROPERTY, 3));
        assertThat(stix.problems()).extracting(Problem::message).containsExactlyInAnyOrder(
                "coruna.stix2: indicator--6cc76df7-38bb-4776-aacb-98ff38e577a2 has the domain-name:value value "
                        + "'fgr1w2gnsdvsb.xyz/x', which is not a domain name",
                "wintego_helios.stix2: relationship--d29f595a-fb78-4141-8099-2f7a7414bc31 refers to "
                        + "indicator--3eaf5002-09aa-476c-be2a-281a95b33f1a, which is not an indicator of this bundle");
        assertThat(builtin.families()).extracting(Family::name).contains("Pegasus", "Predator", "Wintego Helios");
    }

    /**
     * Echap's files, read as published: every list they hold that names an app, a certificate or a host. Their
     * certificate organisations and name patterns are no indicators bridle can match, and are reported.
     */
    @Test
    void loadsTheStalkerwareFeeds() {
        IndicatorFile ioc = file("ioc.yaml");
        assertThat(ioc.countsByType()).containsExactly(Map.entry(IndicatorType.DOMAIN, 1_591),
                Map.entry(IndicatorType.IPV4, 68), Map.entry(IndicatorType.URL, 2), Map.entry(IndicatorType.APP_ID, 616),
                Map.entry(IndicatorType.APP_CERT_SHA1, 472));
        assertThat(ioc.problems()).hasSize(6)
                .allSatisfy(p -> assertThat(p.reason()).isEqualTo("is not a kind of indicator bridle matches"));
        IndicatorFile watchware = file("watchware.yaml");
        assertThat(watchware.indicators()).hasSize(165);
        assertThat(watchware.problems()).isEmpty();
        assertThat(ioc.location()).isEqualTo("builtin:iocs/stalkerware-indicators/ioc.yaml");
        assertThat(builtin.match(Observable.appId("com.thetruth"))).extracting(m -> m.indicator().family())
                .containsExactly("TheTruthSpy");
        assertThat(builtin.match(new Observable(org.bridle.core.model.ObservableKind.APP_CERT_SHA1,
                "31a6ecECD97CF39BC4126B8745CD94A7C30BF81C"))).hasSize(1);
    }

    @Test
    void matchesPegasusTraces() {
        assertThat(builtin.match(Observable.process("ReminderIntentsUIExtension"))).hasSize(1);
        assertThat(builtin.match(Observable.process("ReminderIntentsU"))).hasSize(1);
        assertThat(builtin.match(Observable.process("ReminderIntents"))).hasSize(1);
        assertThat(builtin.match(Observable.process("ReminderIntent"))).isEmpty();
        assertThat(builtin.match(Observable.url("https://x.pprocessor.net/a"))).extracting(m -> m.indicator().family())
                .containsExactly("Pegasus");
    }

    @Test
    void theNoticeResourceIsTheRepositoryNotice() throws IOException {
        assertThat(RESOURCES.resolve("NOTICE")).hasSameTextualContentAs(Path.of("../NOTICE"));
        assertThat(Files.readString(Path.of("../NOTICE")))
                .contains("Amnesty International", "CC-BY", "MIT License", "Copyright (c) 2022 MVT", "Echap",
                        "CC BY 4.0");
    }
}
