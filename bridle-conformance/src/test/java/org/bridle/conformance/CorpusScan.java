package org.bridle.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.indicators.IndicatorMatcher;
import org.bridle.core.model.Alert;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.core.scan.MemorySink;
import org.bridle.core.scan.ScanEngine;
import org.bridle.core.scan.ScanListener;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.Source;
import org.bridle.ios.backup.IosBackup;
import org.bridle.testkit.EvidenceSnapshot;

/**
 * Runs artifacts over a corpus input through the real scan engine, with no indicators or with the given ones, and
 * keeps what they made.
 */
record CorpusScan(MemorySink sink) {
    private static final IndicatorMatcher NO_INDICATORS = observable -> List.of();

    /** Scans the corpus iOS backup with no indicators, asserting the scan left it unchanged. */
    static CorpusScan iosBackup(Artifact<?>... artifacts) throws Exception {
        return iosBackup(NO_INDICATORS, artifacts);
    }

    /** Scans the corpus iOS backup with the given indicators, asserting the scan left it unchanged. */
    static CorpusScan iosBackup(IndicatorMatcher indicators, Artifact<?>... artifacts) throws Exception {
        Path backup = Corpus.iosBackup();
        EvidenceSnapshot before = EvidenceSnapshot.of(backup);
        MemorySink sink = new MemorySink();
        try (IosBackup source = IosBackup.open(backup)) {
            new ScanEngine(indicators, 2).run(source, List.of(artifacts), sink, ScanListener.NONE);
        }
        assertThat(EvidenceSnapshot.of(backup)).isEqualTo(before);
        return new CorpusScan(sink);
    }

    /** Scans an Android source with no indicators (closing it), asserting the scan left {@code input} unchanged. */
    static CorpusScan android(Path input, Source source, Artifact<?>... artifacts) throws Exception {
        EvidenceSnapshot before = EvidenceSnapshot.of(input);
        MemorySink sink = new MemorySink();
        try (source) {
            new ScanEngine(NO_INDICATORS, 2).run(source, List.of(artifacts), sink, ScanListener.NONE);
        }
        assertThat(EvidenceSnapshot.of(input)).isEqualTo(before);
        return new CorpusScan(sink);
    }

    /**
     * Parses one corpus file as the answer to one device location (MVT's tests feed such files to a parser
     * directly; here the real engine reads them through {@link OneFileSource}).
     */
    static CorpusScan file(Path file, String location, IndicatorMatcher indicators, Artifact<?>... artifacts)
            throws Exception {
        return fileAs(file, location, location, indicators, artifacts);
    }

    /** Like {@link #file}, with the file under {@code devicePath} (when the location is a pattern). */
    static CorpusScan fileAs(Path file, String location, String devicePath, IndicatorMatcher indicators,
                             Artifact<?>... artifacts) throws Exception {
        MemorySink sink = new MemorySink();
        new ScanEngine(indicators, 2).run(new OneFileSource(DevicePath.of(location), devicePath, file),
                List.of(artifacts), sink, ScanListener.NONE);
        return new CorpusScan(sink);
    }

    static CorpusScan file(Path file, String location, Artifact<?>... artifacts) throws Exception {
        return file(file, location, NO_INDICATORS, artifacts);
    }

    static CorpusScan fileAs(Path file, String location, String devicePath, Artifact<?>... artifacts)
            throws Exception {
        return fileAs(file, location, devicePath, NO_INDICATORS, artifacts);
    }

    <E> List<E> entries(String artifactId) {
        return sink.entries(artifactId);
    }

    ArtifactOutcome outcome(String artifactId) {
        return sink.outcome(artifactId);
    }

    List<TimelineEvent> timeline() {
        return sink.timeline();
    }

    List<Alert> alerts(String artifactId) {
        return sink.alerts(artifactId);
    }
}
