package org.bridle.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.bridle.core.source.EvidenceFile;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteOpenMode;
import org.sqlite.core.CoreStatement;

/**
 * An SQLite database of the evidence, opened so that the evidence is never modified.
 *
 * <p>The SQLite driver creates {@code -shm}/{@code -wal} files next to a database even when it opens it read-only.
 * So a database on this machine with no write-ahead log or rollback journal beside it is opened in place, read-only
 * and {@code immutable=1}; any other (one with a {@code -wal} or {@code -journal}, or one not stored as a plain file)
 * is first copied with its sidecars into the scan's private scratch folder, and the copy is opened. A database that
 * exists only as a stream (decrypted content, say) with no sidecar is instead read into memory and opened there with
 * SQLite's deserialize, read-only, so its content never reaches the disk; only one larger than
 * {@link #MEMORY_LIMIT} bytes, or one with a write-ahead log to replay, goes through the scratch folder.
 *
 * <p>A malformed database (SQLite reports it corrupt, or {@code PRAGMA quick_check} finds damage) is copied into
 * the scratch folder and salvaged with {@link SqliteRecovery}; the salvaged copy is opened and {@link #recovered()}
 * says so. When there is no {@code sqlite3} or nothing can be salvaged, opening fails: the database is malformed.
 *
 * <p>Rows come two ways. {@link #query} runs SQL. {@link #scan} reads a whole table in rowid order, as {@code SELECT
 * rowid, * FROM table ORDER BY rowid} would, and for a rowid table of a database this process has as a file (opened
 * in place, a scratch copy brought to its committed state, or a recovered copy) it decodes the file's pages itself,
 * read-only, without SQLite's per-value calls: the values are the ones SQLite gives (REAL affinity, the rowid alias,
 * defaults of columns added later, UTF-16 text included), and damage the scan meets is
 * {@link EvidenceFormatException} "the database is malformed (…)", as from {@code query}. A database in memory and a
 * table the reader cannot describe exactly are scanned through SQLite. Both hand rows as {@link SqlRow}.
 */
public final class SqliteEvidence implements AutoCloseable {
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final List<String> SIDECARS = List.of("-wal", "-journal");
    /** The largest database opened in memory rather than through a scratch copy. */
    public static final long MEMORY_LIMIT = 1L << 30;
    /** Offsets of the header's file-format write and read versions (2 means write-ahead logging). */
    private static final int WRITE_VERSION = 18;
    private static final int READ_VERSION = 19;

    /** SQLite's primary result codes for a damaged database file. */
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_NOTADB = 26;
    private static final String MALFORMED = "the database is malformed";

    private final Connection connection;
    private final boolean recovered;
    /**
     * The database file that {@link #scan} reads directly, in its committed state (the evidence opened in place, a
     * scratch copy SQLite has brought to its committed state, or a recovered copy), or null when it reads through
     * SQLite (a database in memory, or a copy whose log could not be checkpointed).
     */
    private Path file;
    private final Map<String, Set<String>> columns = new ConcurrentHashMap<>();
    private Set<String> tables;
    private Boolean utf8Text;

    private SqliteEvidence(Connection connection, boolean recovered) {
        this.connection = connection;
        this.recovered = recovered;
    }

    /**
     * Opens a database of the evidence, salvaging a malformed one with the {@code sqlite3} on the {@code PATH}.
     *
     * @throws EvidenceFormatException when the file is not an SQLite database, or is malformed and cannot be
     *     recovered
     */
    public static SqliteEvidence open(EvidenceFile file, ScratchDirectory scratch)
            throws EvidenceFormatException, IOException {
        return open(file, scratch, SystemRecovery.INSTANCE);
    }

