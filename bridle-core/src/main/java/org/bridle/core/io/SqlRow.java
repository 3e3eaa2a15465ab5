package org.bridle.core.io;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The current row of a query, read by column label. A label the query does not return reads as null, so artifacts
 * can select only the columns a database version has and read the rest as absent.
 */
public final class SqlRow {
    /** Stands for a label the query does not return. */
    private static final int ABSENT = 0;

    private final ResultSet rs;
    private final Map<String, Integer> index = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    /** The column of each label as artifacts spell it, resolved once per query rather than once per row. */
    private final Map<String, Integer> resolved = new HashMap<>();

    SqlRow(ResultSet rs) throws SQLException {
        this.rs = rs;
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
        int i = column(column);
        if (i == ABSENT) {
            return null;
        }
        Object value = rs.getObject(i);
        if (value instanceof byte[] bytes) {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }

    /** The value as a whole number, or null when it is NULL, not a number, or not returned. */
    public Long integer(String column) throws SQLException {
        int i = column(column);
        if (i == ABSENT) {
            return null;
        }
        Object value = rs.getObject(i);
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException notNumber) {
                return null;
            }
        }
        return null;
    }

    /** The value as a real number, or null when it is NULL, not a number, or not returned. */
    public Double real(String column) throws SQLException {
        int i = column(column);
        if (i == ABSENT) {
            return null;
        }
        Object value = rs.getObject(i);
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException notNumber) {
                return null;
            }
        }
        return null;
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
        int i = column(column);
        return i == ABSENT ? null : rs.getBytes(i);
    }
}
