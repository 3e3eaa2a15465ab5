package org.bridle.core.indicators;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The indicators of one malware family or report, over every loaded file that names it.
 *
 * @param name the malware or report name (or the file's name without extension when the file names none)
 * @param countsByType its number of indicators of each type, types with none left out
 * @param sourceFiles the names of the files its indicators came from, in loading order
 */
public record Family(String name, Map<IndicatorType, Integer> countsByType, List<String> sourceFiles) {
    public Family {
        Objects.requireNonNull(name, "name");
        countsByType = TypeCounts.copyOf(countsByType);
        sourceFiles = List.copyOf(sourceFiles);
    }

    /** Its number of indicators. */
    public int size() {
        return countsByType.values().stream().mapToInt(Integer::intValue).sum();
    }
}
