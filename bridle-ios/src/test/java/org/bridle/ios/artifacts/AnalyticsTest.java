package org.bridle.ios.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bridle.core.model.Observable;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.ios.ArtifactScan;
import org.bridle.testkit.DumpBuilder;
import org.bridle.testkit.SqliteFixture;
import org.bridle.testkit.ios.KeychainAnalyticsDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyticsTest {
    private static final Instant T = Instant.parse("2021-01-15T12:00:00Z");
    private static final String CKKS = KeychainAnalyticsDatabase.FOLDER + "ckks_analytics.db";
    private static final String TRUST = KeychainAnalyticsDatabase.FOLDER + "trust_analytics.db";

    @TempDir
    Path dir;

    private final Analytics artifact = new Analytics();

    @Test
    void readsTheEventsOfBothLayoutsWithEveryStringAsProcessAndUrl() throws Exception {
        DumpBuilder dump = new DumpBuilder(dir.resolve("d"))
                .file(CKKS, KeychainAnalyticsDatabase.create()
                        .event("hard_failures", T, Map.of("eventType", "CKKSEventProcessIncomingQueue",
                                "build", "18C66", "errorChain", List.of(Map.of("errorDomain", "bh"),
                                        Map.of("host", "https://evil.example.net/c2"))))
                        .event("soft_failures", T.plusSeconds(5), Map.of("build", "18C66", "attempts", 3L))
                        .event("notes", T.plusSeconds(9), Map.of("topic", "KeySyncTopic")).bytes())
                .file(TRUST, KeychainAnalyticsDatabase.create(KeychainAnalyticsDatabase.Layout.WITH_ALL_EVENTS)
                        .event("all_events", T.minusSeconds(60), Map.of("eventType", "TrustEvaluation",
                                "build", "17H35")).bytes());

        ArtifactScan scan = ArtifactScan.overDump(dump.build(), artifact);

        List<Analytics.Event> events = scan.entries("analytics");
        assertThat(events).extracting(Analytics.Event::artifact, Analytics.Event::table, Analytics.Event::isodate)
                .containsExactlyInAnyOrder(
                        tuple("ckks_analytics.db", "hard_failures", T),
                        tuple("ckks_analytics.db", "soft_failures", T.plusSeconds(5)),
                        tuple("ckks_analytics.db", "notes", T.plusSeconds(9)),
                        tuple("trust_analytics.db", "all_events", T.minusSeconds(60)));
        Analytics.Event failure = events.stream().filter(e -> e.table().equals("hard_failures")).findFirst()
                .orElseThrow();
        assertThat(failure.rowId()).isEqualTo(1L);
        assertThat(artifact.observables(failure)).contains(
                Observable.process("bh"), Observable.url("bh"),
                Observable.process("https://evil.example.net/c2"), Observable.url("https://evil.example.net/c2"),
                Observable.process("CKKSEventProcessIncomingQueue"), Observable.url("18C66"));
        Analytics.Event counted = events.stream().filter(e -> e.table().equals("soft_failures")).findFirst()
                .orElseThrow();
        assertThat(artifact.observables(counted)).containsExactly(
                Observable.process("18C66"), Observable.url("18C66"));
        assertThat(scan.sink().timeline()).hasSize(4).anySatisfy(e -> assertThat(e.description())
                .isEqualTo("ckks_analytics.db hard_failures: CKKSEventProcessIncomingQueue"));
        assertThat(scan.outcome("analytics").notes()).isEmpty();
    }

    @Test
    void jsonDataIsReadAndUndecodableOrMissingDataKeepsTheEventWithANote() throws Exception {
        DumpBuilder dump = new DumpBuilder(dir.resolve("d")).file(CKKS, KeychainAnalyticsDatabase.create()
                .rawEvent("hard_failures", T, "{\"process\":\"bad_daemon\"}".getBytes(StandardCharsets.UTF_8))
                .rawEvent("hard_failures", T.plusSeconds(1), new byte[] {1, 2, 3})
                .rawEvent("soft_failures", null, null).bytes());

        ArtifactScan scan = ArtifactScan.overDump(dump.build(), artifact);

        List<Analytics.Event> events = scan.entries("analytics");
        assertThat(events).hasSize(3);
        Analytics.Event json = events.get(0);
        assertThat(json.data()).isEqualTo(Map.of("process", "bad_daemon"));
        assertThat(artifact.observables(json)).contains(Observable.process("bad_daemon"));
        assertThat(events.get(1).data()).isNull();
        assertThat(events.get(2).isodate()).isNull();
        assertThat(artifact.observables(events.get(2))).isEmpty();
        assertThat(scan.sink().timeline()).hasSize(2);
        assertThat(scan.outcome("analytics").notes()).singleElement().asString()
                .contains("1 event(s) whose data is neither a property list nor JSON");
    }

    @Test
    void aDatabaseWithoutEventTablesGivesANoteAndACorruptOneFails() throws Exception {
        DumpBuilder dump = new DumpBuilder(dir.resolve("d"))
                .file(KeychainAnalyticsDatabase.FOLDER + "localkeychain.db",
                        SqliteFixture.bytes("CREATE TABLE samples (id INTEGER, timestamp REAL, name STRING, value REAL)"))
                .file(TRUST, "garbage");

        ArtifactScan scan = ArtifactScan.overDump(dump.build(), artifact);

        ArtifactOutcome outcome = scan.outcome("analytics");
        assertThat(outcome.status()).isEqualTo(ArtifactOutcome.Status.FAILED);
        assertThat(outcome.failures()).singleElement().satisfies(f -> {
            assertThat(f.file()).endsWith("trust_analytics.db");
            assertThat(f.reason()).contains("not an SQLite database");
        });
        assertThat(outcome.notes()).singleElement().asString().contains("localkeychain.db")
                .contains("hard_failures");
        assertThat(outcome.entries()).isZero();
    }
}
