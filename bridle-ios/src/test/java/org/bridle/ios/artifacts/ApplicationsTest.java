package org.bridle.ios.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.bridle.core.model.Alert;
import org.bridle.core.model.Observable;
import org.bridle.core.model.Severity;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.ios.ArtifactScan;
import org.bridle.testkit.BackupBuilder;
import org.bridle.testkit.DumpBuilder;
import org.bridle.testkit.ios.InstalledApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplicationsTest {
    private static final Instant BOUGHT = Instant.parse("2021-03-04T05:06:07Z");
    private static final List<InstalledApp> APPS = List.of(
            InstalledApp.installedBy("com.example.store", "Store App", "com.apple.AppStore", BOUGHT),
            InstalledApp.installedBy("com.example.page", "Page App", "com.apple.AppStore.ProductPageExtension", BOUGHT),
            InstalledApp.installedBy("com.example.managed", "Managed App", "com.apple.dmd", BOUGHT),
            InstalledApp.installedBy("com.example.old", "Old App", null, BOUGHT),
            InstalledApp.installedBy("com.example.beta", "Beta App", "com.apple.TestFlight", BOUGHT),
            InstalledApp.installedBy("com.example.alt", "Alt App", "com.rileytestut.AltStore", BOUGHT));

    @TempDir
    Path dir;

    private final Applications applications = new Applications();

    @Test
    void readsTheAppsOfABackupAndFlagsThoseNotFromTheAppStore() throws Exception {
        Path backup = InstalledApp.addTo(new BackupBuilder(dir.resolve("b")), APPS).build();

        ArtifactScan scan = ArtifactScan.overBackup(backup, applications);

        List<Applications.App> apps = scan.entries("applications");
        assertThat(apps).extracting(Applications.App::softwareVersionBundleId).containsExactly("com.example.store",
                "com.example.page", "com.example.managed", "com.example.old", "com.example.beta", "com.example.alt");
        assertThat(apps.get(0)).isEqualTo(new Applications.App("com.example.store", "Store App", "1.2.3",
                "Example Ltd", "com.apple.AppStore", apps.get(0).itemId(), BOUGHT, null, null, true));
        assertThat(applications.observables(apps.get(0))).containsExactly(Observable.appId("com.example.store"),
                Observable.process("com.example.store"));
        assertThat(scan.sink().alerts("applications")).extracting(Alert::level).containsOnly(Severity.MEDIUM);
        assertThat(scan.sink().alerts("applications")).extracting(Alert::message).containsExactly(
                "App com.example.beta was installed by com.apple.TestFlight, not the App Store or device management",
                "App com.example.alt was installed by com.rileytestut.AltStore, not the App Store or device "
                        + "management");
        assertThat(scan.sink().timeline()).hasSize(6).contains(new TimelineEvent(BOUGHT, "applications",
                "app_installed", "App Store App (com.example.store) version 1.2.3 from Example Ltd installed from "
                        + "com.apple.AppStore"));
    }

    @Test
    void readsTheSameAppsFromADumpAndFlagsAnAppWithoutStoreMetadata() throws Exception {
        DumpBuilder builder = new DumpBuilder(dir.resolve("d"));
        APPS.forEach(app -> app.addTo(builder));
        InstalledApp.sideloaded("com.example.sideloaded", "Side Tool").addTo(builder);

        ArtifactScan scan = ArtifactScan.overDump(builder.build(), applications);

        List<Applications.App> apps = scan.entries("applications");
        assertThat(apps).extracting(Applications.App::softwareVersionBundleId).containsExactlyInAnyOrder(
                "com.example.store", "com.example.page", "com.example.managed", "com.example.old",
                "com.example.beta", "com.example.alt", "com.example.sideloaded");
        Applications.App sideloaded = apps.stream()
                .filter(app -> app.softwareVersionBundleId().equals("com.example.sideloaded")).findFirst().get();
        assertThat(sideloaded.hasItunesMetadata()).isFalse();
        assertThat(sideloaded.name()).isEqualTo("Side Tool");
        assertThat(sideloaded.bundlePath()).startsWith("private/var/containers/Bundle/Application/")
                .endsWith("/SideTool.app");
        assertThat(applications.observables(sideloaded)).containsExactly(Observable.appId("com.example.sideloaded"),
                Observable.process("com.example.sideloaded"), Observable.process("SideTool"));
        assertThat(scan.sink().alerts("applications")).extracting(Alert::message).containsExactlyInAnyOrder(
                "App com.example.beta was installed by com.apple.TestFlight, not the App Store or device management",
                "App com.example.alt was installed by com.rileytestut.AltStore, not the App Store or device "
                        + "management",
                "App com.example.sideloaded has no App Store metadata: it was not installed from the App Store "
                        + "(sideloaded, enterprise or developer build)");
    }

    @Test
    void appsOnlyListedAsInstalledHaveTheirBundleIdAlone() throws Exception {
        Path backup = new BackupBuilder(dir.resolve("b"))
                .info("Installed Applications", List.of("com.example.one", "com.example.two")).build();

        ArtifactScan scan = ArtifactScan.overBackup(backup, applications);

        assertThat(scan.<Applications.App>entries("applications")).containsExactly(
                new Applications.App("com.example.one", null, null, null, null, null, null, null, null, false),
                new Applications.App("com.example.two", null, null, null, null, null, null, null, null, false));
        assertThat(scan.sink().alerts("applications")).isEmpty();
    }

    @Test
    void aGarbageBundleInfoPlistIsAFailureOfThisArtifact() throws Exception {
        Path dump = new DumpBuilder(dir.resolve("d")).file("private/var/containers/Bundle/Application/"
                + "0000-1111/Bad.app/Info.plist", "<?xml garbage".getBytes(StandardCharsets.UTF_8)).build();

        ArtifactOutcome outcome = ArtifactScan.overDump(dump, applications).outcome("applications");

        assertThat(outcome.status()).isEqualTo(ArtifactOutcome.Status.FAILED);
        assertThat(outcome.failures().get(0).reason()).contains("not a valid property list");
    }
}
