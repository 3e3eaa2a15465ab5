package org.bridle.report;

import java.io.IOException;

/** Writes one kind of JSON value as {@link ReportJson#mapper()} would. */
interface ValueWriter {

    /**
     * Writes {@code value}, which is never null (callers write JSON null themselves), inside {@code nesting} open
     * objects (what indents the entries of an object it starts).
     */
    void write(Utf8JsonOutput out, Object value, int nesting) throws IOException;
}
