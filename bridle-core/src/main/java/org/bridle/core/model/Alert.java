package org.bridle.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A detection: an entry that matched an indicator or tripped a heuristic.
 *
 * @param level how much it matters
 * @param artifact the id of the artifact that produced it
 * @param message a sentence an analyst can read
 * @param eventTime when the underlying event happened on the device, or null when unknown
 * @param event the entry it concerns, or null for a detection about the artifact as a whole
 * @param matchedIndicator the indicator it matched, or null for a heuristic
 */
public record Alert(Severity level, String artifact, String message, Instant eventTime, Object event,
                    MatchedIndicator matchedIndicator) {
    public Alert {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(artifact, "artifact");
        Objects.requireNonNull(message, "message");
    }
}
