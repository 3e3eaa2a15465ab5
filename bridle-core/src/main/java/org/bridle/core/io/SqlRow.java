package org.bridle.core.io;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.sqlite.core.Codes;
import org.sqlite.core.CoreStatement;
import org.sqlite.core.DB;
import org.sqlite.core.SafeStmtPtr;

/**
 * The current row of a query, read by column label. A label the query does not return reads as null, so artifacts
 * can select only the columns a database version has and read the rest as absent.
 *
 * <p>Values are read from sqlite-jdbc's statement directly: the value's storage class once, then the one native
 * call that reads it, under one lock. They are exactly what {@code ResultSet.getObject} (which asks for the storage
 * class twice for a REAL and passes text through a direct buffer) would give, converted as the methods below say.
 */
public final class SqlRow {
    /** Stands for a label the query does not return. */
    private static final int ABSENT = 0;

    private final SafeStmtPtr statement;
    private final boolean utf8Text;
    private final Map<String, Integer> index = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    /** The column of each label as artifacts spell it, resolved once per query rather than once per row. */
    private final Map<String, Integer> resolved = new HashMap<>();
    /** The column the readers below read, counted from 0; {@link #read} sets it. */
    private int reading;
    /**
     * The readers of one value, made once rather than as a lambda per value. A row is read by one thread at a time.
     */
    private final SafeStmtPtr.SafePtrFunction<String, SQLException> stringAt = this::stringAt;
    private final SafeStmtPtr.SafePtrFunction<Long, SQLException> integerAt = this::integerAt;
    private final SafeStmtPtr.SafePtrFunction<Double, SQLException> realAt = this::realAt;
    private final SafeStmtPtr.SafePtrFunction<byte[], SQLException> bytesAt =
            (db, stmt) -> db.column_blob(stmt, reading);

    /**
     * @param rs a result set of sqlite-jdbc
     * @param utf8Text true when the database stores text as UTF-8 ({@code PRAGMA encoding}), so that a text value's
     *     stored bytes are its UTF-8 bytes
     */
    SqlRow(ResultSet rs, boolean utf8Text) throws SQLException {
        this.statement = ((CoreStatement) rs.getStatement()).pointer;
        this.utf8Text = utf8Text;
        ResultSetMetaData meta = rs.getMetaData();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            index.putIfAbsent(meta.getColumnLabel(i), i);
        }
    }

    /** True when the query returns this column. */
    public boolean has(String column) {
        return column(column) != ABSENT;
    }

    private int column(String label) {
        Integer known = resolved.get(label);
        if (known == null) {
            known = index.getOrDefault(label, ABSENT);
            resolved.put(label, known);
        }
        return known;
    }

    /** The value as text, or null when it is NULL or not returned. */
    public String string(String column) throws SQLException {
        return read(column, stringAt);
    }

    /** The value as a whole number, or null when it is NULL, not a number, or not returned. */
    public Long integer(String column) throws SQLException {
        return read(column, integerAt);
    }

    /** The value as a real number, or null when it is NULL, not a number, or not returned. */
    public Double real(String column) throws SQLException {
        return read(column, realAt);
    }

    /** Reads the labelled column of the current row with one of the readers below, under the statement's lock. */
    private <T> T read(String label, SafeStmtPtr.SafePtrFunction<T, SQLException> reader) throws SQLException {
        int i = column(label);
        if (i == ABSENT) {
            return null;
        }
        reading = i - 1;
        return statement.safeRun(reader);
    }

    private String stringAt(DB db, long stmt) throws SQLException {
        return switch (db.column_type(stmt, reading)) {
            case Codes.SQLITE_NULL -> null;
            case Codes.SQLITE_INTEGER -> Long.toString(db.column_long(stmt, reading));
            case Codes.SQLITE_FLOAT -> Double.toString(db.column_double(stmt, reading));
            case Codes.SQLITE_BLOB -> new String(db.column_blob(stmt, reading), StandardCharsets.UTF_8);
            default -> text(db, stmt);
        };
    }

    private Long integerAt(DB db, long stmt) throws SQLException {
        return switch (db.column_type(stmt, reading)) {
            case Codes.SQLITE_INTEGER -> db.column_long(stmt, reading);
            case Codes.SQLITE_FLOAT -> (long) db.column_double(stmt, reading);
            case Codes.SQLITE_NULL, Codes.SQLITE_BLOB -> null;
            default -> parseLong(text(db, stmt));
        };
    }

    private Double realAt(DB db, long stmt) throws SQLException {
        return switch (db.column_type(stmt, reading)) {
            case Codes.SQLITE_INTEGER -> (double) db.column_long(stmt, reading);
            case Codes.SQLITE_FLOAT -> db.column_double(stmt, reading);
            case Codes.SQLITE_NULL, Codes.SQLITE_BLOB -> null;
            default -> parseDouble(text(db, stmt));
        };
    }

    /** A TEXT value: its stored bytes when they are UTF-8 (one copy into the heap), else SQLite's UTF-8 of it. */
    private String text(DB db, long stmt) throws SQLException {
        return utf8Text ? new String(db.column_blob(stmt, reading), StandardCharsets.UTF_8)
                : db.column_text(stmt, reading);
    }

    private static Long parseLong(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException notNumber) {
            return null;
        }
    }

    private static Double parseDouble(String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException notNumber) {
            return null;
        }
    }

    /** The value as a boolean (true when non-zero), or null when it is NULL, not a number, or not returned. */
    public Boolean flag(String column) throws SQLException {
        Long value = integer(column);
        return value == null ? null : value != 0;
    }

    /**
     * The value as a Cocoa time (seconds since 2001-01-01 UTC, as Core Data and most Apple databases store dates), or
     * null when it is NULL, not a number, not returned, or 0 (an unset date).
     */
    public Instant cocoaTime(String column) throws SQLException {
        Double seconds = real(column);
        return seconds == null || seconds == 0 ? null : AppleTime.fromCocoaSeconds(seconds);
    }

    /** The value as bytes, or null when it is NULL or not returned. */
    public byte[] bytes(String column) throws SQLException {
        return read(column, bytesAt);
    }
}
