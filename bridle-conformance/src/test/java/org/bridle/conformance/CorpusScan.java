package org.bridle.conformance;

import java.util.List;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.core.scan.MemorySink;
import org.bridle.core.scan.ScanEngine;
import org.bridle.core.scan.ScanListener;
import org.bridle.ios.backup.IosBackup;

/** Runs artifacts through the real scan engine, with no indicators, over a corpus input and keeps what they gave. */
record CorpusScan(MemorySink sink) {

    /** Scans MVT's iOS backup. */
    static CorpusScan iosBackup(Artifact<?>... artifacts) throws Exception {
        MemorySink sink = new MemorySink();
        try (IosBackup backup = IosBackup.open(Corpus.iosBackup())) {
            new ScanEngine(observable -> List.of(), 2).run(backup, List.of(artifacts), sink, ScanListener.NONE);
        }
        return new CorpusScan(sink);
    }

    /** The outcome of one artifact. */
    ArtifactOutcome outcome(String artifactId) {
        return sink.outcome(artifactId);
    }
}
