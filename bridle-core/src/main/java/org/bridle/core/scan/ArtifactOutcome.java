package org.bridle.core.scan;

import java.time.Duration;
import java.util.List;

/**
 * What happened when one artifact ran.
 *
 * @param artifactId the artifact
 * @param status found, not present, or failed
 * @param files the evidence files it parsed (origins), in order
 * @param entries how many entries it produced
 * @param alerts how many alerts it raised
 * @param missing files the evidence lists but does not hold
 * @param failures files it could not parse, with why
 * @param notes what the artifact said that is neither an entry nor a detection
 * @param elapsed how long it ran
 */
public record ArtifactOutcome(String artifactId, Status status, List<String> files, long entries, long alerts,
                              List<String> missing, List<Failure> failures, List<String> notes, Duration elapsed) {

    /** How an artifact ended. */
    public enum Status {
        /** Its file was found and parsed (it may still have no entries). */
        FOUND,
        /** The evidence does not hold its file (or lists it without its content). */
        NOT_PRESENT,
        /** At least one of its files could not be parsed. */
        FAILED
    }

    /**
     * A file an artifact could not parse.
     *
     * @param file the file's origin in the evidence
     * @param reason one sentence saying why
     * @param cause the exception, shown with {@code --verbose}
     */
    public record Failure(String file, String reason, Throwable cause) {
    }
}
