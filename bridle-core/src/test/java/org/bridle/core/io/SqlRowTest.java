package org.bridle.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.bridle.core.source.LocalEvidenceFile;
import org.bridle.testkit.SqliteFixture;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SqlRow} reads values from sqlite-jdbc's statement directly; it must give what the former reading through
 * {@code ResultSet.getObject} gave for every storage class in every column, whatever the database's text encoding.
 */
class SqlRowTest {
    /** Columns of every declared affinity, each of which holds values of every storage class. */
    private static final List<String> COLUMNS = List.of("t", "i", "r", "b", "n", "plain");

    /** Values of every storage class and their edges, as SQL literals. */
    private static final List<String> EDGES = List.of("NULL", "0", "1", "-1", "2147483647", "2147483648",
            "-2147483649", "9223372036854775807", "-9223372036854775808", "0.1", "-0.0", "1e300", "1e999", "-1e999",
            "2.5", "1e19", "-7.9e18", "123456789.123456789", "''", "' 42 '", "'42'", "'-7'", "'3.5'", "' 2.5e3 '",
            "'abc'", "'1e999'", "'NaN'", "'9223372036854775808'", "'é ü 日本 😀'", "'a' || char(0) || 'b'",
            "CAST(x'ff41c3' AS TEXT)", "CAST(x'eda080' AS TEXT)", "x''", "x'00ff'", "x'c3a9'", "x'f09f9880'",
            "x'ff'", "x'3432'", "zeroblob(3)");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "UTF-16le", "UTF-16be"})
    void readsEveryStorageClassInEveryColumnAsGetObjectDid(String encoding) throws Exception {
        Path db = dir.resolve("values.db");
        List<String> values = new ArrayList<>(EDGES);
        Random random = new Random(17);
        for (int i = 0; i < 300; i++) {
            values.add(randomLiteral(random));
        }
        try (SqliteFixture f = SqliteFixture.create(db)) {
            f.execute("PRAGMA encoding = '" + encoding + "'");
            f.execute("CREATE TABLE v (id INTEGER PRIMARY KEY, t TEXT, i INTEGER, r REAL, b BLOB, n NUMERIC, plain)");
            int id = 0;
            for (String value : values) {
                f.execute("INSERT INTO v VALUES (" + id++ + ", " + String.join(", ", java.util.Collections.nCopies(
                        COLUMNS.size(), value)) + ")");
            }
        }
        String sql = "SELECT * FROM v ORDER BY id";

        List<String> expected = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            for (Reading reading : Reading.values()) {
                try (ResultSet rs = st.executeQuery(sql)) {
                    while (rs.next()) {
                        for (int column = 2; column <= COLUMNS.size() + 1; column++) {
                            expected.add(reading.former(rs, column));
                        }
                    }
                }
            }
        }
        List<String> actual = new ArrayList<>();
        try (ScratchDirectory scratch = ScratchDirectory.create();
             SqliteEvidence evidence = SqliteEvidence.open(
                     new LocalEvidenceFile("values.db", "values.db", db, s -> Optional.empty()), scratch)) {
            for (Reading reading : Reading.values()) {
                evidence.query(sql, row -> {
                    for (String column : COLUMNS) {
                        actual.add(reading.now(row, column));
                    }
                });
            }
        }

        assertThat(actual).hasSize(Reading.values().length * values.size() * COLUMNS.size());
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    private static String randomLiteral(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> Long.toString(random.nextLong() >> random.nextInt(64));
            case 1 -> Double.toString(Double.longBitsToDouble(random.nextLong())).replace("NaN", "0.5")
                    .replace("Infinity", "1e999");
            case 2 -> "'" + SqliteScanTest.randomText(random, random.nextInt(12)).replace("'", "''") + "'";
            case 3 -> "x'" + java.util.HexFormat.of().formatHex(randomBytes(random)) + "'";
            default -> "NULL";
        };
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(8)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Each way of reading a value: as {@link SqlRow} reads it now, and as it read it from {@code getObject}. */
    private enum Reading {
        STRING {
            @Override
            String now(SqlRow row, String column) throws Exception {
                return String.valueOf(row.string(column));
            }

            @Override
            String former(Object value) {
                if (value instanceof byte[] bytes) {
                    return new String(bytes, StandardCharsets.UTF_8);
                }
                return String.valueOf(value == null ? null : value.toString());
            }
        },
        INTEGER {
            @Override
            String now(SqlRow row, String column) throws Exception {
                return String.valueOf(row.integer(column));
            }

            @Override
            String former(Object value) {
                return formerNumber(value, Number::longValue, Long::parseLong);
            }
        },
        REAL {
            @Override
            String now(SqlRow row, String column) throws Exception {
                return String.valueOf(row.real(column));
            }

            @Override
            String former(Object value) {
                return formerNumber(value, Number::doubleValue, Double::parseDouble);
            }
        },
        BYTES {
            @Override
            String now(SqlRow row, String column) throws Exception {
                return Arrays.toString(row.bytes(column));
            }

            @Override
            String former(ResultSet rs, int column) throws Exception {
                return Arrays.toString(rs.getBytes(column));
            }
        };

        abstract String now(SqlRow row, String column) throws Exception;

        /** What the former {@code SqlRow} made of the value, which it read with {@code getObject}. */
        String former(ResultSet rs, int column) throws Exception {
            return former(rs.getObject(column));
        }

        String former(Object value) {
            throw new UnsupportedOperationException();
        }

        /** A number as the former reading gave it: its {@code fromNumber}, a text's {@code parse} after trimming. */
        static String formerNumber(Object value, Function<Number, Object> fromNumber, Function<String, Object> parse) {
            if (value instanceof Number n) {
                return String.valueOf(fromNumber.apply(n));
            }
            if (value instanceof String s) {
                try {
                    return String.valueOf(parse.apply(s.trim()));
                } catch (NumberFormatException notNumber) {
                    return "null";
                }
            }
            return "null";
        }
    }
}
