package org.bridle.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bridle.core.source.EvidenceFile;
import org.bridle.core.source.LocalEvidenceFile;
import org.bridle.testkit.SqliteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SqliteEvidence#scan} reads a table from the database file; every value of every row must be what SQLite
 * gives for {@code SELECT rowid AS rowid, * FROM table ORDER BY rowid} (read with the statement's {@link SqlRow}),
 * through every accessor, in databases of many shapes written by SQLite itself.
 */
class SqliteScanTest {
    /** Values of every storage class and their edges, as SQL literals. */
    static final List<String> EDGES = List.of("NULL", "0", "1", "-1", "2", "127", "128", "-128", "-129", "32767",
            "32768", "-32769", "8388607", "8388608", "-8388609", "2147483647", "2147483648", "-2147483649",
            "140737488355327", "140737488355328", "-140737488355329", "9223372036854775807", "-9223372036854775808",
            "0.1", "-0.0", "1e300", "1e999", "-1e999", "2.5", "3.0", "-4.0", "1e19", "-7.9e18", "123456789.123456789",
            "''", "' 42 '", "'42'", "'-7'", "'3.5'", "' 2.5e3 '", "'abc'", "'1e999'", "'NaN'",
            "'9223372036854775808'", "'é ü 日本 😀'", "'a' || char(0) || 'b'", "CAST(x'ff41c3' AS TEXT)",
            "CAST(x'eda080' AS TEXT)", "CAST(x'00d8' AS TEXT)", "CAST(x'3dd800de41' AS TEXT)", "CAST(x'00dc4100' AS TEXT)",
            "x''", "x'00ff'", "x'c3a9'", "x'f09f9880'", "x'ff'", "x'3432'", "zeroblob(3)");
    /** Columns of every declared affinity, and a REAL one spelt otherwise. */
    static final String COLUMNS = "t TEXT, i INTEGER, r REAL, b BLOB, n NUMERIC, plain, d DOUBLE PRECISION, "
            + "v VARCHAR(20)";
    static final int COLUMN_COUNT = 8;

    @TempDir
    Path dir;

    static EvidenceFile local(Path file) {
        return new LocalEvidenceFile("private/var/test.db", file.getFileName().toString(), file, s -> Optional.empty());
    }

    /** Every value of every row through every accessor, as the scan reads them and as SQLite's statement does. */
    static void assertScanMatchesSqlite(EvidenceFile file, String table, boolean readsFile) throws Exception {
        try (ScratchDirectory scratch = ScratchDirectory.create();
             SqliteEvidence db = SqliteEvidence.open(file, scratch)) {
            assertThat(db.readsFile(table)).as("read from the file").isEqualTo(readsFile);
            List<String> labels = new ArrayList<>(List.of("rowid", "ROWID", "absent"));
            labels.addAll(db.columns(table));
            List<String> scanned = new ArrayList<>();
            db.scan(table, row -> values(row, labels, scanned));
            List<String> queried = new ArrayList<>();
            db.query(db.scanSql(table), row -> values(row, labels, queried));
            assertThat(scanned).isNotEmpty();
            for (int i = 0; i < Math.min(scanned.size(), queried.size()); i++) {
                assertThat(scanned.get(i)).as("row %d of %s", i, table).isEqualTo(queried.get(i));
            }
            assertThat(scanned).hasSameSizeAs(queried);
        }
    }

    private static void values(SqlRow row, List<String> labels, List<String> out) throws Exception {
        StringBuilder line = new StringBuilder();
        for (String label : labels) {
            line.append(label).append(": has ").append(row.has(label))
                    .append(" string ").append(row.string(label))
                    .append(" integer ").append(row.integer(label))
                    .append(" real ").append(row.real(label))
                    .append(" bytes ").append(Arrays.toString(row.bytes(label)))
                    .append(" flag ").append(row.flag(label))
                    .append(" value ").append(describe(row.value(label)));
            try {
                line.append(" cocoa ").append(row.cocoaTime(label));
            } catch (RuntimeException outOfRange) {
                line.append(" cocoa ").append(outOfRange.getClass().getSimpleName());
            }
            line.append('\n');
        }
        String text = line.toString();
        out.add(text.length() <= 4000 ? text : text.substring(0, 1000) + "… sha-256 "
                + hex(java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(
                        java.nio.charset.StandardCharsets.UTF_8))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "UTF-16le", "UTF-16be"})
    void readsEveryStorageClassInEveryAffinity(String encoding) throws Exception {
        Path db = dir.resolve("edges.db");
        try (SqliteFixture f = SqliteFixture.create(db)) {
            f.execute("PRAGMA encoding = '" + encoding + "'");
            f.execute("CREATE TABLE v (id INTEGER PRIMARY KEY, " + COLUMNS + ")");
            f.execute("CREATE TABLE noalias (id INT PRIMARY KEY, " + COLUMNS + ")");
            for (String value : EDGES) {
                String values = String.join(", ", java.util.Collections.nCopies(COLUMN_COUNT, value));
                f.execute("INSERT INTO v VALUES (NULL, " + values + ")");
                f.execute("INSERT INTO noalias VALUES (" + EDGES.indexOf(value) + ", " + values + ")");
            }
        }
        assertScanMatchesSqlite(local(db), "v", true);
        assertScanMatchesSqlite(local(db), "noalias", true);
    }

    /** Random rows: small and large (overflowing) text and blobs, numbers of every size, NULLs; many pages. */
    static void writeRandom(SqliteFixture f, String table, Random random, int rows, int maxLarge) {
        f.execute("CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, " + COLUMNS + ")");
        List<Object[]> batch = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            Object[] row = new Object[COLUMN_COUNT + 1];
            row[0] = random.nextInt(10) == 0 ? null : (long) r * 3 + random.nextInt(3);
            for (int c = 1; c <= COLUMN_COUNT; c++) {
                row[c] = randomValue(random, maxLarge);
            }
            batch.add(row);
        }
        f.insert("INSERT OR REPLACE INTO " + table + " VALUES (?" + ", ?".repeat(COLUMN_COUNT) + ")", batch);
    }

    static Object randomValue(Random random, int maxLarge) {
        return switch (random.nextInt(9)) {
            case 0 -> null;
            case 1 -> random.nextLong() >> random.nextInt(64);
            case 2 -> (long) random.nextInt(3);
            case 3 -> random.nextBoolean() ? random.nextDouble() * 1e6 : (double) random.nextInt(1000);
            case 4 -> randomText(random, random.nextInt(20) == 0 ? random.nextInt(maxLarge + 1) : random.nextInt(30));
            case 5 -> {
                byte[] bytes = new byte[random.nextInt(20) == 0 ? random.nextInt(maxLarge + 1) : random.nextInt(30)];
                random.nextBytes(bytes);
                yield bytes;
            }
            case 6 -> "";
            case 7 -> new byte[0];
            default -> Long.toString(random.nextInt(100000));
        };
    }

    /** Random text of at least {@code length} chars: printable ASCII, digits, characters from U+00A0 to U+079F, emoji. */
    static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            text.appendCodePoint(switch (random.nextInt(4)) {
                case 0 -> ' ' + random.nextInt(95);
                case 1 -> '0' + random.nextInt(10);
                case 2 -> 0xA0 + random.nextInt(0x700);
                default -> 0x1F600 + random.nextInt(80);
            });
        }
        return text.toString();
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 1024, 4096, 8192, 65536})
    void readsManyRowsOverManyPagesAndOverflowChains(int pageSize) throws Exception {
        for (int seed = 1; seed <= 3; seed++) {
            Path db = dir.resolve("random-" + pageSize + "-" + seed + ".db");
            Random random = new Random(seed * 1000L + pageSize);
            String encoding = List.of("UTF-8", "UTF-16le", "UTF-16be").get(seed - 1);
            try (SqliteFixture f = SqliteFixture.create(db)) {
                f.execute("PRAGMA page_size = " + pageSize);
                f.execute("PRAGMA encoding = '" + encoding + "'");
                // large values overflow every page size; fewer rows in the largest pages keep the test short
                writeRandom(f, "r", random, pageSize == 512 ? 6000 : pageSize == 65536 ? 400 : 2500,
                        pageSize == 65536 ? pageSize + 30000 : pageSize * 3);
            }
            assertScanMatchesSqlite(local(db), "r", true);
            if (pageSize == 512) {
                assertThat(depth(db, "r")).as("levels of interior pages").isGreaterThanOrEqualTo(2);
            }
        }
    }

    /** The number of interior levels above the leaves of a table's b-tree, to show the test reaches them. */
    static int depth(Path db, String table) throws Exception {
        long root;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             var rs = c.createStatement().executeQuery("SELECT rootpage FROM sqlite_master WHERE name = '" + table + "'")) {
            root = rs.getLong(1);
        }
        byte[] bytes = Files.readAllBytes(db);
        int pageSize = ((bytes[16] & 0xff) << 8 | (bytes[17] & 0xff));
        pageSize = pageSize == 1 ? 65536 : pageSize;
        int levels = 0;
        long page = root;
        while (true) {
            int at = (int) ((page - 1) * pageSize) + (page == 1 ? 100 : 0);
            if (bytes[at] != 0x05) {
                return levels;
            }
            levels++;
            page = DatabaseFile.readInt(bytes, at + 8) & 0xffffffffL;
        }
    }

    @Test
    void readsDefaultsOfColumnsAddedLater() throws Exception {
        Path db = dir.resolve("added.db");
        List<String> defaults = List.of("NULL", "0", "1", "-5", "+7", "42", "9223372036854775807", "TRUE", "false",
                "2.5", "-0.0", "3.0", "1e10", "'text'", "'it''s'", "''", "'5'", "X'00FF'", "x''", " 12 ");
        List<String> types = List.of("", "TEXT", "INTEGER", "REAL", "NUMERIC", "BLOB", "FLOAT");
        List<String> readable = new ArrayList<>();
        try (SqliteFixture f = SqliteFixture.create(db)) {
            f.execute("CREATE TABLE a (id INTEGER PRIMARY KEY, x)");
            f.execute("INSERT INTO a (x) VALUES ('before')");
            f.execute("INSERT INTO a (x) VALUES (2)");
            int n = 0;
            for (String value : defaults) {
                for (String type : types) {
                    f.execute("ALTER TABLE a ADD COLUMN c" + n++ + " " + type + " DEFAULT " + value);
                }
            }
            f.execute("INSERT INTO a (x) VALUES ('after')");
        }
        // each default alone in a table of its own, to see which are read from the file
        for (String value : defaults) {
            for (String type : types) {
                Path one = dir.resolve("one-" + readable.size() + ".db");
                try (SqliteFixture f = SqliteFixture.create(one)) {
                    f.execute("CREATE TABLE a (x)");
                    f.execute("INSERT INTO a VALUES (1)");
                    f.execute("ALTER TABLE a ADD COLUMN c " + type + " DEFAULT " + value);
                }
                Object literal = TableLayout.defaultValue(value, TableLayout.Affinity.of(type));
                boolean byFile = literal != TableLayout.defaultValue("CURRENT_TIME", TableLayout.Affinity.BLOB);
                assertScanMatchesSqlite(local(one), "a", byFile);
                readable.add(value + " " + type + " " + byFile);
            }
        }
        assertThat(readable).contains("42 INTEGER true", "2.5 REAL true", "'it''s' TEXT true", "X'00FF' NUMERIC true",
                "1 REAL true", "TRUE TEXT true");
        // the table with every default is read through SQLite (some are not plain), with the same values
        assertScanMatchesSqlite(local(db), "a", false);
    }

    @Test
    void readsDeletedRowsFreelistAndAutoVacuumDatabases() throws Exception {
        for (String vacuum : List.of("NONE", "FULL", "INCREMENTAL")) {
            Path db = dir.resolve("deleted-" + vacuum + ".db");
            try (SqliteFixture f = SqliteFixture.create(db)) {
                f.execute("PRAGMA page_size = 1024");
                f.execute("PRAGMA auto_vacuum = " + vacuum);
                writeRandom(f, "r", new Random(vacuum.hashCode()), 3000, 5000);
                writeRandom(f, "other", new Random(7), 500, 3000);
                f.execute("DELETE FROM r WHERE id % 3 = 0");
                f.execute("DROP TABLE other");
            }
            assertScanMatchesSqlite(local(db), "r", true);
        }
    }

    @Test
    void readsPagesWithReservedBytes() throws Exception {
        Path db = dir.resolve("reserved.db");
        try (SqliteFixture f = SqliteFixture.create(db)) {
            f.execute("PRAGMA page_size = 1024");
            writeRandom(f, "r", new Random(5), 2000, 4000);
        }
        // sqlite-jdbc cannot set SQLITE_FCNTL_RESERVE_BYTES; the sqlite3 shell can (.filectrl), then VACUUM. CI
        // installs the shell (.ci/run), so there its absence fails the test; elsewhere it skips the shape.
        String absent = "no sqlite3 on the PATH to reserve bytes";
        String ci = System.getenv("CI");
        if (ci != null && !ci.isBlank()) {
            assertThat(SqliteRecovery.system().executable()).as(absent).isPresent();
        }
        assumeTrue(SqliteRecovery.system().executable().isPresent(), absent);
        Process shell = new ProcessBuilder(SqliteRecovery.system().executable().get().toString(), db.toString(),
                ".filectrl reserve_bytes 40", "VACUUM").redirectErrorStream(true).start();
        assertThat(shell.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readAllBytes(db)[20]).as("reserved bytes per page").isEqualTo((byte) 40);
        assertScanMatchesSqlite(local(db), "r", true);
    }

    @Test
    void readsAWalDatabaseCopiedWithItsLog() throws Exception {
        Path live = dir.resolve("live.db");
        Path evidence = Files.createDirectories(dir.resolve("evidence")).resolve("sms.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + live); Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = WAL");
            st.execute("PRAGMA wal_autocheckpoint = 0");
            st.execute("CREATE TABLE r (id INTEGER PRIMARY KEY, t TEXT, r REAL)");
            st.execute("INSERT INTO r (t, r) VALUES ('in the file', 1)");
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            st.execute("INSERT INTO r (t, r) VALUES ('only in the log', 2.5)");
            st.execute("UPDATE r SET t = 'changed in the log' WHERE id = 1");
            for (int i = 0; i < 500; i++) {
                st.execute("INSERT INTO r (t, r) VALUES ('row " + i + "', " + i + ")");
            }
            Files.copy(live, evidence);
            Files.copy(dir.resolve("live.db-wal"), dir.resolve("evidence/sms.db-wal"));
        }
        assertThat(Files.size(dir.resolve("evidence/sms.db-wal"))).isPositive();
        EvidenceFile file = new LocalEvidenceFile("private/var/sms.db", "sms.db", evidence, s -> Optional.empty());
        assertScanMatchesSqlite(file, "r", true);
        List<String> texts = new ArrayList<>();
        try (ScratchDirectory scratch = ScratchDirectory.create(); SqliteEvidence db = SqliteEvidence.open(file, scratch)) {
            db.scan("r", row -> texts.add(row.string("t")));
        }
        assertThat(texts).hasSize(502).startsWith("changed in the log", "only in the log");
        assertThat(Files.size(dir.resolve("evidence/sms.db-wal"))).as("the evidence's log untouched").isPositive();
    }

    @Test
    void readsTablesItCannotDescribeThroughSqlite() throws Exception {
        Path db = dir.resolve("other.db");
        try (SqliteFixture f = SqliteFixture.create(db)) {
            f.execute("CREATE TABLE wr (k TEXT PRIMARY KEY, v) WITHOUT ROWID");
            f.execute("CREATE TABLE gen (a INTEGER, b AS (a * 2), c TEXT)");
            f.execute("CREATE TABLE descending (id INTEGER PRIMARY KEY DESC, v)");
            f.execute("CREATE TABLE named (rowid TEXT, v)");
            f.execute("CREATE TABLE \"odd \"\"name\" (v)");
            f.execute("CREATE TABLE dflt (v, w DEFAULT CURRENT_TIMESTAMP)");
            for (int i = 0; i < 50; i++) {
                f.execute("INSERT INTO wr VALUES ('k" + i + "', " + i + ")");
                f.execute("INSERT INTO gen (a, c) VALUES (" + i + ", 'c')");
                f.execute("INSERT INTO descending VALUES (" + (i * 7 % 50) + ", " + i + ")");
                f.execute("INSERT INTO named VALUES ('n" + i + "', " + i + ")");
                f.execute("INSERT INTO \"odd \"\"name\" VALUES (" + i + ")");
                f.execute("INSERT INTO dflt (v) VALUES (" + i + ")");
            }
        }
        assertScanMatchesSqlite(local(db), "wr", false);
        assertScanMatchesSqlite(local(db), "gen", false);
        assertScanMatchesSqlite(local(db), "descending", false);
        assertScanMatchesSqlite(local(db), "dflt", false);
        assertScanMatchesSqlite(local(db), "named", true);
        assertScanMatchesSqlite(local(db), "odd \"name", true);
    }

    @Test
    void readsADatabaseInMemoryThroughSqlite() throws Exception {
        Path db = dir.resolve("memory.db");
        try (SqliteFixture f = SqliteFixture.create(db)) {
            writeRandom(f, "r", new Random(3), 300, 3000);
        }
        byte[] content = Files.readAllBytes(db);
        EvidenceFile inMemory = new org.bridle.core.source.MemoryEvidenceFile("private/var/m.db", "m.db", content);
        assertScanMatchesSqlite(inMemory, "r", false);
        assertScanMatchesSqlite(local(db), "r", true);
    }

    private static String describe(Object value) {
        return value instanceof byte[] bytes ? "blob " + Arrays.toString(bytes)
                : value == null ? "null" : value.getClass().getSimpleName() + " " + value;
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
