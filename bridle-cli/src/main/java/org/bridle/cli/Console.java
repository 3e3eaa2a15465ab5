package org.bridle.cli;

import java.io.PrintStream;
import java.util.Map;

/**
 * Where commands print (results on standard output, progress and errors on standard error), and what they may read
 * of their surroundings: the environment variables.
 */
final class Console {
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;
    private boolean verbose;

    Console(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    Map<String, String> environment() {
        return environment;
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
