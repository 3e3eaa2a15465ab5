package org.bridle.core.artifact;

import java.time.Instant;
import java.util.Objects;
import org.bridle.core.model.Severity;

/**
 * What a heuristic of an artifact concluded.
 *
 * @param level how much it matters
 * @param message a sentence an analyst can read
 * @param time when it happened on the device, or null when unknown
 */
public record Finding(Severity level, String message, Instant time) {
    public Finding {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
    }
}
