package org.bridle.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.bridle.android.artifacts.Accessibility;
import org.bridle.android.artifacts.AdbKeys;
import org.bridle.android.artifacts.Activities;
import org.bridle.android.artifacts.Receivers;
import org.bridle.android.artifacts.Appops;
import org.bridle.android.artifacts.BatteryDaily;
import org.bridle.android.artifacts.BatteryHistory;
import org.bridle.android.artifacts.Dbinfo;
import org.bridle.android.artifacts.PlatformCompat;
import org.bridle.core.indicators.ContentDigest;
import org.bridle.core.indicators.Indicator;
import org.bridle.core.indicators.IndicatorFile;
import org.bridle.core.indicators.IndicatorSet;
import org.bridle.core.indicators.IndicatorType;
import org.bridle.android.artifacts.Getprop;
import org.bridle.android.artifacts.Packages;
import org.bridle.android.artifacts.Processes;
import org.bridle.android.artifacts.Tombstones;
import org.junit.jupiter.api.Test;

/** The single-file lines of the corpus README's Android table ({@code android_data/}). */
class AndroidDataCorpusTest {

    @Test
    void appopsHas13PackagesAndTwoInstallGrants() throws Exception {
        CorpusScan scan = CorpusScan.file(Corpus.mvt("android_data/dumpsys_appops.txt"), "@dumpsys/appops",
                new Appops());
        assertThat(scan.<Appops.PackageOps>entries("appops")).hasSize(13);
        assertThat(scan.alerts("appops")).hasSize(2)
                .allSatisfy(a -> assertThat(a.message()).contains("REQUEST_INSTALL_PACKAGES"));
    }

    @Test
    void packagesHasTwo() throws Exception {
        CorpusScan scan = CorpusScan.file(Corpus.mvt("android_data/dumpsys_packages.txt"), "@dumpsys/package",
                new Packages());
        assertThat(scan.<Packages.Package>entries("packages")).extracting(Packages.Package::name)
                .containsExactly("com.samsung.android.provider.filterprovider", "com.sec.android.app.DataCreate");
    }

    @Test
    void packagesHasFourActivitiesAndReceiversForFourIntents() throws Exception {
        CorpusScan scan = CorpusScan.file(Corpus.mvt("android_data/dumpsys_packages.txt"), "@dumpsys/package",
                new Activities(), new Receivers());
        assertThat(scan.<Activities.Activity>entries("activities")).hasSize(4);
        assertThat(scan.<Receivers.Receiver>entries("receivers")).extracting(Receivers.Receiver::action)
                .doesNotHaveDuplicates().hasSize(4);
    }

    @Test
    void getpropHas13PropertiesAndPsHas17Processes() throws Exception {
        CorpusScan props = CorpusScan.file(Corpus.mvt("android_data/getprop.txt"), "@command/getprop",
                new Getprop());
        assertThat(props.<Getprop.Property>entries("getprop")).hasSize(13);
        CorpusScan ps = CorpusScan.file(Corpus.mvt("android_data/ps.txt"), "@command/ps", new Processes());
        assertThat(ps.<Processes.Process>entries("processes")).hasSize(17);
    }

    @Test
    void textTombstoneGivesTheProcessIdsAndAbortMessage() throws Exception {
        CorpusScan scan = CorpusScan.fileAs(Corpus.mvt("android_data/tombstone_process.txt"),
                "data/tombstones/tombstone_*", "data/tombstones/tombstone_00", new Tombstones());
        List<Tombstones.Tombstone> tombstones = scan.entries("tombstones");
        assertThat(tombstones).hasSize(1);
        Tombstones.Tombstone t = tombstones.get(0);
        assertThat(t.uid()).isEqualTo(1046);
        assertThat(t.pid()).isEqualTo(25541);
        assertThat(t.processName()).isEqualTo("mtk.ape.decoder");
        // 2023-04-12 12:32:40.518290 local time at +02:00, as the file says
        assertThat(t.timestamp()).isEqualTo(Instant.parse("2023-04-12T10:32:40.518290770Z"));
        assertThat(t.abortMessage()).as("this text tombstone has no abort message").isNull();
    }

