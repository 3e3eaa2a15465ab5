package org.bridle.core.io;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The current row of a query or a table scan, read by column label (compared case-insensitively; the first column
 * of a label wins). A label the row does not have reads as null, so artifacts can select only the columns a
 * database version has and read the rest as absent.
 *
 * <p>The values come from a {@link SqlValues} source (a sqlite-jdbc statement, or a record decoded from the database
 * file) in SQLite's storage classes, and are converted here, the same for both sources, as the methods below say.
 * They are exactly what {@code ResultSet.getObject} would give, converted so.
 */
public final class SqlRow {
    /** Stands for a label the row does not have. */
    private static final int ABSENT = -1;

    private final SqlValues values;
    private final Map<String, Integer> index = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    /** The column of each label as artifacts spell it, resolved once per query rather than once per row. */
    private final Map<String, Integer> resolved = new HashMap<>();

    /**
     * @param values the source of the values
     * @param labels the label of each column, in the source's column order
     */
    SqlRow(SqlValues values, List<String> labels) {
        this.values = values;
        for (int i = 0; i < labels.size(); i++) {
            index.putIfAbsent(labels.get(i), i);
        }
    }

    /** True when the row has this column. */
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

    /** Reads the labelled column; returns its storage class, or {@link SqlValues#NULL} when the row lacks it. */
    private int load(String label) throws SQLException {
        int i = column(label);
        return i == ABSENT ? SqlValues.NULL : values.load(i);
    }

    /** The value as text (a BLOB's bytes as UTF-8), or null when it is NULL or absent. */
    public String string(String column) throws SQLException {
        return switch (load(column)) {
            case SqlValues.INTEGER -> Long.toString(values.integer());
            case SqlValues.FLOAT -> Double.toString(values.real());
            case SqlValues.BLOB -> new String(values.bytes(), StandardCharsets.UTF_8);
            case SqlValues.TEXT -> values.text();
            default -> null;
        };
    }

    /** The value as a whole number (a real one cut, a text one parsed), or null when it is NULL, not a number, or absent. */
    public Long integer(String column) throws SQLException {
        return switch (load(column)) {
            case SqlValues.INTEGER -> values.integer();
            case SqlValues.FLOAT -> (long) values.real();
            case SqlValues.TEXT -> parseLong(values.text());
            default -> null;
        };
    }

    /**
     * The value as SQLite stores it, as {@code ResultSet.getObject} gives it: a Long (INTEGER), a Double (REAL), a
     * String (TEXT), a byte[] (BLOB), or null when it is NULL or absent.
     */
    public Object value(String column) throws SQLException {
        return switch (load(column)) {
            case SqlValues.INTEGER -> values.integer();
            case SqlValues.FLOAT -> values.real();
            case SqlValues.TEXT -> values.text();
            case SqlValues.BLOB -> values.bytes();
            default -> null;
        };
    }

    /** The value as a real number, or null when it is NULL, not a number, or absent. */
    public Double real(String column) throws SQLException {
        return switch (load(column)) {
            case SqlValues.INTEGER -> (double) values.integer();
            case SqlValues.FLOAT -> values.real();
            case SqlValues.TEXT -> parseDouble(values.text());
            default -> null;
        };
    }

    /**
     * The value as bytes, as sqlite-jdbc gives them: a BLOB's bytes, a TEXT's or a number's text as SQLite's UTF-8
     * of it; null when it is NULL or absent.
     */
    public byte[] bytes(String column) throws SQLException {
        return switch (load(column)) {
            case SqlValues.INTEGER -> Long.toString(values.integer()).getBytes(StandardCharsets.US_ASCII);
            case SqlValues.FLOAT -> values.realBytes(values.real());
            case SqlValues.TEXT, SqlValues.BLOB -> values.bytes();
            default -> null;
        };
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

    /** The value as a boolean (true when non-zero), or null when it is NULL, not a number, or absent. */
    public Boolean flag(String column) throws SQLException {
        Long value = integer(column);
        return value == null ? null : value != 0;
    }

    /**
     * The value as a Cocoa time (seconds since 2001-01-01 UTC, as Core Data and most Apple databases store dates), or
     * null when it is NULL, not a number, absent, or 0 (an unset date).
     */
    public Instant cocoaTime(String column) throws SQLException {
        Double seconds = real(column);
        return seconds == null || seconds == 0 ? null : AppleTime.fromCocoaSeconds(seconds);
    }
}
