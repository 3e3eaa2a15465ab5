package org.bridle.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bridle.core.io.ScratchDirectory;
import org.bridle.core.io.SqlRow;
import org.bridle.core.io.SqliteEvidence;
import org.bridle.core.source.LocalEvidenceFile;
import org.bridle.testkit.SqliteFixture;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Reading the rows of a message table shaped like sms.db's (two texts, three integers, a real, a mostly NULL blob) on
 * one thread: through {@code SqlRow} over a query, through {@code SqlRow} over a table scan decoded from the file,
 * or through {@code ResultSet.getObject} as {@code SqlRow} read before. Each operation reads every column of all
 * {@value #ROWS} rows.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
public class SqlRowBenchmark {
    static final int ROWS = 20_000;
    private static final String QUERY = "SELECT guid, text, handle_id, date, is_from_me, rate, attributedBody "
            + "FROM message ORDER BY ROWID";

    private Path folder;
    private ScratchDirectory scratch;
    private SqliteEvidence evidence;
    private Connection plain;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        folder = Files.createTempDirectory("bridle-sqlrow-bench");
        Path db = folder.resolve("sms.db");
        GeneratedNames names = new GeneratedNames(5);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            String text = "Hello " + names.label() + ", see https://" + names.label() + ".example/" + i
                    + " before the meeting with " + names.label() + " tomorrow";
            rows.add(new Object[] {"GUID-" + i, text, i % 300, 700_000_000_000_000_000L + i * 1_000_000_000L,
                i % 2, i * 0.25, i % 50 == 0 ? new byte[] {4, 11, 's', 't', 'r', 'e', 'a', 'm'} : null});
        }
        try (SqliteFixture f = SqliteFixture.create(db)) {
            f.execute("CREATE TABLE message (ROWID INTEGER PRIMARY KEY, guid TEXT, text TEXT, handle_id INTEGER, "
                    + "date INTEGER, is_from_me INTEGER, rate REAL, attributedBody BLOB)");
            f.insert("INSERT INTO message (guid, text, handle_id, date, is_from_me, rate, attributedBody) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
        }
        scratch = ScratchDirectory.create();
        evidence = SqliteEvidence.open(new LocalEvidenceFile("sms.db", "sms.db", db, s -> Optional.empty()), scratch);
        plain = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException, IOException {
        plain.close();
        evidence.close();
        scratch.close();
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(folder);
    }

    @Benchmark
    public long sqlRow() throws Exception {
        long[] sum = {0};
        evidence.query(QUERY, row -> sum[0] += readEveryColumn(row));
        return sum[0];
    }

    /** The same rows and columns through {@code SqliteEvidence.scan}: decoded from the file, without SQLite. */
    @Benchmark
    public long scan() throws Exception {
        long[] sum = {0};
        evidence.scan("message", row -> sum[0] += readEveryColumn(row));
        return sum[0];
    }

    private static long readEveryColumn(SqlRow row) throws SQLException {
        long sum = row.string("guid").length() + row.string("text").length() + row.integer("handle_id")
                + row.integer("date") + row.integer("is_from_me") + row.real("rate").longValue();
        byte[] body = row.bytes("attributedBody");
        return sum + (body == null ? 0 : body.length);
    }

    @Benchmark
    public long getObject() throws SQLException {
        long sum = 0;
        try (Statement st = plain.createStatement(); ResultSet rs = st.executeQuery(QUERY)) {
            while (rs.next()) {
                sum += rs.getObject(1).toString().length() + rs.getObject(2).toString().length()
                        + ((Number) rs.getObject(3)).longValue() + ((Number) rs.getObject(4)).longValue()
                        + ((Number) rs.getObject(5)).longValue() + ((Number) rs.getObject(6)).longValue();
                byte[] body = rs.getBytes(7);
                sum += body == null ? 0 : body.length;
            }
        }
        return sum;
    }
}
