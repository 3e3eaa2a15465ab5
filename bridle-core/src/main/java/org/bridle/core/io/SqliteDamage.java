package org.bridle.core.io;

/** The exception the file-format reader raises for damage, worded as {@link SqliteEvidence#query} words SQLite's. */
final class SqliteDamage {
    private SqliteDamage() {
    }

    static EvidenceFormatException damage(String what) {
        return new EvidenceFormatException("the database is malformed (" + what + ")");
    }
}
