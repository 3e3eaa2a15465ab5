package org.bridle.cli;

import java.io.PrintStream;

/** Where commands print: results on standard output, progress and errors on standard error. */
final class Console {
    private final PrintStream out;
    private final PrintStream err;
    private boolean verbose;

    Console(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    boolean verbose() {
        return verbose;
    }

    void verbose(boolean verbose) {
        this.verbose = verbose;
    }

    /** Prints one sentence about a problem, and its stack trace only in verbose mode. */
    void error(String sentence, Throwable cause) {
        err.println("bridle: " + sentence);
        if (verbose && cause != null) {
            cause.printStackTrace(err);
        }
    }
}
