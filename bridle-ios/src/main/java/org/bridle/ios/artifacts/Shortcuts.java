package org.bridle.ios.artifacts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.indicators.LinkExtractor;
import org.bridle.core.io.EvidenceFormatException;
import org.bridle.core.io.PlistValues;
import org.bridle.core.io.Plists;
import org.bridle.core.io.SqlRow;
import org.bridle.core.io.SqliteEvidence;
import org.bridle.core.model.Observable;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * {@code shortcuts}: the owner's Shortcuts (automations) from Shortcuts.sqlite, with the actions each runs and the
 * URLs found anywhere in their parameters. Actions are a binary property list in {@code ZSHORTCUTACTIONS.ZDATA}:
 * a list of {@code WFWorkflowActionIdentifier}/{@code WFWorkflowActionParameters} dictionaries.
 */
public final class Shortcuts implements Artifact<Shortcuts.Shortcut> {

    /**
     * One shortcut; what the database version does not record is null.
     *
     * @param shortcutId its Z_PK
     * @param shortcutName its name
     * @param description the summary of its actions
     * @param isodate when it was created
     * @param modifiedDate when it was last modified
     * @param actions the identifiers of its actions, in order ({@code is.workflow.actions.openurl}, …); null when its
     *     action data cannot be read
     * @param actionUrls the URLs in its actions' parameters
     */
    public record Shortcut(Long shortcutId, String shortcutName, String description, Instant isodate,
                           Instant modifiedDate, List<String> actions, List<String> actionUrls) {
    }

    @Override
    public String id() {
        return "shortcuts";
    }

    @Override
    public String description() {
        return "Shortcuts with their actions and the URLs they use, from Shortcuts.sqlite";
    }

    @Override
    public List<DevicePath> locations() {
        return List.of(DevicePath.of("private/var/mobile/Library/Shortcuts/Shortcuts.sqlite"));
    }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<Shortcut> out) throws Exception {
        try (SqliteEvidence db = context.database(file, out)) {
            if (!db.hasTable("ZSHORTCUT")) {
                out.note("Shortcuts.sqlite has no ZSHORTCUT table");
                return;
            }
            List<String> select = new ArrayList<>(List.of("s.Z_PK AS shortcut_id"));
            for (String column : List.of("ZNAME", "ZACTIONSDESCRIPTION", "ZCREATIONDATE", "ZMODIFICATIONDATE")) {
                select.add(db.columnOrNull("ZSHORTCUT", "s", column) + " AS " + column);
            }
            String from = " FROM ZSHORTCUT s";
            if (db.hasColumn("ZSHORTCUTACTIONS", "ZSHORTCUT") && db.hasColumn("ZSHORTCUTACTIONS", "ZDATA")) {
                select.add("a.ZDATA AS action_data");
                from += " LEFT JOIN ZSHORTCUTACTIONS a ON a.ZSHORTCUT = s.Z_PK";
            } else {
                out.note("Shortcuts.sqlite has no ZSHORTCUTACTIONS table: the shortcuts' actions are unknown");
            }
            int[] unreadable = {0};
            db.query("SELECT " + String.join(", ", select) + from + " ORDER BY s.Z_PK", row -> {
                Shortcut shortcut = shortcut(row);
                unreadable[0] += row.bytes("action_data") != null && shortcut.actions() == null ? 1 : 0;
                out.entry(shortcut);
            });
            if (unreadable[0] > 0) {
                out.note(unreadable[0] + " shortcut(s) have action data that is not a list of actions; their actions "
                        + "are left empty");
            }
        }
    }

    private static Shortcut shortcut(SqlRow row) throws Exception {
        byte[] data = row.bytes("action_data");
        List<String> actions = null;
        Set<String> urls = new LinkedHashSet<>();
        if (data != null) {
            actions = actions(data, urls);
        }
        return new Shortcut(row.integer("shortcut_id"), row.string("ZNAME"), row.string("ZACTIONSDESCRIPTION"),
                row.cocoaTime("ZCREATIONDATE"), row.cocoaTime("ZMODIFICATIONDATE"), actions, List.copyOf(urls));
    }

    /** The identifiers of the actions in {@code data}, adding their parameters' URLs; null when unreadable. */
    private static List<String> actions(byte[] data, Set<String> urls) {
        Object parsed;
        try {
            parsed = PlistValues.toJava(Plists.parse(data));
        } catch (EvidenceFormatException e) {
            return null;
        }
        if (!(parsed instanceof List<?> list)) {
            return null;
        }
        List<String> identifiers = new ArrayList<>();
        for (Object action : list) {
            if (action instanceof Map<?, ?> map) {
                identifiers.add(String.valueOf(map.get("WFWorkflowActionIdentifier")));
                collectLinks(map.get("WFWorkflowActionParameters"), urls);
            }
        }
        return identifiers;
    }

    private static void collectLinks(Object value, Set<String> urls) {
        if (value instanceof String text) {
            urls.addAll(LinkExtractor.links(text));
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> collectLinks(v, urls));
        } else if (value instanceof Collection<?> values) {
            values.forEach(v -> collectLinks(v, urls));
        }
    }

    @Override
    public List<Observable> observables(Shortcut shortcut) {
        return shortcut.actionUrls().stream().map(Observable::url).toList();
    }

    @Override
    public List<TimelineEvent> timeline(Shortcut shortcut) {
        String description = "iOS Shortcut '" + shortcut.shortcutName() + "'"
                + (shortcut.description() == null ? "" : ": " + shortcut.description())
                + (shortcut.actionUrls().isEmpty() ? "" : " - URLs in actions: "
                        + String.join(", ", shortcut.actionUrls()));
        List<TimelineEvent> events = new ArrayList<>(2);
        if (shortcut.isodate() != null) {
            events.add(new TimelineEvent(shortcut.isodate(), id(), "shortcut_created", description));
        }
        if (shortcut.modifiedDate() != null) {
            events.add(new TimelineEvent(shortcut.modifiedDate(), id(), "shortcut_modified", description));
        }
        return events;
    }
}
