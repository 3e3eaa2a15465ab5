package org.bridle.ios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.indicators.IndicatorMatcher;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.core.scan.MemorySink;
import org.bridle.core.scan.ScanEngine;
import org.bridle.core.scan.ScanListener;
import org.bridle.core.scan.ScanResult;
import org.bridle.core.source.Source;
import org.bridle.ios.backup.IosBackup;
import org.bridle.ios.fs.IosFilesystemDump;
import org.bridle.testkit.EvidenceSnapshot;

/** Runs artifacts through the real scan engine over a source and keeps what they produced, for tests. */
public record ArtifactScan(ScanResult result, MemorySink sink) {
    private static final IndicatorMatcher NO_INDICATORS = observable -> List.of();

    /** Scans with no indicators. */
    public static ArtifactScan run(Source source, Artifact<?>... artifacts) throws Exception {
        return run(source, NO_INDICATORS, artifacts);
    }

    /** Opens a backup folder, scans it with no indicators, and asserts the scan left the folder unchanged. */
    public static ArtifactScan overBackup(Path backup, Artifact<?>... artifacts) throws Exception {
        return overBackup(backup, NO_INDICATORS, artifacts);
    }

    /** Opens a filesystem dump (folder or archive), scans it with no indicators, and asserts it is unchanged. */
    public static ArtifactScan overDump(Path dump, Artifact<?>... artifacts) throws Exception {
        return overDump(dump, NO_INDICATORS, artifacts);
    }

    /** Opens a filesystem dump (folder or archive), scans it with the indicators, and asserts it is unchanged. */
    public static ArtifactScan overDump(Path dump, IndicatorMatcher indicators, Artifact<?>... artifacts)
            throws Exception {
        EvidenceSnapshot before = EvidenceSnapshot.of(dump.getParent());
        ArtifactScan scan;
        try (IosFilesystemDump source = IosFilesystemDump.open(dump)) {
            scan = run(source, indicators, artifacts);
        }
        assertThat(EvidenceSnapshot.of(dump.getParent())).as("the evidence after the scan").isEqualTo(before);
        return scan;
    }

    /** Opens a backup folder, scans it with the indicators, and asserts the scan left the folder unchanged. */
    public static ArtifactScan overBackup(Path backup, IndicatorMatcher indicators, Artifact<?>... artifacts)
            throws Exception {
        EvidenceSnapshot before = EvidenceSnapshot.of(backup);
        ArtifactScan scan;
        try (IosBackup source = IosBackup.open(backup)) {
            scan = run(source, indicators, artifacts);
        }
        assertThat(EvidenceSnapshot.of(backup)).as("the evidence after the scan").isEqualTo(before);
        return scan;
    }

    /** Scans with the given indicators. */
    public static ArtifactScan run(Source source, IndicatorMatcher indicators, Artifact<?>... artifacts)
            throws Exception {
        MemorySink sink = new MemorySink();
        ScanResult result = new ScanEngine(indicators, 2).run(source, List.of(artifacts), sink, ScanListener.NONE);
        return new ArtifactScan(result, sink);
    }

    /** The entries of one artifact. */
    public <E> List<E> entries(String artifactId) {
        return sink.entries(artifactId);
    }

    /** The outcome of one artifact. */
    public ArtifactOutcome outcome(String artifactId) {
        return sink.outcome(artifactId);
    }
}
