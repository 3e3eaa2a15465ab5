package org.bridle.testkit.ios;

import java.time.Instant;
import java.util.Locale;

/**
 * Writes a {@code shutdown.log} as iOS does: for each shutdown, {@code remaining client pid: N (path)} lines, an
 * {@code After X.XXs, these clients are still here:} line each time the shutdown waited, and a closing
 * {@code SIGTERM: [unix seconds]} line.
 */
public final class ShutdownLogText {
    private final StringBuilder text = new StringBuilder();

    private ShutdownLogText() {
    }

    /** An empty log. */
    public static ShutdownLogText create() {
        return new ShutdownLogText();
    }

    /** A client still running. */
    public ShutdownLogText client(long pid, String path) {
        text.append("\t\tremaining client pid: ").append(pid).append(" (").append(path).append(")\n");
        return this;
    }

    /** The shutdown waited {@code seconds} more. */
    public ShutdownLogText after(double seconds) {
        text.append(String.format(Locale.ROOT, "After %.2fs, these clients are still here:\n", seconds));
        return this;
    }

    /** The end of a shutdown, at {@code time}. */
    public ShutdownLogText sigterm(Instant time) {
        text.append("SIGTERM: [").append(time.getEpochSecond()).append("]\n");
        return this;
    }

    /** A line of the log the artifact does not read. */
    public ShutdownLogText line(String line) {
        text.append(line).append('\n');
        return this;
    }

    /** The log's text. */
    public String text() {
        return text.toString();
    }
}
