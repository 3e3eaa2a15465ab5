package org.bridle.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bridle.core.model.Alert;
import org.bridle.core.model.Severity;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.core.scan.ScanResult;

/**
 * The text printed at the end of a check: what was run, what was missing or failed, what the artifacts noted (an old
 * iOS version, a database without the expected table, …), the detections by severity, and a
 * plain-language verdict that says what a detection means and that only expert review confirms an infection.
 */
public final class ConsoleSummary {
    /** How many detections are listed one by one before the rest are only counted. */
    static final int LISTED_DETECTIONS = 25;

    private ConsoleSummary() {
    }

    /**
     * Renders the summary.
     *
     * @param output the report folder, or null when no report was written
     */
    public static String render(ScanResult result, Path output) {
        StringBuilder s = new StringBuilder();
        s.append("\nChecked: ").append(result.source()).append('\n');
        long found = result.count(ArtifactOutcome.Status.FOUND);
        long absent = result.count(ArtifactOutcome.Status.NOT_PRESENT);
        long failed = result.count(ArtifactOutcome.Status.FAILED);
        s.append("Artifacts: ").append(result.outcomes().size()).append(" run: ").append(found).append(" found, ")
                .append(absent).append(" not present, ").append(failed).append(" failed\n");
        for (ArtifactOutcome o : result.outcomes()) {
            for (ArtifactOutcome.Failure f : o.failures()) {
                s.append("  failed: ").append(o.artifactId()).append(": ").append(f.file()).append(": ")
                        .append(f.reason()).append('\n');
            }
            for (String m : o.missing()) {
                s.append("  listed but missing from the evidence: ").append(o.artifactId()).append(": ").append(m)
                        .append('\n');
            }
            for (String note : o.notes()) {
                s.append("  note: ").append(o.artifactId()).append(": ").append(note).append('\n');
            }
        }
        List<Alert> detections = result.detections();
        Map<Severity, Long> counts = result.alertsBySeverity();
        s.append("Detections: ").append(detections.size());
        if (!detections.isEmpty()) {
            s.append(" (");
            boolean first = true;
            for (Severity level : new Severity[] {Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW}) {
                if (counts.get(level) > 0) {
                    s.append(first ? "" : ", ").append(counts.get(level)).append(' ').append(level);
                    first = false;
                }
            }
            s.append(')');
        }
        long informational = counts.get(Severity.INFORMATIONAL);
        if (informational > 0) {
            s.append("; ").append(informational).append(" informational note").append(informational == 1 ? "" : "s");
        }
        s.append('\n');
        detections.stream()
                .sorted((a, b) -> b.level().compareTo(a.level()))
                .limit(LISTED_DETECTIONS)
                .forEach(a -> s.append("  ").append(String.format("%-6s", a.level())).append(' ')
                        .append(a.artifact()).append(": ").append(a.message()).append('\n'));
        if (detections.size() > LISTED_DETECTIONS) {
            s.append("  … and ").append(detections.size() - LISTED_DETECTIONS).append(" more in alerts.json\n");
        }
        s.append('\n').append(verdict(result)).append('\n');
        if (output != null) {
            s.append("\nReports written to ").append(output)
                    .append(" (they hold the phone owner's private data: keep them safe).\n");
        }
        return s.toString();
    }

    /** The plain-language verdict. */
    static String verdict(ScanResult result) {
        long detections = result.detections().size();
        long indicatorMatches = result.detections().stream().filter(a -> a.matchedIndicator() != null).count();
        long failed = result.count(ArtifactOutcome.Status.FAILED);
        if (detections > 0) {
            return "Verdict: bridle found " + detections + " trace" + (detections == 1 ? "" : "s")
                    + " worth an expert's look (" + indicatorMatches + " matching published indicators of spyware, "
                    + (detections - indicatorMatches) + " from heuristics). A detection is a reason for concern, "
                    + "not proof of infection: an indicator can match by coincidence, and heuristics also flag unusual "
                    + "but innocent things. Only an expert review of these results can confirm an infection; share "
                    + "the output folder only with someone you trust, such as a digital-security helpline.";
        }
        String base = "Verdict: bridle found no known traces of spyware. This does not prove the phone is clean: "
                + "spyware can leave no trace in this evidence, and indicators only cover what has been published. "
                + "If you still have reason for concern, ask an expert.";
        if (failed > 0) {
            return base + " Note that " + failed + " artifact" + (failed == 1 ? "" : "s")
                    + " could not be checked (see above), so the check is incomplete.";
        }
        return base;
    }
}
