package org.bridle.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.core.scan.ScanListener;

/**
 * Shows a scan's progress on standard error: a bar redrawn in place on a terminal, plain log lines otherwise (so a
 * log file or a CI log stays readable).
 */
final class Progress implements ScanListener {
    private static final int WIDTH = 30;

    private final PrintStream err;
    private final boolean terminal;
    private int total;
    private int done;

    Progress(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /**
     * True when standard error is most likely a terminal. Java cannot ask about standard error alone: this asks
     * whether the console is interactive ({@code Console.isTerminal()} from Java 22, where {@code System.console()}
     * is no longer null when output is redirected; before that, a non-null console) and whether TERM names a
     * terminal that can redraw a line.
     */
    static boolean stderrIsTerminal() {
        String term = System.getenv("TERM");
        java.io.Console console = System.console();
        if (console == null || term == null || term.equals("dumb")) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException beforeJava22) {
            return true;
        }
    }

    @Override
    public synchronized void started(int artifacts) {
        total = artifacts;
        if (terminal) {
            draw("");
        }
    }

    @Override
    public synchronized void artifactFinished(ArtifactOutcome o) {
        done++;
        if (terminal) {
            draw(o.artifactId());
            if (done == total) {
                err.print("\r" + " ".repeat(WIDTH + 60) + "\r");
                err.flush();
            }
            return;
        }
        String what = switch (o.status()) {
            case NOT_PRESENT -> "not present" + (o.missing().isEmpty() ? "" : " (listed but missing)");
            case FAILED -> "FAILED: " + o.failures().get(0).reason();
            case FOUND -> o.entries() + " entries";
        };
        err.printf(Locale.ROOT, "bridle: [%d/%d] %s: %s, %d alerts (%.1f s)%n", done, total, o.artifactId(), what,
                o.alerts(), o.elapsed().toMillis() / 1000.0);
    }

    private void draw(String last) {
        int filled = total == 0 ? WIDTH : done * WIDTH / total;
        String label = last.length() > 40 ? last.substring(0, 40) : last;
        err.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total + " "
                + String.format("%-40s", label));
        err.flush();
    }
}
