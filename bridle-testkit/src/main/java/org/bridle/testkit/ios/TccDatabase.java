package org.bridle.testkit.ios;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bridle.testkit.SqliteFixture;

/**
 * Writes a {@code TCC.db} (privacy permissions: the {@code access} table). {@link Layout#IOS_14} records
 * {@code auth_value}/{@code auth_reason}; {@link Layout#IOS_12} records {@code allowed}/{@code prompt_count} and
 * {@code last_modified}; {@link Layout#IOS_9} the same without {@code last_modified}.
 */
public final class TccDatabase {
    /** The iOS version whose layout is written. */
    public enum Layout { IOS_14, IOS_12, IOS_9 }

    /** {@code client_type} of a client named by bundle id. */
    public static final int BUNDLE_ID = 0;
    /** {@code client_type} of a client named by executable path. */
    public static final int ABSOLUTE_PATH = 1;

    private final Layout layout;
    private final List<String> statements = new ArrayList<>();

    private TccDatabase(Layout layout) {
        this.layout = layout;
        statements.add(switch (layout) {
            case IOS_14 -> "CREATE TABLE access (service TEXT NOT NULL, client TEXT NOT NULL, "
                    + "client_type INTEGER NOT NULL, auth_value INTEGER NOT NULL, auth_reason INTEGER NOT NULL, "
                    + "auth_version INTEGER NOT NULL, csreq BLOB, policy_id INTEGER, "
                    + "indirect_object_identifier_type INTEGER, "
                    + "indirect_object_identifier TEXT NOT NULL DEFAULT 'UNUSED', indirect_object_code_identity BLOB, "
                    + "flags INTEGER, last_modified INTEGER NOT NULL DEFAULT (CAST(strftime('%s','now') AS INTEGER)), "
                    + "PRIMARY KEY (service, client, client_type, indirect_object_identifier))";
            case IOS_12 -> "CREATE TABLE access (service TEXT NOT NULL, client TEXT NOT NULL, "
                    + "client_type INTEGER NOT NULL, allowed INTEGER NOT NULL, prompt_count INTEGER NOT NULL, "
                    + "csreq BLOB, policy_id INTEGER, indirect_object_identifier_type INTEGER, "
                    + "indirect_object_identifier TEXT, indirect_object_code_identity BLOB, flags INTEGER, "
                    + "last_modified INTEGER NOT NULL DEFAULT (CAST(strftime('%s','now') AS INTEGER)), "
                    + "PRIMARY KEY (service, client, client_type))";
            case IOS_9 -> "CREATE TABLE access (service TEXT NOT NULL, client TEXT NOT NULL, "
                    + "client_type INTEGER NOT NULL, allowed INTEGER NOT NULL, prompt_count INTEGER NOT NULL, "
                    + "csreq BLOB, PRIMARY KEY (service, client, client_type))";
        });
    }

    /** An empty database in the layout of a recent iOS. */
    public static TccDatabase create() {
        return new TccDatabase(Layout.IOS_14);
    }

    /** An empty database in the given layout. */
    public static TccDatabase create(Layout layout) {
        return new TccDatabase(layout);
    }

    /**
     * Adds a permission decision.
     *
     * @param clientType {@link #BUNDLE_ID} or {@link #ABSOLUTE_PATH}
     * @param value in the iOS 14 layout {@code auth_value} (0 denied, 1 unknown, 2 allowed, 3 limited); in older
     *     layouts {@code allowed} (0 or 1)
     * @param reasonOrPrompts {@code auth_reason} in the iOS 14 layout, else {@code prompt_count}
     * @param lastModified when it was decided; dropped in the iOS 9 layout
     */
    public TccDatabase access(String service, String client, int clientType, int value, int reasonOrPrompts,
                              Instant lastModified) {
        List<String> columns = new ArrayList<>(List.of("service", "client", "client_type"));
        List<Object> values = new ArrayList<>(Arrays.asList(service, client, clientType, value, reasonOrPrompts));
        if (layout == Layout.IOS_14) {
            columns.addAll(List.of("auth_value", "auth_reason", "auth_version"));
            values.add(1);
        } else {
            columns.addAll(List.of("allowed", "prompt_count"));
        }
        if (layout != Layout.IOS_9) {
            columns.add("last_modified");
            values.add(lastModified.getEpochSecond());
        }
        statements.add(SqlLiterals.insert("access", columns, values));
        return this;
    }

    /** The database file's bytes. */
    public byte[] bytes() {
        return SqliteFixture.bytes(statements.toArray(new String[0]));
    }
}
