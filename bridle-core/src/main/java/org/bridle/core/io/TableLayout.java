package org.bridle.core.io;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a rowid table's records are laid out, as its schema says, for {@link RecordValues}: its root page and, in
 * record order, each column's name, whether it has REAL affinity, and the value it reads as when a record lacks it
 * (its default). Read through SQLite ({@code sqlite_schema} and {@code PRAGMA table_xinfo}).
 *
 * <p>{@link #read} returns null for a table this layout cannot describe exactly, which is then read through SQLite:
 * a view, virtual or WITHOUT ROWID table, one with generated or hidden columns, a descending INTEGER PRIMARY KEY, or a
 * default that is not a plain literal (NULL, TRUE, FALSE, a number, a quoted string, X'hex').
 */
final class TableLayout {
    /** A descending key somewhere in the table's SQL: an INTEGER PRIMARY KEY DESC is not the rowid's alias. */
    private static final Pattern DESCENDING = Pattern.compile("\\bDESC\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern WITHOUT_ROWID = Pattern.compile("WITHOUT\\s+ROWID", Pattern.CASE_INSENSITIVE);
    private static final Pattern INTEGER_LITERAL = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern REAL_LITERAL = Pattern.compile("[+-]?(?:[0-9]+\\.[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?"
            + "|[+-]?[0-9]+[eE][+-]?[0-9]+");
    private static final Pattern STRING_LITERAL = Pattern.compile("'((?:[^']|'')*)'", Pattern.DOTALL);
    private static final Pattern BLOB_LITERAL = Pattern.compile("[xX]'((?:[0-9a-fA-F]{2})*)'");
    /** Stands for a default this layout cannot give exactly. */
    private static final Object UNSUPPORTED = new Object();

    private final long rootPage;
    private final List<String> labels;
    private final boolean[] realAffinity;
    private final Object[] defaults;
    private final int rowidAlias;

    private TableLayout(long rootPage, List<String> labels, boolean[] realAffinity, Object[] defaults,
                        int rowidAlias) {
        this.rootPage = rootPage;
        this.labels = labels;
        this.realAffinity = realAffinity;
        this.defaults = defaults;
        this.rowidAlias = rowidAlias;
    }

    /** The schema's SQL of a table, or null when there is no table of that name. */
    static String tableSql(Connection connection, String table) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ? COLLATE NOCASE")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** True when the table's SQL declares it WITHOUT ROWID. */
    static boolean withoutRowid(String sql) {
        return sql != null && WITHOUT_ROWID.matcher(sql).find();
    }

    /** The layout of a table, or null when it must be read through SQLite (see the class comment). */
    static TableLayout read(Connection connection, String table) throws SQLException {
        long root;
        String sql;
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT rootpage, sql FROM sqlite_master WHERE type = 'table' AND name = ? COLLATE NOCASE")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                root = rs.getLong(1);
                sql = rs.getString(2);
                if (rs.next()) {
                    return null;
                }
            }
        }
        if (root < 1 || sql == null || withoutRowid(sql) || !sql.regionMatches(true, 0, "CREATE TABLE", 0, 12)
                || DESCENDING.matcher(sql).find()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<String> defaultTexts = new ArrayList<>();
        List<Integer> keys = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT name, type, dflt_value, pk, hidden FROM pragma_table_xinfo(?)")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    if (rs.getInt(5) != 0) {
                        return null;
                    }
                    names.add(rs.getString(1));
                    types.add(rs.getString(2) == null ? "" : rs.getString(2));
                    defaultTexts.add(rs.getString(3));
                    keys.add(rs.getInt(4));
                }
            }
        }
        if (names.isEmpty()) {
            return null;
        }
        int n = names.size();
        int alias = -1;
        int keyCount = 0;
        for (int i = 0; i < n; i++) {
            if (keys.get(i) != 0) {
                keyCount++;
                alias = i;
            }
        }
        if (keyCount != 1 || !"INTEGER".equalsIgnoreCase(types.get(alias))) {
            alias = -1;
        }
        boolean[] real = new boolean[n];
        Object[] defaults = new Object[n];
        boolean rowidColumn = false;
        for (int i = 0; i < n; i++) {
            Affinity affinity = Affinity.of(types.get(i));
            real[i] = affinity == Affinity.REAL;
            defaults[i] = defaultValue(defaultTexts.get(i), affinity);
            if (defaults[i] == UNSUPPORTED) {
                return null;
            }
            rowidColumn |= "rowid".equalsIgnoreCase(names.get(i));
        }
        List<String> labels = new ArrayList<>(n + 1);
        labels.add(rowidColumn ? "\0rowid" : "rowid");
        labels.addAll(names);
        return new TableLayout(root, List.copyOf(labels), real, defaults, alias);
    }

    /** SQLite's column affinity of a declared type (https://www.sqlite.org/datatype3.html, 3.1). */
    enum Affinity {
        INTEGER, TEXT, BLOB, REAL, NUMERIC;

        static Affinity of(String declared) {
            String type = declared.toUpperCase(Locale.ROOT);
            if (type.contains("INT")) {
                return INTEGER;
            }
            if (type.contains("CHAR") || type.contains("CLOB") || type.contains("TEXT")) {
                return TEXT;
            }
            if (type.contains("BLOB") || type.isEmpty()) {
                return BLOB;
            }
            if (type.contains("REAL") || type.contains("FLOA") || type.contains("DOUB")) {
                return REAL;
            }
            return NUMERIC;
        }
    }

    /**
     * The value of a default literal as SQLite reads it for a record that lacks the column (the literal with the
     * column's affinity applied): null, a Long, a Double, a String or a byte[]; {@link #UNSUPPORTED} for anything
     * this cannot give exactly.
     */
    static Object defaultValue(String literal, Affinity affinity) {
        if (literal == null) {
            return null;
        }
        String text = literal.trim();
        if (text.equalsIgnoreCase("NULL")) {
            return null;
        }
        if (text.equalsIgnoreCase("TRUE") || text.equalsIgnoreCase("FALSE")) {
            text = text.equalsIgnoreCase("TRUE") ? "1" : "0";
        }
        if (INTEGER_LITERAL.matcher(text).matches()) {
            long value;
            try {
                value = Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
            } catch (NumberFormatException tooLarge) {
                return UNSUPPORTED;
            }
            return switch (affinity) {
                case TEXT -> Long.toString(value);
                case REAL -> Math.abs(value) < (1L << 53) ? (Object) (double) value : UNSUPPORTED;
                default -> value;
            };
        }
        if (REAL_LITERAL.matcher(text).matches()) {
            double value = Double.parseDouble(text);
            value = value == 0 ? 0.0 : value; // SQLite reads -0.0 as 0.0
            return affinity == Affinity.REAL ? (Object) value : UNSUPPORTED;
        }
        Matcher string = STRING_LITERAL.matcher(text);
        if (string.matches()) {
            return affinity == Affinity.TEXT || affinity == Affinity.BLOB ? string.group(1).replace("''", "'")
                    : UNSUPPORTED;
        }
        Matcher blob = BLOB_LITERAL.matcher(text);
        if (blob.matches()) {
            return HexFormat.of().parseHex(blob.group(1));
        }
        return UNSUPPORTED;
    }

    long rootPage() {
        return rootPage;
    }

    /** The labels of a row: {@code rowid} (hidden by a column of that name), then the columns'. */
    List<String> labels() {
        return labels;
    }

    /** The number of columns (the rowid not counted). */
    int columnCount() {
        return realAffinity.length;
    }

    /** The column that is the rowid's alias (INTEGER PRIMARY KEY), or -1. */
    int rowidAlias() {
        return rowidAlias;
    }

    boolean realAffinity(int column) {
        return realAffinity[column];
    }

    /** What the column reads as in a record that lacks it. */
    Object defaultValue(int column) {
        Object value = defaults[column];
        return value instanceof byte[] blob ? blob.clone() : value;
    }
}
