package org.bridle.core.artifact;

import java.io.IOException;
import org.bridle.core.indicators.IndicatorMatcher;
import org.bridle.core.io.EvidenceFormatException;
import org.bridle.core.io.ScratchDirectory;
import org.bridle.core.io.SqliteEvidence;
import org.bridle.core.source.EvidenceFile;
import org.bridle.core.source.Source;

/**
 * What an artifact may use while it parses besides the file itself.
 *
 * @param source the evidence being checked, for artifacts that look up related files
 * @param scratch a private folder for copies the parse needs (such as a database with its WAL)
 * @param indicators the scan's indicators, for a heuristic that depends on whether a value is one (such as a
 *     redirect to a known malicious domain). Matching every entry's observables is the engine's job: an artifact
 *     asks only about the values its heuristic needs, and the engine still raises the indicator alerts itself.
 */
public record ParseContext(Source source, ScratchDirectory scratch, IndicatorMatcher indicators) {

    /**
     * Opens an SQLite database of the evidence as {@link SqliteEvidence#open(EvidenceFile, ScratchDirectory)} does;
     * when the database was malformed and what {@code sqlite3} salvaged is read instead, says so in a note on
     * {@code out}.
     *
     * @throws EvidenceFormatException when the file is not an SQLite database, or is malformed and cannot be
     *     recovered
     */
    public SqliteEvidence database(EvidenceFile file, Emitter<?> out) throws EvidenceFormatException, IOException {
        SqliteEvidence db = SqliteEvidence.open(file, scratch);
        if (db.recovered()) {
            out.note(file.devicePath() + " is malformed: read what sqlite3 recovered from a private copy, which "
                    + "may miss entries");
        }
        return db;
    }
}
