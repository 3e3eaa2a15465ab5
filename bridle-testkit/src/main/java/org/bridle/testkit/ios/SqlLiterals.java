package org.bridle.testkit.ios;

import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/** SQL literals for the statements the writers of this package generate. */
final class SqlLiterals {
    private SqlLiterals() {
    }

    /** A literal: NULL, a number, a quoted string or an {@code X'…'} blob. */
    static String of(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        if (value instanceof byte[] bytes) {
            return "X'" + HexFormat.of().formatHex(bytes) + "'";
        }
        return "'" + value.toString().replace("'", "''") + "'";
    }

    /** {@code INSERT INTO table (columns) VALUES (literals)}. */
    static String insert(String table, List<String> columns, List<?> values) {
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + values.stream().map(SqlLiterals::of).collect(Collectors.joining(", ")) + ")";
    }
}
