package org.bridle.ios.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bridle.core.model.Observable;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.ios.ArtifactScan;
import org.bridle.testkit.BackupBuilder;
import org.bridle.testkit.ios.LocationdClientsPlist;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocationdClientsTest {
    private static final Instant T = Instant.parse("2021-02-03T04:05:06Z");

    @TempDir
    Path dir;

    private final LocationdClients artifact = new LocationdClients();

    private static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void readsEveryKindOfClientWithItsPathsAndTimes() throws Exception {
        LocationdClientsPlist plist = new LocationdClientsPlist()
                .client("com.apple.Maps", fields("BundleId", "com.apple.Maps",
                        "Executable", "/Applications/Maps.app/Maps", "BundlePath", "/Applications/Maps.app",
                        "Registered", "/Applications/Maps.app/Maps", "Authorization", 2,
                        "ConsumptionPeriodBegin", T, "LocationTimeStopped", T.plusSeconds(30),
                        "ClientStorageToken", new byte[] {1, 2, 3}))
                .client("/usr/libexec/bh:", fields("Executable", "/usr/libexec/bh", "Registered", true,
                        "ReceivingLocationInformationTimeStopped", T.plusSeconds(60)))
                .client("com.apple.locationd.bundle-/System/Library/LocationBundles/TimeZone.bundle",
                        fields("BundlePath", "/System/Library/LocationBundles/TimeZone.bundle",
                                "SignificantTimeStopped", T.plusSeconds(90), "BeaconRegionTimeStopped",
                                T.plusSeconds(120)))
                .raw("MigrationVersion", 3);
        Path backup = new BackupBuilder(dir.resolve("b"))
                .file(LocationdClientsPlist.DOMAIN, LocationdClientsPlist.RELATIVE_PATH, plist.bytes()).build();

        ArtifactScan scan = ArtifactScan.overBackup(backup, artifact);

        List<LocationdClients.Client> clients = scan.entries("locationd_clients");
        assertThat(clients).extracting(LocationdClients.Client::client).containsExactly("com.apple.Maps",
                "/usr/libexec/bh", "com.apple.locationd.bundle-/System/Library/LocationBundles/TimeZone.bundle");

        LocationdClients.Client maps = clients.get(0);
        assertThat(maps.bundleId()).isEqualTo("com.apple.Maps");
        assertThat(maps.executable()).isEqualTo("/Applications/Maps.app/Maps");
        assertThat(maps.registered()).isEqualTo("/Applications/Maps.app/Maps");
        assertThat(maps.authorization()).isEqualTo(2);
        assertThat(maps.consumptionPeriodBegin()).isCloseTo(T, within(1, ChronoUnit.MICROS));
        assertThat(maps.locationTimeStopped()).isCloseTo(T.plusSeconds(30), within(1, ChronoUnit.MICROS));
        assertThat(maps.visitTimeStopped()).isNull();
        assertThat(maps.otherFields()).containsOnlyKeys("ClientStorageToken");
        assertThat(artifact.observables(maps)).containsExactly(
                Observable.process("com.apple.Maps"), Observable.appId("com.apple.Maps"),
                Observable.process("Maps"), Observable.filePath("/Applications/Maps.app/Maps"),
                Observable.filePath("/Applications/Maps.app"));

        LocationdClients.Client daemon = clients.get(1);
        assertThat(daemon.registered()).isEqualTo("true");
        assertThat(artifact.observables(daemon)).containsExactly(
                Observable.process("bh"), Observable.filePath("/usr/libexec/bh"));

        LocationdClients.Client bundle = clients.get(2);
        assertThat(artifact.observables(bundle)).containsExactly(Observable.process("TimeZone.bundle"),
                Observable.filePath("/System/Library/LocationBundles/TimeZone.bundle"));

        List<TimelineEvent> timeline = scan.sink().timeline();
        assertThat(timeline).extracting(TimelineEvent::event).containsExactly("ConsumptionPeriodBegin",
                "LocationTimeStopped", "ReceivingLocationInformationTimeStopped", "SignificantTimeStopped",
                "BeaconRegionTimeStopped");
        assertThat(timeline.get(2).description())
                .isEqualTo("ReceivingLocationInformationTimeStopped from /usr/libexec/bh");
    }

    @Test
    void readsTheCopyInMobilesCachesToo() throws Exception {
        Path backup = new BackupBuilder(dir.resolve("b"))
                .file("HomeDomain", LocationdClientsPlist.RELATIVE_PATH, new LocationdClientsPlist()
                        .client("com.example.tracker", fields("LocationTimeStopped", T)).bytes())
                .build();

        ArtifactScan scan = ArtifactScan.overBackup(backup, artifact);

        assertThat(scan.<LocationdClients.Client>entries("locationd_clients")).singleElement()
                .satisfies(client -> assertThat(artifact.observables(client)).containsExactly(
                        Observable.process("com.example.tracker"), Observable.appId("com.example.tracker")));
    }

    @Test
    void aGarbagePlistIsAFailure() throws Exception {
        Path backup = new BackupBuilder(dir.resolve("b"))
                .file(LocationdClientsPlist.DOMAIN, LocationdClientsPlist.RELATIVE_PATH, "<plist><dict><key>x")
                .build();

        ArtifactScan scan = ArtifactScan.overBackup(backup, artifact);

        ArtifactOutcome outcome = scan.outcome("locationd_clients");
        assertThat(outcome.status()).isEqualTo(ArtifactOutcome.Status.FAILED);
        assertThat(outcome.failures()).singleElement().satisfies(f -> assertThat(f.reason())
                .contains("not a valid property list"));
    }
}
