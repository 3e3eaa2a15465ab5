package org.bridle.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the timeline: when something happened on the device, which artifact saw it, what kind of event
 * it was and a one-line description.
 */
public record TimelineEvent(Instant time, String artifact, String event, String description) {
    public TimelineEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(artifact, "artifact");
        event = event == null ? "" : event;
        description = description == null ? "" : description;
    }
}
