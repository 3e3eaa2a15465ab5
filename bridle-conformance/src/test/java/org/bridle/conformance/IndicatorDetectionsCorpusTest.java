package org.bridle.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.bridle.core.indicators.IndicatorSet;
import org.bridle.core.model.Alert;
import org.bridle.core.model.MatchedIndicator;
import org.bridle.core.model.Severity;
import org.bridle.core.scan.ScanEngine;
import org.bridle.ios.artifacts.DataUsage;
import org.bridle.ios.artifacts.Manifest;
import org.bridle.ios.artifacts.Sms;
import org.bridle.ios.artifacts.Tcc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MVT's detection counts on its iOS test backup, reproduced with the real matcher: each test writes a STIX file
 * holding exactly the indicator MVT's test uses, loads it with the real loader and scans the corpus backup through
 * the real engine. Every alert an indicator raises is HIGH and names the indicator, its kind, its family and its
 * file. (The corpus's own STIX files are covered by bridle-core's {@code StixCorpusTest}.)
 */
class IndicatorDetectionsCorpusTest {
    private static final String FEED = "mvt-test.stix2";

    @TempDir
    Path folder;

    @Test
    void theFileNameOfCoreBrightnessPlistGivesOneDetectionInTheManifest() throws Exception {
        IndicatorSet indicators = StixFile.oneIndicator(folder, FEED, "file:name", "com.apple.CoreBrightness.plist");

        CorpusScan scan = CorpusScan.iosBackup(indicators, new Manifest());

        List<Alert> alerts = scan.alerts("manifest");
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertIndicatorAlert(alert, "com.apple.CoreBrightness.plist", "file:name");
            assertThat(((Manifest.BackupFile) alert.event()).relativePath())
                    .isEqualTo("Library/Preferences/com.apple.CoreBrightness.plist");
            assertThat(alert.eventTime()).isNotNull();
        });
    }

    /**
     * MVT's 2 detections are CumulativeUsageTracker's two live-usage rows (process 32); the missing process id 5
     * still gives its heuristic alert (LOW, no indicator), as it does without indicators.
     */
    @Test
    void theProcessCumulativeUsageTrackerGivesTwoDetectionsInDataUsage() throws Exception {
        IndicatorSet indicators = StixFile.oneIndicator(folder, FEED, "process:name", "CumulativeUsageTracker");

        CorpusScan scan = CorpusScan.iosBackup(indicators, new DataUsage());

        List<Alert> alerts = scan.alerts("datausage");
        assertThat(alerts).filteredOn(alert -> alert.matchedIndicator() != null).hasSize(2).allSatisfy(alert -> {
            assertIndicatorAlert(alert, "CumulativeUsageTracker", "process:name");
            DataUsage.Usage usage = (DataUsage.Usage) alert.event();
            assertThat(usage.procName()).isEqualTo("CumulativeUsageTracker");
            assertThat(usage.procId()).isEqualTo(32L);
        });
        assertThat(alerts).extracting(alert -> ((DataUsage.Usage) alert.event()).liveId()).doesNotHaveDuplicates();
        assertThat(alerts).filteredOn(alert -> alert.matchedIndicator() == null).singleElement()
                .satisfies(alert -> assertThat(alert.level()).isEqualTo(Severity.LOW));
    }

    @Test
    void theDomainBadbadbadGivesOneDetectionInSms() throws Exception {
        IndicatorSet indicators = StixFile.oneIndicator(folder, FEED, "domain-name:value", "badbadbad.example.org");

        CorpusScan scan = CorpusScan.iosBackup(indicators, new Sms());

        assertThat(scan.alerts("sms")).singleElement().satisfies(alert -> {
            assertIndicatorAlert(alert, "badbadbad.example.org", "domain-name:value");
            assertThat(alert.message()).startsWith("\"https://badbadbad.example.org/\" matches");
            assertThat(((Sms.Message) alert.event()).links()).containsExactly("https://badbadbad.example.org/");
        });
    }

    @Test
    void theProcessLaunchGivesOneDetectionInTccOnLiverpool() throws Exception {
        IndicatorSet indicators = StixFile.oneIndicator(folder, FEED, "process:name", "Launch");

        CorpusScan scan = CorpusScan.iosBackup(indicators, new Tcc());

        assertThat(scan.alerts("tcc")).singleElement().satisfies(alert -> {
            assertIndicatorAlert(alert, "Launch", "process:name");
            Tcc.Access access = (Tcc.Access) alert.event();
            assertThat(access.service()).isEqualTo("kTCCServiceLiverpool");
            assertThat(access.client()).isEqualTo("Launch");
        });
    }

    private static void assertIndicatorAlert(Alert alert, String value, String type) {
        assertThat(alert.level()).isEqualTo(ScanEngine.INDICATOR_MATCH_LEVEL).isEqualTo(Severity.HIGH);
        assertThat(alert.matchedIndicator()).isEqualTo(new MatchedIndicator(value, type, StixFile.FAMILY, FEED));
        assertThat(alert.message()).contains("matches the " + type + " indicator \"" + value + "\" of "
                + StixFile.FAMILY + " (" + FEED + ")");
    }
}
