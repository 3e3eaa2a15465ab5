package org.bridle.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bridle.core.model.Observable;
import org.bridle.core.model.ObservableKind;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.ios.artifacts.Manifest;
import org.bridle.ios.artifacts.Manifest.BackupFile;
import org.junit.jupiter.api.Test;

/**
 * MVT: 3,721 records, 5,881 timeline events, no alerts; the file-name indicator
 * {@code com.apple.CoreBrightness.plist} gives 1 detection. MVT makes one event per distinct time of a record
 * (its de-duplication of identical timeline lines removes nothing more here, since every record's description,
 * its relative path and domain, is unique); so do we, and the counts agree.
 */
class ManifestCorpusTest {
    private final Manifest manifest = new Manifest();

    @Test
    void matchesMvtOnTheCorpusBackup() throws Exception {
        CorpusScan scan = CorpusScan.iosBackup(manifest);

        List<BackupFile> files = scan.entries("manifest");
        assertThat(files).hasSize(3721);
        assertThat(scan.timeline()).hasSize(5881);
        assertThat(scan.alerts("manifest")).isEmpty();
        assertThat(scan.outcome("manifest").status()).isEqualTo(ArtifactOutcome.Status.FOUND);
        assertThat(scan.outcome("manifest").notes()).isEmpty();
        assertThat(files).allSatisfy(file -> assertThat(file.modified()).isNotNull());
    }

    @Test
    void exposesTheObservablesTheDetectionsNeed() throws Exception {
        List<BackupFile> files = CorpusScan.iosBackup(manifest).entries("manifest");

        assertThat(files).filteredOn(file -> manifest.observables(file).stream()
                .anyMatch(o -> o.kind() == ObservableKind.FILE_PATH
                        && o.value().endsWith("/com.apple.CoreBrightness.plist")))
                .singleElement()
                .satisfies(file -> assertThat(manifest.observables(file)).contains(Observable.filePath(
                        "/private/var/mobile/Library/Preferences/com.apple.CoreBrightness.plist")));
        assertThat(files).filteredOn(file -> manifest.observables(file).contains(Observable.domain("www.google.fr")))
                .hasSize(4);
    }
}
