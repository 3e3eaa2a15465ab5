package org.bridle.core.io;

import java.sql.SQLException;

/**
 * The values of the current row as SQLite stores them, for {@link SqlRow}, which converts them. Two sources
 * implement it: a statement of sqlite-jdbc ({@link JdbcValues}) and a record decoded from the database file
 * ({@link RecordValues}).
 *
 * <p>Contract: {@link #load} reads one column (counted from 0) and returns its storage class; the other methods then
 * read that column's value and are called only for the storage class {@code load} returned ({@link #integer} for
 * {@link #INTEGER}, {@link #real} for {@link #FLOAT}, {@link #bytes} and {@link #text} for {@link #TEXT} and
 * {@link #BLOB}). Read by one thread at a time.
 */
interface SqlValues {
    /** SQLite's storage classes, as {@code sqlite3_column_type} returns them. */
    int INTEGER = 1;
    int FLOAT = 2;
    int TEXT = 3;
    int BLOB = 4;
    int NULL = 5;

    /** Reads the column and returns its storage class. */
    int load(int column) throws SQLException;

    long integer() throws SQLException;

    double real() throws SQLException;

    /**
     * A BLOB's bytes, or a TEXT's UTF-8 bytes (its stored bytes in a UTF-8 database, SQLite's UTF-8 of it in a
     * UTF-16 one: what sqlite-jdbc's {@code column_blob} gives); an empty value is an empty array.
     */
    byte[] bytes() throws SQLException;

    /** A TEXT value as Java text (UTF-8 decoded as {@code new String(bytes, UTF_8)}; UTF-16 as SQLite turns it into UTF-8). */
    String text() throws SQLException;

    /**
     * What {@code sqlite3_column_blob} gives for a REAL: SQLite's text of the number (which Java's formatting does
     * not reproduce), as UTF-8 bytes.
     */
    byte[] realBytes(double value) throws SQLException;
}
