package org.bridle.ios.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.bridle.core.model.Alert;
import org.bridle.core.model.Observable;
import org.bridle.core.model.Severity;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.ios.ArtifactScan;
import org.bridle.testkit.BackupBuilder;
import org.bridle.testkit.PlistFixture;
import org.bridle.testkit.ios.IdStatusCachePlist;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdStatusCacheTest {
    private static final Instant T = Instant.parse("2021-05-02T08:30:00Z");

    @TempDir
    Path dir;

    private final IdStatusCache artifact = new IdStatusCache();

    @Test
    void readsEachLookupWithItsServiceDateAndStatus() throws Exception {
        IdStatusCachePlist cache = new IdStatusCachePlist()
                .lookup("com.apple.madrid", "mailto:attacker@example.org", T, 1)
                .lookup("com.apple.madrid", "tel:+15555550123", T.plusSeconds(60), 2)
                .lookup("com.apple.private.alloy.facetime.multi", "mailto:attacker@example.org",
                        T.plusSeconds(120), 1);
        Path backup = new BackupBuilder(dir.resolve("b"))
                .file(IdStatusCachePlist.DOMAIN, IdStatusCachePlist.RELATIVE_PATH, cache.bytes()).build();

        ArtifactScan scan = ArtifactScan.overBackup(backup, artifact);

        List<IdStatusCache.Lookup> lookups = scan.entries("id_status_cache");
        assertThat(lookups).extracting(IdStatusCache.Lookup::user).containsExactly(
                "mailto:attacker@example.org", "tel:+15555550123", "mailto:attacker@example.org");
        IdStatusCache.Lookup first = lookups.get(0);
        assertThat(first.service()).isEqualTo("com.apple.madrid");
        assertThat(first.isodate()).isCloseTo(T, within(1, ChronoUnit.MICROS));
        assertThat(first.idstatus()).isEqualTo(1);
        assertThat(first.occurrences()).isEqualTo(2);
        assertThat(lookups.get(1).occurrences()).isEqualTo(1);
        assertThat(lookups.get(1).idstatus()).isEqualTo(2);

        assertThat(artifact.observables(first)).containsExactly(Observable.email("attacker@example.org"));
        assertThat(artifact.observables(lookups.get(1))).as("a phone number is kept as a field only").isEmpty();
        assertThat(scan.sink().timeline()).hasSize(3);
        assertThat(scan.sink().timeline().get(1).description())
                .isEqualTo("Lookup of tel:+15555550123 within com.apple.madrid (status 2)");
        assertThat(scan.sink().alerts()).isEmpty();
    }

    @Test
    void readsTheNewerLocationAndFlagsAHandleWithTwoNulCharacters() throws Exception {
        IdStatusCachePlist cache = new IdStatusCachePlist()
                .lookup("com.apple.madrid", "mailto:'odd@example.org\0\0'", T, 2)
                .lookup("com.apple.madrid", "mailto:single\0nul@example.org", T, 2);
        Path backup = new BackupBuilder(dir.resolve("b"))
                .file(IdStatusCachePlist.DOMAIN, IdStatusCachePlist.NEW_RELATIVE_PATH, cache.bytes()).build();

        ArtifactScan scan = ArtifactScan.overBackup(backup, artifact);

        List<IdStatusCache.Lookup> lookups = scan.entries("id_status_cache");
        assertThat(lookups).extracting(IdStatusCache.Lookup::user).containsExactly(
                "mailto:'odd@example.org\\x00\\x00'", "mailto:single\\x00nul@example.org");
        assertThat(artifact.observables(lookups.get(0))).containsExactly(
                Observable.email("odd@example.org"));
        List<Alert> alerts = scan.sink().alerts("id_status_cache");
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.level()).isEqualTo(Severity.HIGH);
            assertThat(alert.event()).isEqualTo(lookups.get(0));
        });
    }

    @Test
    void aLookupWithoutDateOrStatusIsKeptWithNulls() throws Exception {
        byte[] plist = PlistFixture.binary(Map.of("com.apple.madrid",
                Map.of("mailto:someone@example.org", Map.of()), "CacheVersion", 2));
        Path backup = new BackupBuilder(dir.resolve("b"))
                .file(IdStatusCachePlist.DOMAIN, IdStatusCachePlist.RELATIVE_PATH, plist).build();

        ArtifactScan scan = ArtifactScan.overBackup(backup, artifact);

        assertThat(scan.<IdStatusCache.Lookup>entries("id_status_cache")).singleElement().satisfies(lookup -> {
            assertThat(lookup.isodate()).isNull();
            assertThat(lookup.idstatus()).isNull();
        });
        assertThat(scan.sink().timeline()).isEmpty();
    }

    @Test
    void aGarbagePlistIsAFailure() throws Exception {
        Path backup = new BackupBuilder(dir.resolve("b"))
                .file(IdStatusCachePlist.DOMAIN, IdStatusCachePlist.RELATIVE_PATH, "bplist00 garbage").build();

        ArtifactScan scan = ArtifactScan.overBackup(backup, artifact);

        ArtifactOutcome outcome = scan.outcome("id_status_cache");
        assertThat(outcome.status()).isEqualTo(ArtifactOutcome.Status.FAILED);
        assertThat(outcome.failures()).singleElement().satisfies(f -> assertThat(f.reason())
                .contains("not a valid property list"));
    }
}
