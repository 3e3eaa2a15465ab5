package org.bridle.cli;

/** The exit codes of every bridle command, as documented in the README. */
public final class ExitCode {
    /** The check ran completely and found nothing. */
    public static final int CLEAN = 0;
    /** The input (evidence or an indicator file) could not be checked; one sentence says why. */
    public static final int INPUT_ERROR = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** The check finished and found nothing, but some artifacts failed. */
    public static final int INCOMPLETE = 3;
    /** The check found detections. */
    public static final int DETECTIONS = 4;

    private ExitCode() {
    }
}
