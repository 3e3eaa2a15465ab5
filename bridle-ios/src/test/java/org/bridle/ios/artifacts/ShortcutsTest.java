package org.bridle.ios.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bridle.core.model.Observable;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.ios.ArtifactScan;
import org.bridle.ios.BackupAndDump;
import org.bridle.testkit.SqliteFixture;
import org.bridle.testkit.ios.ShortcutsDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShortcutsTest {
    private static final Instant CREATED = Instant.parse("2022-05-01T10:00:00Z");
    private static final Instant MODIFIED = Instant.parse("2022-05-02T10:00:00Z");

    @TempDir
    Path dir;

    private final Shortcuts shortcuts = new Shortcuts();

    @Test
    void readsShortcutsWithTheirActionsAndUrlsFromABackupAndADump() throws Exception {
        ArtifactScan scan = scan(ShortcutsDatabase.create()
                .shortcut("Morning", "Open URL and text", CREATED, MODIFIED, List.of(
                        ShortcutsDatabase.action("is.workflow.actions.openurl",
                                Map.of("WFInput", Map.of("Value", Map.of("string", "https://evil.example.com/x")))),
                        ShortcutsDatabase.action("is.workflow.actions.gettext",
                                Map.of("WFTextActionText", "see www.second.example.org/page and plain words")),
                        ShortcutsDatabase.action("is.workflow.actions.delay", Map.of("WFDelayTime", 3L))))
                .shortcut("Quiet", "Silence", CREATED, MODIFIED, List.of(
                        ShortcutsDatabase.action("is.workflow.actions.dnd.set", Map.of("Enabled", true))))
                .bytes());

        List<Shortcuts.Shortcut> entries = scan.entries("shortcuts");
        assertThat(entries).hasSize(2);
        Shortcuts.Shortcut morning = entries.get(0);
        assertThat(morning).isEqualTo(new Shortcuts.Shortcut(1L, "Morning", "Open URL and text", CREATED, MODIFIED,
                List.of("is.workflow.actions.openurl", "is.workflow.actions.gettext", "is.workflow.actions.delay"),
                List.of("https://evil.example.com/x", "www.second.example.org/page")));
        assertThat(shortcuts.observables(morning)).containsExactly(Observable.url("https://evil.example.com/x"),
                Observable.url("www.second.example.org/page"));
        assertThat(shortcuts.observables(entries.get(1))).isEmpty();
        assertThat(scan.sink().timeline()).hasSize(4).contains(new TimelineEvent(CREATED, "shortcuts",
                "shortcut_created", "iOS Shortcut 'Morning': Open URL and text - URLs in actions: "
                        + "https://evil.example.com/x, www.second.example.org/page"));
        assertThat(scan.outcome("shortcuts").notes()).isEmpty();
    }

    @Test
    void theOlderLayoutHasNoDescriptionAndUnreadableActionsAreNoted() throws Exception {
        ArtifactScan scan = scan(ShortcutsDatabase.create(ShortcutsDatabase.Layout.OLDER)
                .shortcut("Old", "dropped", CREATED, MODIFIED, List.of(
                        ShortcutsDatabase.action("is.workflow.actions.openurl",
                                Map.of("WFInput", "http://a.example/"))))
                .shortcut("Broken", null, CREATED, MODIFIED, "not a plist".getBytes(StandardCharsets.UTF_8))
                .bytes());

        assertThat(scan.<Shortcuts.Shortcut>entries("shortcuts")).containsExactly(
                new Shortcuts.Shortcut(1L, "Old", null, CREATED, MODIFIED, List.of("is.workflow.actions.openurl"),
                        List.of("http://a.example/")),
                new Shortcuts.Shortcut(2L, "Broken", null, CREATED, MODIFIED, null, List.of()));
        assertThat(scan.outcome("shortcuts").notes()).containsExactly("1 shortcut(s) have action data that is not a "
                + "list of actions; their actions are left empty");
    }

    @Test
    void aDatabaseWithoutShortcutsHasNoEntriesAndANote() throws Exception {
        ArtifactScan scan = scan(SqliteFixture.bytes("CREATE TABLE ZTRIGGER (Z_PK INTEGER PRIMARY KEY)"));

        assertThat(scan.entries("shortcuts")).isEmpty();
        assertThat(scan.outcome("shortcuts").notes()).containsExactly("Shortcuts.sqlite has no ZSHORTCUT table");
    }

    @Test
    void anEmptyFileIsAFailureOfThisArtifact() throws Exception {
        ArtifactOutcome outcome = scan(new byte[0]).outcome("shortcuts");

        assertThat(outcome.status()).isEqualTo(ArtifactOutcome.Status.FAILED);
        assertThat(outcome.failures().get(0).reason()).isEqualTo("the database file is empty");
    }

    private ArtifactScan scan(byte[] database) throws Exception {
        return BackupAndDump.rootFile(dir, ShortcutsDatabase.DEVICE_PATH, database, shortcuts);
    }
}
