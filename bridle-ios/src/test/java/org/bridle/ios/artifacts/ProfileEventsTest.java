package org.bridle.ios.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bridle.core.model.Alert;
import org.bridle.core.model.Observable;
import org.bridle.core.model.Severity;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.ios.ArtifactScan;
import org.bridle.testkit.BackupBuilder;
import org.bridle.testkit.PlistFixture;
import org.bridle.testkit.ios.ProfileEventsPlist;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileEventsTest {
    private static final Instant T = Instant.parse("2021-01-10T09:00:00Z");

    @TempDir
    Path dir;

    private final ProfileEvents artifact = new ProfileEvents();

    @Test
    void readsEachEventAndNotesItAsInformational() throws Exception {
        ProfileEventsPlist events = new ProfileEventsPlist()
                .event("com.example.mitm", "install", "/usr/libexec/mdmd", T)
                .event("com.example.mitm", "remove", "Preferences", T.plusSeconds(3600));
        Path backup = new BackupBuilder(dir.resolve("b"))
                .file(ProfileEventsPlist.DOMAIN, ProfileEventsPlist.RELATIVE_PATH, events.bytes()).build();

        ArtifactScan scan = ArtifactScan.overBackup(backup, artifact);

        List<ProfileEvents.Event> entries = scan.entries("profile_events");
        assertThat(entries).containsExactly(
                new ProfileEvents.Event("com.example.mitm", T, "install", "/usr/libexec/mdmd"),
                new ProfileEvents.Event("com.example.mitm", T.plusSeconds(3600), "remove", "Preferences"));
        assertThat(artifact.observables(entries.get(0))).containsExactly(Observable.process("/usr/libexec/mdmd"),
                Observable.process("mdmd"), Observable.profileId("com.example.mitm"));
        assertThat(artifact.observables(entries.get(1))).containsExactly(Observable.process("Preferences"),
                Observable.profileId("com.example.mitm"));
        List<Alert> alerts = scan.sink().alerts("profile_events");
        assertThat(alerts).hasSize(2).allSatisfy(a -> assertThat(a.level()).isEqualTo(Severity.INFORMATIONAL));
        assertThat(alerts.get(0).message())
                .isEqualTo("Process \"/usr/libexec/mdmd\" started operation \"install\" of profile \"com.example.mitm\"");
        assertThat(scan.sink().timeline()).hasSize(2);
        assertThat(scan.sink().timeline().get(1).description())
                .isEqualTo("Process Preferences started operation remove of profile com.example.mitm");
    }

    @Test
    void readsTheOlderLocationWithCapitalisedKeysAndSkipsItemsOfAnotherShape() throws Exception {
        ProfileEventsPlist events = new ProfileEventsPlist()
                .raw(Map.of("com.example.old", Map.of("Timestamp", T, "Operation", "install", "Process", "mdmd")))
                .raw("not an event")
                .raw(Map.of("a", Map.of(), "b", Map.of()));
        Path backup = new BackupBuilder(dir.resolve("b"))
                .file(ProfileEventsPlist.OLD_DOMAIN, ProfileEventsPlist.RELATIVE_PATH, events.bytes()).build();

        ArtifactScan scan = ArtifactScan.overBackup(backup, artifact);

        assertThat(scan.<ProfileEvents.Event>entries("profile_events"))
                .containsExactly(new ProfileEvents.Event("com.example.old", T, "install", "mdmd"));
        assertThat(scan.outcome("profile_events").notes()).singleElement().asString().startsWith("2 item(s)");
    }

    @Test
    void aFileWithoutTheEventListGivesANote() throws Exception {
        Path backup = new BackupBuilder(dir.resolve("b")).file(ProfileEventsPlist.DOMAIN,
                ProfileEventsPlist.RELATIVE_PATH, PlistFixture.xml(Map.of("Version", 1))).build();

        ArtifactScan scan = ArtifactScan.overBackup(backup, artifact);

        ArtifactOutcome outcome = scan.outcome("profile_events");
        assertThat(outcome.status()).isEqualTo(ArtifactOutcome.Status.FOUND);
        assertThat(outcome.entries()).isZero();
        assertThat(outcome.notes()).singleElement().asString().contains("ProfileEvents");
    }

    @Test
    void aGarbagePlistIsAFailure() throws Exception {
        Path backup = new BackupBuilder(dir.resolve("b"))
                .file(ProfileEventsPlist.DOMAIN, ProfileEventsPlist.RELATIVE_PATH, "bplist00\u0001\u0002").build();

        ArtifactScan scan = ArtifactScan.overBackup(backup, artifact);

        ArtifactOutcome outcome = scan.outcome("profile_events");
        assertThat(outcome.status()).isEqualTo(ArtifactOutcome.Status.FAILED);
        assertThat(outcome.failures()).singleElement().satisfies(f -> assertThat(f.reason())
                .contains("not a valid property list"));
    }
}
