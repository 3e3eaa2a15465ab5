package org.bridle.core.scan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bridle.core.model.Alert;
import org.bridle.core.model.TimelineEvent;

/**
 * A sink that keeps everything in memory, for small scans and tests: entries by artifact, the timeline, alerts and
 * the evidence files read.
 */
public final class MemorySink implements ScanSink {
    private final Map<String, List<Object>> entries = new LinkedHashMap<>();
    private final List<TimelineEvent> timeline = new ArrayList<>();
    private final List<Alert> alerts = new ArrayList<>();
    private final Map<String, String> evidence = new LinkedHashMap<>();
    private final Map<String, ArtifactOutcome> outcomes = new LinkedHashMap<>();

    @Override
    public synchronized void entry(String artifactId, Object entry, List<TimelineEvent> events, List<Alert> raised) {
        entries.computeIfAbsent(artifactId, k -> new ArrayList<>()).add(entry);
        timeline.addAll(events);
        alerts.addAll(raised);
    }

    @Override
    public synchronized void alert(Alert alert) {
        alerts.add(alert);
    }

    @Override
    public synchronized void evidenceRead(String devicePath, String origin, String sha256) {
        evidence.put(origin, sha256);
    }

    @Override
    public synchronized void artifactFinished(ArtifactOutcome outcome) {
        outcomes.put(outcome.artifactId(), outcome);
    }

    /** The entries an artifact produced, in order; empty when none. */
    @SuppressWarnings("unchecked")
    public synchronized <E> List<E> entries(String artifactId) {
        return (List<E>) List.copyOf(entries.getOrDefault(artifactId, List.of()));
    }

    /** Every timeline event, in the order received. */
    public synchronized List<TimelineEvent> timeline() {
        return List.copyOf(timeline);
    }

    /** Every alert, in the order received. */
    public synchronized List<Alert> alerts() {
        return List.copyOf(alerts);
    }

    /** The alerts of one artifact. */
    public synchronized List<Alert> alerts(String artifactId) {
        return alerts.stream().filter(a -> a.artifact().equals(artifactId)).toList();
    }

    /** The evidence files read: origin to SHA-256. */
    public synchronized Map<String, String> evidence() {
        return Map.copyOf(evidence);
    }

    /** The outcome of an artifact, or null when it did not run. */
    public synchronized ArtifactOutcome outcome(String artifactId) {
        return outcomes.get(artifactId);
    }
}
