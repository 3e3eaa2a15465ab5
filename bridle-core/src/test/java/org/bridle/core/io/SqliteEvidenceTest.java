package org.bridle.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bridle.core.source.EvidenceFile;
import org.bridle.core.source.LocalEvidenceFile;
import org.bridle.testkit.EvidenceSnapshot;
import org.bridle.testkit.SqliteFixture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteEvidenceTest {
    @TempDir
    Path dir;

    private EvidenceFile evidence(Path file) {
        return new LocalEvidenceFile("private/var/test.db", file.getFileName().toString(), file, s -> Optional.empty());
    }

    @Test
    void opensInPlaceWithoutCreatingSidecarsAndProbesTheSchema() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("evidence folder #1?"));
        Path db = folder.resolve("test.db");
        try (SqliteFixture f = SqliteFixture.create(db)) {
            f.execute("CREATE TABLE access (service TEXT, client TEXT, auth_value INTEGER)");
            f.insert("INSERT INTO access VALUES (?, ?, ?)", "kTCCServiceCamera", "com.example", 2);
        }
        EvidenceSnapshot before = EvidenceSnapshot.of(folder);
        List<String> rows = new ArrayList<>();
        try (ScratchDirectory scratch = ScratchDirectory.create();
             SqliteEvidence sql = SqliteEvidence.open(evidence(db), scratch)) {
            assertThat(sql.hasTable("ACCESS")).isTrue();
            assertThat(sql.hasColumn("access", "AUTH_VALUE")).isTrue();
            assertThat(sql.hasColumn("access", "allowed")).isFalse();
            assertThat(sql.columns("missing")).isEmpty();
            sql.query("SELECT service, client FROM access", row -> {
                rows.add(row.string("service") + " " + row.string("client") + " " + row.string("allowed"));
            });
            assertThat(Files.list(scratch.root())).isEmpty();
        }
        assertThat(rows).containsExactly("kTCCServiceCamera com.example null");
        assertThat(EvidenceSnapshot.of(folder)).isEqualTo(before);
    }

    /**
     * A sort larger than SQLite's page cache spills into a temporary file unless temporary storage is in memory; the
     * file is deleted as soon as it is opened, so it is seen among the process's open files ({@code /proc/self/fd}),
     * while the sorted rows are handed over.
     */
    @Test
    void sortsInMemoryWithoutATemporaryFile() throws Exception {
        Path openFiles = Path.of("/proc/self/fd");
        Assumptions.assumeTrue(Files.isDirectory(openFiles), "needs /proc to list the files the process has open");
        Path db = dir.resolve("large.db");
        try (SqliteFixture f = SqliteFixture.create(db)) {
            f.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
            f.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) "
                    + "INSERT INTO t SELECT i, printf('%08d', (i * 7919) % 20000) || hex(randomblob(150)) FROM n");
        }
        List<String> temporary = new ArrayList<>();
        int[] rows = {0};
        try (ScratchDirectory scratch = ScratchDirectory.create();
             SqliteEvidence sql = SqliteEvidence.open(evidence(db), scratch)) {
            sql.query("SELECT v FROM t ORDER BY v", row -> {
                if (rows[0]++ == 0) {
                    try (var links = Files.list(openFiles)) {
                        links.forEach(link -> {
                            try {
                                String target = Files.readSymbolicLink(link).toString();
                                if (target.contains("etilqs")) {
                                    temporary.add(target);
                                }
                            } catch (IOException gone) {
                                // the listing's own descriptor, closed since
                            }
                        });
                    }
                }
            });
        }
        assertThat(rows[0]).isEqualTo(20000);
        assertThat(temporary).isEmpty();
    }

    @Test
    void opensWhileTheDriverIsStillLoadingOnItsOwnThread() throws Exception {
        Path db = dir.resolve("early.db");
        try (SqliteFixture f = SqliteFixture.create(db)) {
            f.execute("CREATE TABLE t (v TEXT)");
            f.insert("INSERT INTO t VALUES (?)", "first");
        }
        SqliteEvidence.startLoadingDriver();
        List<String> rows = new ArrayList<>();
        try (ScratchDirectory scratch = ScratchDirectory.create();
             SqliteEvidence sql = SqliteEvidence.open(evidence(db), scratch)) {
            sql.query("SELECT v FROM t", row -> rows.add(row.string("v")));
        }
        assertThat(rows).containsExactly("first");
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("bridle-sqlite-load")) {
                assertThat(thread.isDaemon()).isTrue();
                thread.join(10_000);
                assertThat(thread.isAlive()).isFalse();
            }
        }
    }

    @Test
    void readsCocoaTimesAndFlagsWithNullAndZeroAsAbsent() throws Exception {
        Path db = dir.resolve("times.db");
        try (SqliteFixture f = SqliteFixture.create(db)) {
            f.execute("CREATE TABLE t (id INTEGER, date REAL, flag INTEGER)");
            f.execute("INSERT INTO t VALUES (1, 778000000.5, 1), (2, 0, 0), (3, NULL, NULL), (4, 'text', 7)");
        }
        List<String> rows = new ArrayList<>();
        try (ScratchDirectory scratch = ScratchDirectory.create();
             SqliteEvidence sql = SqliteEvidence.open(evidence(db), scratch)) {
            sql.query("SELECT id, date, flag FROM t ORDER BY id", row -> rows.add(row.cocoaTime("date") + " "
                    + row.flag("flag") + " " + row.cocoaTime("absent") + " " + row.flag("absent")));
        }
        assertThat(rows).containsExactly("2025-08-27T15:06:40.500Z true null null", "null false null null",
                "null null null null", "null true null null");
    }

    @Test
    void readsAWriteAheadLogFromAPrivateCopyThatIsRemovedAfterwards() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("wal"));
        Path db = folder.resolve("test.db");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db); var st = c.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA wal_autocheckpoint=0");
            st.execute("CREATE TABLE t (v TEXT)");
            st.execute("INSERT INTO t VALUES ('only in the wal')");
            Files.copy(db, dir.resolve("copy.db"));
            Files.copy(folder.resolve("test.db-wal"), dir.resolve("copy.db-wal"));
        }
        Files.delete(db);
        Files.deleteIfExists(folder.resolve("test.db-wal"));
        Files.deleteIfExists(folder.resolve("test.db-shm"));
        Files.copy(dir.resolve("copy.db"), db);
        Files.copy(dir.resolve("copy.db-wal"), folder.resolve("test.db-wal"));
        EvidenceSnapshot before = EvidenceSnapshot.of(folder);
        Path scratchRoot;
        List<String> rows = new ArrayList<>();
        try (ScratchDirectory scratch = ScratchDirectory.create()) {
            scratchRoot = scratch.root();
            try (SqliteEvidence sql = SqliteEvidence.open(evidence(db), scratch)) {
                sql.query("SELECT v FROM t", row -> rows.add(row.string("v")));
            }
        }
        assertThat(rows).containsExactly("only in the wal");
        assertThat(EvidenceSnapshot.of(folder)).isEqualTo(before);
        assertThat(scratchRoot).doesNotExist();
    }

    @Test
    void refusesWhatIsNotSqliteAndCorruptDatabases() throws Exception {
        Path text = Files.writeString(dir.resolve("text.db"), "hello, I am not a database");
        Path empty = Files.write(dir.resolve("empty.db"), new byte[0]);
        Path db = dir.resolve("real.db");
        try (SqliteFixture f = SqliteFixture.create(db)) {
            f.execute("CREATE TABLE t (v TEXT)");
        }
        byte[] content = Files.readAllBytes(db);
        Path truncated = Files.write(dir.resolve("truncated.db"), java.util.Arrays.copyOf(content, 100));
        try (ScratchDirectory scratch = ScratchDirectory.create()) {
            assertThatThrownBy(() -> SqliteEvidence.open(evidence(text), scratch))
                    .isInstanceOf(EvidenceFormatException.class).hasMessage("not an SQLite database");
            assertThatThrownBy(() -> SqliteEvidence.open(evidence(empty), scratch))
                    .isInstanceOf(EvidenceFormatException.class).hasMessage("the database file is empty");
            assertThatThrownBy(() -> SqliteEvidence.open(evidence(truncated), scratch))
                    .isInstanceOf(EvidenceFormatException.class).hasMessageStartingWith("the database is malformed");
        }
    }

    /** A database of 2,000 rows whose fifth page (a leaf of the table) has its cell pointers overwritten. */
    private Path damagedDatabase() throws Exception {
        Path db = dir.resolve("evidence").resolve("damaged.db");
        Files.createDirectories(db.getParent());
        try (SqliteFixture f = SqliteFixture.create(db)) {
            f.execute("CREATE TABLE t (id INTEGER, v TEXT)");
            for (int i = 0; i < 2000; i++) {
                f.insert("INSERT INTO t VALUES (?, ?)", i, "x".repeat(200));
            }
        }
        byte[] content = Files.readAllBytes(db);
        java.util.Arrays.fill(content, 4 * 4096 + 8, 4 * 4096 + 200, (byte) 0xff);
        Files.write(db, content);
        return db;
    }

    @Test
    void aMalformedDatabaseWithoutSqlite3IsAFailureThatSaysSo() throws Exception {
        Path db = damagedDatabase();
        SqliteRecovery none = SqliteRecovery.using(dir.resolve("no such folder").resolve("sqlite3"));
        assertThat(none.executable()).isEmpty();
        try (ScratchDirectory scratch = ScratchDirectory.create()) {
            assertThatThrownBy(() -> SqliteEvidence.open(evidence(db), scratch, none))
                    .isInstanceOf(EvidenceFormatException.class)
                    .hasMessage("the database is malformed (there is no sqlite3 shell on this machine to recover it)");
        }
    }

    @Test
    void aMalformedDatabaseIsReadFromWhatSqlite3RecoversFromAPrivateCopy() throws Exception {
        Path db = damagedDatabase();
        SqliteRecovery system = SqliteRecovery.system();
        EvidenceSnapshot before = EvidenceSnapshot.of(db.getParent());
        try (ScratchDirectory scratch = ScratchDirectory.create()) {
            if (system.executable().isEmpty()) {
                assertThatThrownBy(() -> SqliteEvidence.open(evidence(db), scratch, system))
                        .hasMessageStartingWith("the database is malformed (there is no sqlite3");
                return;
            }
            long[] rows = {0};
            try (SqliteEvidence sql = SqliteEvidence.open(evidence(db), scratch, system)) {
                assertThat(sql.recovered()).isTrue();
                sql.query("SELECT id, v FROM t", row -> rows[0]++);
            }
            assertThat(rows[0]).as("rows outside the damaged page").isBetween(1000L, 2000L);
        }
        assertThat(EvidenceSnapshot.of(db.getParent())).isEqualTo(before);
    }

    @Test
    void aFileFoundUndamagedIsCheckedAgainOnlyWhenItChanges() throws Exception {
        Path db = damagedDatabase();
        byte[] damaged = Files.readAllBytes(db);
        Path intact = dir.resolve("intact copy.db");
        try (SqliteFixture f = SqliteFixture.create(intact)) {
            f.execute("CREATE TABLE t (id INTEGER, v TEXT)");
            for (int i = 0; i < 2000; i++) {
                f.insert("INSERT INTO t VALUES (?, ?)", i, "x".repeat(200));
            }
        }
        Files.copy(intact, db, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        java.nio.file.attribute.FileTime checkedAt = Files.getLastModifiedTime(db);
        SqliteRecovery none = SqliteRecovery.using(dir.resolve("no such folder").resolve("sqlite3"));
        try (ScratchDirectory scratch = ScratchDirectory.create()) {
            SqliteEvidence.open(evidence(db), scratch, none).close();

            Files.write(db, damaged);
            Files.setLastModifiedTime(db, checkedAt);
            SqliteEvidence.open(evidence(db), scratch, none).close();

            Files.setLastModifiedTime(db, java.nio.file.attribute.FileTime.fromMillis(checkedAt.toMillis() + 1000));
            assertThatThrownBy(() -> SqliteEvidence.open(evidence(db), scratch, none))
                    .isInstanceOf(EvidenceFormatException.class).hasMessageStartingWith("the database is malformed");
        }
    }

    @Test
    void anIntactDatabaseIsNotRecovered() throws Exception {
        Path db = dir.resolve("intact.db");
        try (SqliteFixture f = SqliteFixture.create(db)) {
            f.execute("CREATE TABLE t (v TEXT)");
        }
        try (ScratchDirectory scratch = ScratchDirectory.create();
             SqliteEvidence sql = SqliteEvidence.open(evidence(db), scratch)) {
            assertThat(sql.recovered()).isFalse();
        }
    }
}