    /**
     * Opens a database of the evidence, salvaging a malformed one with {@code recovery}.
     *
     * @throws EvidenceFormatException when the file is not an SQLite database, or is malformed and cannot be
     *     recovered
     */
    public static SqliteEvidence open(EvidenceFile file, ScratchDirectory scratch, SqliteRecovery recovery)
            throws EvidenceFormatException, IOException {
        checkMagic(file);
        Optional<Path> local = file.localPath();
        boolean hasSidecar = SIDECARS.stream().anyMatch(s -> file.sidecar(s).filter(EvidenceFile::present).isPresent());
        SqliteEvidence db = null;
        try {
            Optional<UndamagedFiles.Identity> identity = Optional.empty();
            if (local.isPresent() && !hasSidecar && !hasSidecarOnDisk(local.get())) {
                identity = UndamagedFiles.identity(local.get());
                db = new SqliteEvidence(openImmutable(local.get()), false);
                db.file = local.get();
            } else if (local.isEmpty() && !hasSidecar && fitsInMemory(file)) {
                db = new SqliteEvidence(openInMemory(file), false);
            } else {
                Path copy = copyWithSidecars(file, scratch.newFolder("db"));
                db = new SqliteEvidence(openCopy(copy), false);
                db.tables();
                if (db.checkpoint()) {
                    db.file = copy;
                }
            }
            db.tables();
            if (identity.isPresent() && UndamagedFiles.contains(identity.get())) {
                return db;
            }
            if (db.damaged()) {
                db.close();
                return recover(file, scratch, recovery);
            }
            identity.ifPresent(UndamagedFiles::add);
            return db;
        } catch (SQLException e) {
            if (db != null) {
                db.close();
            }
            if (malformed(e)) {
                return recover(file, scratch, recovery);
            }
            throw new EvidenceFormatException("the SQLite database cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** True when this is a copy salvaged from a malformed database, whose content may be incomplete. */
    public boolean recovered() {
        return recovered;
    }

    private boolean damaged() throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("PRAGMA quick_check(1)");
             ResultSet rs = st.executeQuery()) {
            return !rs.next() || !"ok".equals(rs.getString(1));
        }
    }

    private static boolean malformed(SQLException e) {
        int code = e.getErrorCode() & 0xff;
        return code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
    }

    private static SqliteEvidence recover(EvidenceFile file, ScratchDirectory scratch, SqliteRecovery recovery)
            throws IOException, EvidenceFormatException {
        if (recovery.executable().isEmpty()) {
            throw new EvidenceFormatException(MALFORMED + " (" + recovery.unavailable() + ")");
        }
        Path folder = scratch.newFolder("recover");
        Path copy = copyWithSidecars(file, folder);
        Path recovered = folder.resolve("recovered.db");
        if (!recovery.recover(copy, recovered)) {
            throw new EvidenceFormatException(MALFORMED + " (sqlite3 could not recover anything from it)");
        }
        try {
            SqliteEvidence db = new SqliteEvidence(openImmutable(recovered), true);
            db.file = recovered;
            return db;
        } catch (SQLException e) {
            throw new EvidenceFormatException(MALFORMED + " (its recovered copy cannot be read: " + e.getMessage()
                    + ")", e);
        }
    }

    /**
     * The databases on this machine's disk that {@code PRAGMA quick_check} found undamaged in this process, so that
     * one opened twice (a backup's Manifest.db: to index the backup, then by its artifact) is checked once. A file
     * is known by its real path, size and modification time: a changed file is checked again.
     */
    private static final class UndamagedFiles {
        private static final Set<Identity> CHECKED = ConcurrentHashMap.newKeySet();

        record Identity(Path path, long size, FileTime modified) {
        }

        static Optional<Identity> identity(Path file) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                return Optional.of(new Identity(file.toRealPath(), attributes.size(), attributes.lastModifiedTime()));
            } catch (IOException unknown) {
                return Optional.empty();
            }
        }

        static boolean contains(Identity identity) {
            return CHECKED.contains(identity);
        }

