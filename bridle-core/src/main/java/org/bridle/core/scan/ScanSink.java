package org.bridle.core.scan;

import java.io.IOException;
import java.util.List;
import org.bridle.core.model.Alert;
import org.bridle.core.model.TimelineEvent;

/**
 * Receives what a scan finds as it finds it (report writers implement it). Artifacts run in parallel, so
 * implementations are thread-safe; the calls for one artifact come from one thread, in order, and end with
 * {@link #artifactFinished}.
 */
public interface ScanSink {

    /** An entry of an artifact, its timeline events and the alerts it raised (empty when it raised none). */
    void entry(String artifactId, Object entry, List<TimelineEvent> timeline, List<Alert> alerts) throws IOException;

    /** An alert about an artifact's file as a whole, not tied to an entry. */
    void alert(Alert alert) throws IOException;

    /** The scan read this evidence file, whose content has this SHA-256. */
    void evidenceRead(String devicePath, String origin, String sha256) throws IOException;

    /** An artifact is done: no more calls for it follow. */
    void artifactFinished(ArtifactOutcome outcome) throws IOException;
}
