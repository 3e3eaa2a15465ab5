package org.bridle.ios.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bridle.core.model.Observable;
import org.bridle.core.model.ObservableKind;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.ios.ArtifactScan;
import org.bridle.ios.artifacts.Manifest.BackupFile;
import org.bridle.ios.backup.IosBackup;
import org.bridle.testkit.BackupBuilder;
import org.bridle.testkit.EvidenceSnapshot;
import org.bridle.testkit.PlistFixture;
import org.bridle.testkit.SqliteFixture;
import org.bridle.testkit.ios.MbFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {
    private static final Instant BORN = Instant.parse("2020-03-01T10:00:00Z");
    private static final Instant MODIFIED = Instant.parse("2020-04-01T10:00:00Z");
    private static final Instant CHANGED = Instant.parse("2020-05-01T10:00:00Z");
    private static final String SAFARI = "AppDomain-com.apple.mobilesafari";
    private static final String LOCAL_STORAGE =
            "Library/WebKit/WebsiteData/LocalStorage/https_evil.example.com_0.localstorage";

    @TempDir
    Path dir;

    private final Manifest manifest = new Manifest();

    @Test
    void listsEveryRecordWithItsMetadata() throws Exception {
        BackupBuilder builder = new BackupBuilder(dir.resolve("b")).time(BORN)
                .file("HomeDomain", "Library/Preferences/com.apple.CoreBrightness.plist", "<plist/>")
                .directory("HomeDomain", "Library/Preferences")
                .rawRecord(SAFARI, LOCAL_STORAGE, BackupBuilder.FILE,
                        MbFile.file(LOCAL_STORAGE, 4096).owner(501, 20).inode(77).times(BORN, MODIFIED, CHANGED).bytes());

        ArtifactScan scan = scan(builder.build());

        List<BackupFile> files = scan.entries("manifest");
        assertThat(files).hasSize(3);
        assertThat(files.get(0)).isEqualTo(new BackupFile(
                BackupBuilder.fileId("HomeDomain", "Library/Preferences/com.apple.CoreBrightness.plist"), "HomeDomain",
                "Library/Preferences/com.apple.CoreBrightness.plist", 1L, BORN, BORN, BORN, "0o100644", 501L, 501L, 8L,
                1000L));
        assertThat(files.get(1).mode()).isEqualTo("0o40755");
        assertThat(files.get(1).flags()).isEqualTo(2);
        assertThat(files.get(2)).isEqualTo(new BackupFile(BackupBuilder.fileId(SAFARI, LOCAL_STORAGE), SAFARI,
                LOCAL_STORAGE, 1L, BORN, MODIFIED, CHANGED, "0o100644", 501L, 20L, 4096L, 77L));
        assertThat(scan.outcome("manifest").notes()).isEmpty();
    }

    @Test
    void exposesFilePathsAndTheDomainsOfWebsiteData() throws Exception {
        ArtifactScan scan = scan(new BackupBuilder(dir.resolve("b"))
                .file("HomeDomain", "Library/Preferences/com.apple.CoreBrightness.plist", "<plist/>")
                .file(SAFARI, LOCAL_STORAGE, "x")
                .file("AppDomain-com.example.browser",
                        "Library/WebKit/WebsiteData/IndexedDB/http_Tracker.Example.net_8080.indexeddb.leveldb/LOG", "x")
                .file(SAFARI, "Library/WebKit/WebsiteData/WebSQL/https_www.google.fr_0/f9d2.db", "x")
                .file("HomeDomain", "Library/Caches/https_notes_0.txt", "x")
                .file("HomeDomain", "Library/Caches/https_example.org.txt", "x")
                .directory("HomeDomain", "")
                .build());

        List<BackupFile> files = scan.entries("manifest");
        assertThat(manifest.observables(files.get(0))).containsExactly(
                Observable.filePath("/private/var/mobile/Library/Preferences/com.apple.CoreBrightness.plist"),
                Observable.filePath("/Library/Preferences/com.apple.CoreBrightness.plist"));
        assertThat(manifest.observables(files.get(1))).containsExactly(
                Observable.filePath("@app/com.apple.mobilesafari/" + LOCAL_STORAGE),
                Observable.filePath("/" + LOCAL_STORAGE),
                Observable.domain("evil.example.com"));
        assertThat(manifest.observables(files.get(2))).contains(Observable.domain("tracker.example.net"));
        assertThat(manifest.observables(files.get(3))).contains(Observable.domain("www.google.fr"));
        assertThat(manifest.observables(files.get(4))).extracting(Observable::kind)
                .doesNotContain(ObservableKind.DOMAIN);
        assertThat(manifest.observables(files.get(5))).extracting(Observable::kind)
                .doesNotContain(ObservableKind.DOMAIN);
        assertThat(manifest.observables(files.get(6))).isEmpty();
    }

    @Test
    void makesOneTimelineEventPerDistinctTime() throws Exception {
        ArtifactScan scan = scan(new BackupBuilder(dir.resolve("b")).time(BORN)
                .file("HomeDomain", "Library/a", "x")
                .rawRecord("HomeDomain", "Library/b", BackupBuilder.FILE,
                        MbFile.file("Library/b", 1).times(BORN, MODIFIED, BORN).bytes())
                .rawRecord("HomeDomain", "Library/c", BackupBuilder.FILE,
                        MbFile.file("Library/c", 1).times(BORN, MODIFIED, CHANGED).bytes())
                .build());

        assertThat(scan.sink().timeline()).extracting(TimelineEvent::time, TimelineEvent::event,
                TimelineEvent::description).containsExactly(
                tuple(BORN, "M-CB", "Library/a - HomeDomain"),
                tuple(BORN, "--CB", "Library/b - HomeDomain"),
                tuple(MODIFIED, "M---", "Library/b - HomeDomain"),
                tuple(BORN, "---B", "Library/c - HomeDomain"),
                tuple(MODIFIED, "M---", "Library/c - HomeDomain"),
                tuple(CHANGED, "--C-", "Library/c - HomeDomain"));
    }

    @Test
    void readsTimesArchivedAsDates() throws Exception {
        byte[] blob = PlistFixture.keyedArchive("MBFile", Map.of("RelativePath", "Library/d", "Size", 3L,
                "Mode", 0100600, "Birth", BORN, "LastModified", MODIFIED, "LastStatusChange", CHANGED));
        ArtifactScan scan = scan(new BackupBuilder(dir.resolve("b"))
                .rawRecord("HomeDomain", "Library/d", BackupBuilder.FILE, blob).build());

        BackupFile file = scan.<BackupFile>entries("manifest").get(0);
        assertThat(file.created()).isEqualTo(BORN);
        assertThat(file.modified()).isEqualTo(MODIFIED);
        assertThat(file.statusChanged()).isEqualTo(CHANGED);
        assertThat(file.mode()).isEqualTo("0o100600");
        assertThat(file.owner()).isNull();
    }

    @Test
    void keepsRecordsWhoseBlobCannotBeDecodedAndCountsThemInOneNote() throws Exception {
        ArtifactScan scan = scan(new BackupBuilder(dir.resolve("b"))
                .file("HomeDomain", "Library/ok", "x")
                .rawRecord("HomeDomain", "Library/garbage", BackupBuilder.FILE, "garbage".getBytes())
                .rawRecord("HomeDomain", "Library/not-an-archive", BackupBuilder.FILE, PlistFixture.binary(Map.of("a", 1)))
                .rawRecord("HomeDomain", "Library/no-blob", BackupBuilder.FILE, null)
                .build());

        List<BackupFile> files = scan.entries("manifest");
        assertThat(files).extracting(BackupFile::relativePath)
                .containsExactly("Library/ok", "Library/garbage", "Library/not-an-archive", "Library/no-blob");
        assertThat(files.subList(1, 4)).allSatisfy(file -> {
            assertThat(file.created()).isNull();
            assertThat(file.size()).isNull();
            assertThat(file.fileId()).isNotNull();
        });
        assertThat(scan.outcome("manifest").status()).isEqualTo(ArtifactOutcome.Status.FOUND);
        assertThat(scan.outcome("manifest").notes()).containsExactly("2 record(s) have a metadata blob that cannot be "
                + "decoded; their times, mode, owner and size are left empty");
        assertThat(scan.sink().timeline()).hasSize(1);
    }

    @Test
    void aManifestWithoutFilesTableHasNoEntriesAndANote() throws Exception {
        ArtifactScan scan = scanAfterReplacingManifest(
                SqliteFixture.bytes("CREATE TABLE Properties (key TEXT PRIMARY KEY, value BLOB)"));

        assertThat(scan.entries("manifest")).isEmpty();
        assertThat(scan.outcome("manifest").notes()).containsExactly("Manifest.db has no Files table");
    }

    @Test
    void aManifestThatIsNoLongerSqliteIsAFailureOfThisArtifact() throws Exception {
        ArtifactOutcome outcome = scanAfterReplacingManifest("garbage".getBytes()).outcome("manifest");

        assertThat(outcome.status()).isEqualTo(ArtifactOutcome.Status.FAILED);
        assertThat(outcome.failures().get(0).reason()).isEqualTo("not an SQLite database");
    }

    /** Scans a backup, asserting the scan left it unchanged. */
    private ArtifactScan scan(Path backup) throws Exception {
        EvidenceSnapshot before = EvidenceSnapshot.of(backup);
        ArtifactScan scan;
        try (IosBackup source = IosBackup.open(backup)) {
            scan = ArtifactScan.run(source, manifest);
        }
        assertThat(EvidenceSnapshot.of(backup)).isEqualTo(before);
        return scan;
    }

    /**
     * Opens a valid backup, then replaces its Manifest.db before the scan (the backup source keeps the records it
     * read on opening, so only the artifact sees the new content).
     */
    private ArtifactScan scanAfterReplacingManifest(byte[] content) throws Exception {
        Path backup = new BackupBuilder(dir.resolve("b")).file("HomeDomain", "Library/a", "x").build();
        ArtifactScan scan;
        try (IosBackup source = IosBackup.open(backup)) {
            Files.write(backup.resolve("Manifest.db"), content);
            EvidenceSnapshot before = EvidenceSnapshot.of(backup);
            scan = ArtifactScan.run(source, manifest);
            assertThat(EvidenceSnapshot.of(backup)).isEqualTo(before);
        }
        return scan;
    }
}
