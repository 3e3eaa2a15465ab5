package org.bridle.testkit.ios;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bridle.testkit.PlistFixture;
import org.bridle.testkit.SqliteFixture;

/**
 * Writes a {@code Shortcuts.sqlite}: shortcuts in {@code ZSHORTCUT}, their actions as a binary property list in
 * {@code ZSHORTCUTACTIONS.ZDATA}. {@link Layout#CURRENT} has the actions summary {@code ZACTIONSDESCRIPTION};
 * {@link Layout#OLDER} does not.
 */
public final class ShortcutsDatabase {
    /** The backup domain of the file. */
    public static final String DOMAIN = "HomeDomain";
    /** The file's path in {@link #DOMAIN}. */
    public static final String RELATIVE_PATH = "Library/Shortcuts/Shortcuts.sqlite";
    /** The file's path on the device. */
    public static final String DEVICE_PATH = "private/var/mobile/" + RELATIVE_PATH;

    /** Which layout is written. */
    public enum Layout { CURRENT, OLDER }

    private final Layout layout;
    private final List<String> statements = new ArrayList<>();
    private long nextPk;

    private ShortcutsDatabase(Layout layout) {
        this.layout = layout;
        statements.add("CREATE TABLE ZSHORTCUT (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, "
                + "ZHASSHORTCUTINPUTVARIABLES INTEGER, ZHIDDEN INTEGER, ZACTIONCOUNT INTEGER, "
                + "ZCREATIONDATE TIMESTAMP, ZMODIFICATIONDATE TIMESTAMP, ZNAME VARCHAR, ZWORKFLOWID VARCHAR"
                + (layout == Layout.CURRENT ? ", ZACTIONSDESCRIPTION VARCHAR)" : ")"));
        statements.add("CREATE TABLE ZSHORTCUTACTIONS (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, "
                + "ZSHORTCUT INTEGER, ZDATA BLOB)");
    }

    /** An empty database in the layout of a recent iOS. */
    public static ShortcutsDatabase create() {
        return new ShortcutsDatabase(Layout.CURRENT);
    }

    /** An empty database in the given layout. */
    public static ShortcutsDatabase create(Layout layout) {
        return new ShortcutsDatabase(layout);
    }

    /** One action: its identifier and parameters. */
    public static Map<String, Object> action(String identifier, Map<String, Object> parameters) {
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("WFWorkflowActionIdentifier", identifier);
        action.put("WFWorkflowActionParameters", parameters);
        return action;
    }

    /** Adds a shortcut with these actions (written as a binary plist); {@code description} dropped when older. */
    public ShortcutsDatabase shortcut(String name, String description, Instant created, Instant modified,
                                      List<Map<String, Object>> actions) {
        return shortcut(name, description, created, modified, PlistFixture.binary(actions));
    }

    /** Adds a shortcut whose action data is these raw bytes. */
    public ShortcutsDatabase shortcut(String name, String description, Instant created, Instant modified,
                                      byte[] actionData) {
        long pk = ++nextPk;
        List<String> columns = new ArrayList<>(List.of("Z_PK", "ZCREATIONDATE", "ZMODIFICATIONDATE", "ZNAME"));
        List<Object> values = new ArrayList<>(Arrays.asList(pk, CocoaTime.seconds(created),
                CocoaTime.seconds(modified), name));
        if (layout == Layout.CURRENT) {
            columns.add("ZACTIONSDESCRIPTION");
            values.add(description);
        }
        statements.add(SqlLiterals.insert("ZSHORTCUT", columns, values));
        statements.add(SqlLiterals.insert("ZSHORTCUTACTIONS", List.of("ZSHORTCUT", "ZDATA"),
                Arrays.asList(pk, actionData)));
        return this;
    }

    /** The database file's bytes. */
    public byte[] bytes() {
        return SqliteFixture.bytes(statements.toArray(new String[0]));
    }
}
