package org.bridle.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Writes SQLite databases from SQL, as the device would have them. */
public final class SqliteFixture implements AutoCloseable {
    private final Path file;
    private final Connection connection;

    private SqliteFixture(Path file) throws SQLException {
        this.file = file;
        this.connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        this.connection.setAutoCommit(false);
    }

    /** Creates a new database at {@code file} (which must not exist yet). */
    public static SqliteFixture create(Path file) {
        try {
            return new SqliteFixture(file);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + file, e);
        }
    }

    /** Creates a database from statements in a temporary file and returns its bytes. */
    public static byte[] bytes(String... statements) {
        try {
            Path dir = Files.createTempDirectory("bridle-fixture");
            Path db = dir.resolve("fixture.db");
            try (SqliteFixture fixture = create(db)) {
                for (String sql : statements) {
                    fixture.execute(sql);
                }
            }
            byte[] content = Files.readAllBytes(db);
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
            return content;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs one or more statements separated by semicolons. */
    public SqliteFixture execute(String sql) {
        try (Statement st = connection.createStatement()) {
            st.executeUpdate(sql);
            return this;
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + sql, e);
        }
    }

    /** Inserts one row per parameter list with a prepared statement (values bound, so blobs and nulls work). */
    public SqliteFixture insert(String sql, List<Object[]> rows) {
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    st.setObject(i + 1, row[i]);
                }
                st.addBatch();
            }
            st.executeBatch();
            return this;
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + sql, e);
        }
    }

    /** Inserts one row with a prepared statement. */
    public SqliteFixture insert(String sql, Object... values) {
        return insert(sql, List.<Object[]>of(values));
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /** Commits and closes the database. */
    @Override
    public void close() {
        try {
            connection.commit();
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close database " + file, e);
        }
    }
}
