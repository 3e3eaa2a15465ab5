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

    /** True when standard error is most likely a terminal (Java 17 can only tell for the console as a whole). */
    static boolean stderrIsTerminal() {
        String term = System.getenv("TERM");
        return System.console() != null && term != null && !term.equals("dumb");
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
