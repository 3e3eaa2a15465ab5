package org.bridle.core.scan;

/** Follows a scan's progress (for a progress bar or log lines). Called from the artifacts' threads. */
public interface ScanListener {

    /** The scan is about to run {@code artifacts} artifacts. */
    default void started(int artifacts) {
    }

    /** An artifact started. */
    default void artifactStarted(String artifactId) {
    }

    /** An artifact finished. */
    default void artifactFinished(ArtifactOutcome outcome) {
    }

    /** A listener that ignores everything. */
    ScanListener NONE = new ScanListener() { };
}