    @Test
    void accessibilityInBothSyntaxes() throws Exception {
        CorpusScan old = CorpusScan.file(Corpus.mvt("android_data/dumpsys_accessibility.txt"),
                "@dumpsys/accessibility", new Accessibility());
        assertThat(old.<Accessibility.Service>entries("accessibility")).hasSize(4);
        CorpusScan v14 = CorpusScan.file(Corpus.mvt("android_data/dumpsys_accessibility_v14_or_later.txt"),
                "@dumpsys/accessibility", new Accessibility());
        assertThat(v14.<Accessibility.Service>entries("accessibility")).extracting(Accessibility.Service::packageName)
                .containsExactly("com.malware.accessibility");
    }

    @Test
    void dbinfoHasFiveRecordsEachMatchingItsAppId() throws Exception {
        IndicatorSet indicators = IndicatorSet.builder().add(new IndicatorFile("test.stix2", "test",
                ContentDigest.known("0", 1),
                List.of(new Indicator(IndicatorType.APP_ID, "com.wssyncmldm", "Test", "test.stix2", "i")),
                List.of())).build();
        CorpusScan scan = CorpusScan.file(Corpus.mvt("android_data/dumpsys_dbinfo.txt"), "@dumpsys/dbinfo",
                indicators, new Dbinfo());
        assertThat(scan.<Dbinfo.Operation>entries("dbinfo")).hasSize(5);
        assertThat(scan.alerts("dbinfo")).hasSize(5);
    }

    @Test
    void batteryHasThreeDailyAndFiveHistoryRecords() throws Exception {
        CorpusScan scan = CorpusScan.file(Corpus.mvt("android_data/dumpsys_battery.txt"), "@dumpsys/batterystats",
                new BatteryDaily(), new BatteryHistory());
        assertThat(scan.<BatteryDaily.PackageChange>entries("battery_daily")).hasSize(3);
        assertThat(scan.<BatteryHistory.Event>entries("battery_history")).hasSize(5);
    }

    @Test
    void platformCompatNamesTwoUninstalledApps() throws Exception {
        CorpusScan scan = CorpusScan.file(Corpus.mvt("android_data/dumpsys_platform_compat.txt"),
                "@dumpsys/platform_compat", new PlatformCompat());
        assertThat(scan.<PlatformCompat.UninstalledApp>entries("platform_compat"))
                .extracting(PlatformCompat.UninstalledApp::packageName)
                .containsExactly("org.torproject.torbrowser", "org.article19.circulo.next");
    }

    @Test
    void adbKeysWithTheirFingerprintUserAndLastConnection() throws Exception {
        CorpusScan text = CorpusScan.file(Corpus.mvt("android_data/dumpsys_adb.txt"), "@dumpsys/adb", new AdbKeys());
        assertThat(text.<AdbKeys.AdbKey>entries("adb_keys")).singleElement().satisfies(k -> {
            assertThat(k.fingerprint()).startsWith("F0:A1:3D:8C:").endsWith(":BD:C6");
            assertThat(k.user()).isEqualTo("user@linux");
        });
        CorpusScan xml = CorpusScan.file(Corpus.mvt("android_data/dumpsys_adb_xml.txt"), "@dumpsys/adb",
                new AdbKeys());
        assertThat(xml.<AdbKeys.AdbKey>entries("adb_keys")).singleElement()
                .satisfies(k -> assertThat(k.lastConnection()).isEqualTo(Instant.ofEpochMilli(1628501829898L)));
    }

    @Test
    void protobufTombstoneGivesTheSameCrash() throws Exception {
        CorpusScan scan = CorpusScan.fileAs(Corpus.mvt("android_data/tombstone_process.pb"),
                "data/tombstones/tombstone_*", "data/tombstones/tombstone_00.pb", new Tombstones());
        assertThat(scan.<Tombstones.Tombstone>entries("tombstones")).singleElement().satisfies(t -> {
            assertThat(t.uid()).isEqualTo(1046);
            assertThat(t.pid()).isEqualTo(25541);
            assertThat(t.processName()).isEqualTo("mtk.ape.decoder");
            assertThat(t.binaryPath()).isEqualTo("/vendor/bin/hw/android.hardware.media.c2@1.2-mediatek");
            assertThat(t.signal()).isEqualTo("SIGSEGV");
            assertThat(t.timestamp()).isEqualTo(Instant.parse("2023-04-12T10:32:40.518290770Z"));
        });
    }
}