        static void add(Identity identity) {
            CHECKED.add(identity);
        }
    }

    /** The {@code sqlite3} on the {@code PATH}, looked up once. */
    private static final class SystemRecovery {
        static final SqliteRecovery INSTANCE = SqliteRecovery.system();
    }

    private static boolean hasSidecarOnDisk(Path db) {
        return SIDECARS.stream().anyMatch(s -> Files.exists(db.resolveSibling(db.getFileName() + s)));
    }

    private static void checkMagic(EvidenceFile file) throws IOException, EvidenceFormatException {
        byte[] head;
        try (InputStream in = file.open()) {
            head = in.readNBytes(MAGIC.length);
        }
        if (!Arrays.equals(head, MAGIC)) {
            throw new EvidenceFormatException(head.length == 0 ? "the database file is empty" : "not an SQLite database");
        }
    }

    /**
     * Starts loading SQLite's native library (from the copy {@link SqliteNativeLibrary} keeps between runs) and the
     * driver's classes on a daemon thread, by opening and closing an empty in-memory database, so that a command can parse
     * its arguments meanwhile. The first database opened waits for the load if it is still running; a failure here
     * is left for that open to report.
     */
    public static void startLoadingDriver() {
        Thread loader = new Thread(() -> {
            try (Connection connection = config().createConnection("jdbc:sqlite::memory:");
                 Statement st = connection.createStatement()) {
                st.execute("SELECT 1");
            } catch (SQLException | RuntimeException failure) {
                // the first real open reports it
            }
        }, "bridle-sqlite-load");
        loader.setDaemon(true);
        loader.start();
    }

    /**
     * The configuration every connection starts from. SQLite's own lock around each call is left out
     * ({@code SQLITE_OPEN_NOMUTEX}): sqlite-jdbc already serializes all calls on a connection (its {@code NativeDB}
     * methods are synchronized), and the lock cost two system calls per value read. Temporary storage is in memory
     * ({@code temp_store = MEMORY}): otherwise a sort larger than the page cache ({@code ORDER BY} over a large
     * table) spills the rows it sorts, evidence content and decrypted content included, into a file of the system's
     * temporary folder ({@code /var/tmp/etilqs_…}), deleted but written to disk. The first call points the driver at
     * its native library ({@link SqliteNativeLibrary#prepare()}), before any connection loads it.
     */
    private static SQLiteConfig config() {
        SqliteNativeLibrary.prepare();
        SQLiteConfig config = new SQLiteConfig();
        config.setOpenMode(SQLiteOpenMode.NOMUTEX);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        return config;
    }

    private static Connection openImmutable(Path path) throws SQLException {
        SQLiteConfig config = config();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.OPEN_URI);
        return config.createConnection("jdbc:sqlite:" + fileUri(path) + "?immutable=1");
    }

    private static boolean fitsInMemory(EvidenceFile file) throws IOException {
        return file.size() <= Math.min(MEMORY_LIMIT, Runtime.getRuntime().maxMemory() / 4);
    }

    /**
     * Deserializes the content into an in-memory database. The header's WAL marks are cleared first: an in-memory
     * database has no log to read, and without a sidecar there is none to replay.
     */
    private static Connection openInMemory(EvidenceFile file) throws IOException, SQLException {
        byte[] content = file.readAllBytes();
        try {
            if (content.length > READ_VERSION && content[WRITE_VERSION] == 2 && content[READ_VERSION] == 2) {
                content[WRITE_VERSION] = 1;
                content[READ_VERSION] = 1;
            }
            Connection connection = config().createConnection("jdbc:sqlite::memory:");
            try {
                connection.unwrap(SQLiteConnection.class).deserialize("main", content);
                try (Statement st = connection.createStatement()) {
                    st.execute("PRAGMA query_only = 1");
                }
                return connection;
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    /**
     * Brings a scratch copy to its committed state in its own file: a hot journal was rolled back by the first read;
     * a write-ahead log is checkpointed into the file and emptied. True when the file alone now holds the database.
     */
    private boolean checkpoint() throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("PRAGMA wal_checkpoint(TRUNCATE)");
             ResultSet rs = st.executeQuery()) {
            return rs.next() && rs.getInt(1) == 0 && rs.getInt(2) == rs.getInt(3);
        }
    }

    private static Connection openCopy(Path copy) throws SQLException {
        SQLiteConfig config = config();
        config.setOpenMode(SQLiteOpenMode.OPEN_URI);
        return config.createConnection("jdbc:sqlite:" + fileUri(copy));
    }

    /** Copies the database and its sidecars into {@code folder} as {@code evidence.db}; returns the copy. */
    private static Path copyWithSidecars(EvidenceFile file, Path folder) throws IOException {
        Path copy = folder.resolve("evidence.db");
        try (InputStream in = file.open()) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        for (String suffix : SIDECARS) {
            Optional<EvidenceFile> sidecar = file.sidecar(suffix).filter(EvidenceFile::present);
            if (sidecar.isPresent()) {
                try (InputStream in = sidecar.get().open()) {
                    Files.copy(in, folder.resolve("evidence.db" + suffix));
                }
            } else if (file.localPath().isPresent()) {
                Path beside = file.localPath().get().resolveSibling(file.localPath().get().getFileName() + suffix);
                if (Files.isRegularFile(beside)) {
                    Files.copy(beside, folder.resolve("evidence.db" + suffix));
                }
            }
        }
        return copy;
    }

    /** An SQLite URI for a path, with the characters SQLite's URI parser treats specially escaped. */
    static String fileUri(Path path) {
        String absolute = path.toAbsolutePath().toString().replace('\\', '/');
        StringBuilder uri = new StringBuilder("file:");
        if (!absolute.startsWith("/")) {
            uri.append('/');
        }
        for (byte b : absolute.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean plain = c > 0x20 && c < 0x7f && c != '?' && c != '#' && c != '%' && c != '&' && c != '=';
            if (plain) {
                uri.append((char) c);
            } else {
                uri.append('%').append(String.format("%02X", c));
            }
        }
        return uri.toString();
    }

    /** The connection, for queries. It must not be closed by the caller. */
    public Connection connection() {
        return connection;
    }

    /** The names of the tables, compared case-insensitively. */
    public synchronized Set<String> tables() throws SQLException {
        if (tables == null) {
            Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            try (PreparedStatement st = connection.prepareStatement(
                    "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            tables = Collections.unmodifiableSet(names);
        }
        return tables;
    }

    /** True when the database has a table or view of this name. */
    public boolean hasTable(String table) throws SQLException {
        return tables().contains(table);
    }

    /** The column names of a table, compared case-insensitively; empty when the table does not exist. */
    public Set<String> columns(String table) throws SQLException {
        Set<String> known = columns.get(table.toLowerCase(Locale.ROOT));
        if (known != null) {
            return known;
        }
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        if (hasTable(table)) {
            DatabaseMetaData meta = connection.getMetaData();
            try (ResultSet rs = meta.getColumns(null, null, table, null)) {
                while (rs.next()) {
                    names.add(rs.getString("COLUMN_NAME"));
                }
            }
        }
        Set<String> result = Collections.unmodifiableSet(names);
        columns.put(table.toLowerCase(Locale.ROOT), result);
        return result;
    }

    /** True when the table exists and has the column. */
    public boolean hasColumn(String table, String column) throws SQLException {
        return columns(table).contains(column);
    }

    /**
     * {@code alias.column} when the table has the column, else {@code NULL}: a term for a SELECT list that keeps its
     * shape across database versions (give it a label with {@code AS}, and the missing column reads as null).
     */
    public String columnOrNull(String table, String alias, String column) throws SQLException {
        return hasColumn(table, column) ? alias + "." + column : "NULL";
    }

    /**
     * Runs a query and hands each row to {@code handler} as it is read.
     *
     * @throws EvidenceFormatException when the query meets damage that opening the database did not find
     */
    public void query(String sql, RowHandler handler, Object... parameters) throws Exception {
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                SqlRow row = new SqlRow(new JdbcValues(((CoreStatement) st).pointer, textIsUtf8()), labels(rs));
                while (rs.next()) {
                    handler.row(row);
                }
            }
        } catch (SQLException e) {
            if (malformed(e)) {
                throw new EvidenceFormatException(MALFORMED + " (" + e.getMessage() + ")", e);
            }
            throw e;
        }
    }

    private static List<String> labels(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<String> labels = new ArrayList<>(meta.getColumnCount());
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            labels.add(meta.getColumnLabel(i));
        }
        return labels;
    }

    /**
     * Hands every row of a table to {@code handler} in rowid order, as {@code SELECT rowid, * FROM table ORDER BY
     * rowid} would: labelled {@code rowid} (unless the table has a column of that name, which then wins) and by the
     * table's column names, with the values SQLite would give. A table of a database file this process can read
     * directly is decoded from the file ({@link TableBTree}, {@link RecordValues}), without SQLite's per-value calls;
     * any other (a database in memory, or a table {@link TableLayout} cannot describe exactly) is read through SQLite
     * (a WITHOUT ROWID table as {@code SELECT *}, in its key order, with no rowid).
     *
     * @throws EvidenceFormatException when the scan meets damage that opening the database did not find
     * @throws SQLException when there is no such table
     */
    public void scan(String table, RowHandler handler) throws Exception {
        TableLayout layout = file == null ? null : TableLayout.read(connection, table);
        if (layout == null) {
            query(scanSql(table), handler);
            return;
        }
        try (DatabaseFile database = DatabaseFile.open(file)) {
            if ((database.encoding == DatabaseFile.UTF8) != textIsUtf8()) {
                throw SqliteDamage.damage("its header's text encoding is not the one SQLite reads");
            }
            RecordValues values = new RecordValues(layout, database.encoding, this::realText);
            SqlRow row = new SqlRow(values, layout.labels());
            TableBTree.scan(database, layout.rootPage(), (rowid, payload, offset, length) -> {
                values.set(rowid, payload, offset, length);
                handler.row(row);
            });
        }
    }

    /**
     * The query that scans a table through SQLite: {@code SELECT rowid AS rowid, * FROM table ORDER BY rowid}, with
     * the rowid under another of its names when a column is called {@code rowid} (and then not selected: the column
     * wins), and {@code SELECT * FROM table} for a WITHOUT ROWID table.
     */
    String scanSql(String table) throws SQLException {
        String quoted = "\"" + table.replace("\"", "\"\"") + "\"";
        if (TableLayout.withoutRowid(TableLayout.tableSql(connection, table))) {
            return "SELECT * FROM " + quoted;
        }
        Set<String> names = columns(table);
        if (!names.contains("rowid")) {
            return "SELECT rowid AS rowid, * FROM " + quoted + " ORDER BY rowid";
        }
        String rowid = names.contains("_rowid_") ? "oid" : "_rowid_";
        return "SELECT * FROM " + quoted + " ORDER BY " + rowid;
    }

    /** True when {@link #scan} reads the table from the database file rather than through SQLite. */
    boolean readsFile(String table) throws SQLException {
        return file != null && TableLayout.read(connection, table) != null;
    }

    /** SQLite's text of a REAL, as UTF-8 bytes. */
    private byte[] realText(double value) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT CAST(? AS TEXT)")) {
            st.setDouble(1, value);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1).getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    /** True when the database stores its text as UTF-8, asked once ({@code PRAGMA encoding}). */
    private synchronized boolean textIsUtf8() throws SQLException {
        if (utf8Text == null) {
            try (PreparedStatement st = connection.prepareStatement("PRAGMA encoding");
                 ResultSet rs = st.executeQuery()) {
                utf8Text = rs.next() && "UTF-8".equalsIgnoreCase(rs.getString(1));
            }
        }
        return utf8Text;
    }

    /** Receives rows of a query. */
    @FunctionalInterface
    public interface RowHandler {
        void row(SqlRow row) throws Exception;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing a read-only connection cannot lose anything
        }
    }
}
