package org.bridle.core.scan;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.bridle.core.model.Alert;
import org.bridle.core.model.Severity;

/**
 * What a whole scan found.
 *
 * @param source what was checked
 * @param started when the scan started
 * @param finished when it finished
 * @param outcomes one per artifact, in the order the artifacts were given
 * @param alerts every alert, in the order artifacts were given and, within one, as raised
 */
public record ScanResult(String source, Instant started, Instant finished, List<ArtifactOutcome> outcomes,
                         List<Alert> alerts) {

    /** How many alerts there are of each severity (every severity present, zero where none). */
    public Map<Severity, Long> alertsBySeverity() {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0L);
        }
        for (Alert alert : alerts) {
            counts.merge(alert.level(), 1L, Long::sum);
        }
        return counts;
    }

    /** How many artifacts ended with this status. */
    public long count(ArtifactOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    /** The alerts of level LOW and above: the detections that make a check's verdict. */
    public List<Alert> detections() {
        return alerts.stream().filter(a -> a.level() != Severity.INFORMATIONAL).toList();
    }
}
