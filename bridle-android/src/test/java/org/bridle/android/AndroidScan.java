package org.bridle.android;

import java.util.List;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.indicators.IndicatorMatcher;
import org.bridle.core.model.Alert;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.core.scan.MemorySink;
import org.bridle.core.scan.ScanEngine;
import org.bridle.core.scan.ScanListener;
import org.bridle.core.source.Source;

/** Runs artifacts through the real scan engine over an Android source and keeps what they produced, for tests. */
public record AndroidScan(MemorySink sink) {
    private static final IndicatorMatcher NO_INDICATORS = observable -> List.of();

    /** Scans with no indicators, then closes the source. */
    public static AndroidScan run(Source source, Artifact<?>... artifacts) throws Exception {
        return run(source, NO_INDICATORS, artifacts);
    }

    /** Scans with the given indicators, then closes the source. */
    public static AndroidScan run(Source source, IndicatorMatcher indicators, Artifact<?>... artifacts)
            throws Exception {
        MemorySink sink = new MemorySink();
        try (source) {
            new ScanEngine(indicators, 2).run(source, List.of(artifacts), sink, ScanListener.NONE);
        }
        return new AndroidScan(sink);
    }

    public <E> List<E> entries(String artifactId) {
        return sink.entries(artifactId);
    }

    public ArtifactOutcome outcome(String artifactId) {
        return sink.outcome(artifactId);
    }

    public List<Alert> alerts(String artifactId) {
        return sink.alerts(artifactId);
    }
}
