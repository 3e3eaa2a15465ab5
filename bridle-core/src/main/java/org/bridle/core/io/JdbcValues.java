package org.bridle.core.io;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.sqlite.core.DB;
import org.sqlite.core.SafeStmtPtr;

/**
 * The values of a sqlite-jdbc statement's current row, read from the statement directly: {@link #load} asks for the
 * storage class and reads the value in the same native lock (one call per value rather than the two of
 * {@code ResultSet.getObject}); only the text of a UTF-16 database is read by a second call.
 */
final class JdbcValues implements SqlValues {
    private final SafeStmtPtr statement;
    private final boolean utf8Text;
    private int column;
    private long integer;
    private double real;
    private byte[] bytes;
    /** The loader, made once rather than as a lambda per value. */
    private final SafeStmtPtr.SafePtrFunction<Integer, SQLException> loader = this::loadNow;

    JdbcValues(SafeStmtPtr statement, boolean utf8Text) {
        this.statement = statement;
        this.utf8Text = utf8Text;
    }

    @Override
    public int load(int column) throws SQLException {
        this.column = column;
        return statement.safeRun(loader);
    }

    private int loadNow(DB db, long stmt) throws SQLException {
        int type = db.column_type(stmt, column);
        bytes = null;
        switch (type) {
            case INTEGER -> integer = db.column_long(stmt, column);
            case FLOAT -> real = db.column_double(stmt, column);
            case BLOB -> bytes = db.column_blob(stmt, column);
            case TEXT -> bytes = utf8Text ? db.column_blob(stmt, column) : null;
            default -> {
            }
        }
        return type;
    }

    @Override
    public long integer() {
        return integer;
    }

    @Override
    public double real() {
        return real;
    }

    @Override
    public byte[] bytes() throws SQLException {
        return bytes != null ? bytes : statement.safeRun((db, stmt) -> db.column_blob(stmt, column));
    }

    @Override
    public String text() throws SQLException {
        return utf8Text ? new String(bytes, StandardCharsets.UTF_8)
                : statement.safeRun((db, stmt) -> db.column_text(stmt, column));
    }

    @Override
    public byte[] realBytes(double value) throws SQLException {
        return statement.safeRun((db, stmt) -> db.column_blob(stmt, column));
    }
}
