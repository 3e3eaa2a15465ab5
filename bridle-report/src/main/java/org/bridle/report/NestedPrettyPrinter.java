package org.bridle.report;

import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;

/** Jackson's default pretty printer, starting inside {@code nesting} objects: for a value written within others. */
final class NestedPrettyPrinter extends DefaultPrettyPrinter {
    private static final long serialVersionUID = 1L;

    private final int nesting;

    NestedPrettyPrinter(int nesting) {
        this.nesting = nesting;
        _nesting = nesting;
    }

    @Override
    public DefaultPrettyPrinter createInstance() {
        return new NestedPrettyPrinter(nesting);
    }
}
