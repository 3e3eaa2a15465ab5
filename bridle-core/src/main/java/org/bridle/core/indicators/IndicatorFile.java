package org.bridle.core.indicators;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One loaded indicator file: what it holds and what in it could not be used.
 *
 * @param name the file name, which indicators carry as their source
 * @param location where it was read from: an absolute path, or {@code builtin:} and a resource path
 * @param content the length and SHA-256 of its bytes
 * @param indicators its usable indicators, in file order
 * @param problems the objects it holds that could not be used, in file order
 */
public record IndicatorFile(String name, String location, ContentDigest content, List<Indicator> indicators,
                            List<Problem> problems) {
    public IndicatorFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(content, "content");
        indicators = List.copyOf(indicators);
        problems = List.copyOf(problems);
    }

    /** The lower-case hex SHA-256 of its bytes. */
    public String sha256() {
        return content.sha256();
    }

    /** The number of indicators of each type it holds, types with none left out. */
    public Map<IndicatorType, Integer> countsByType() {
        return TypeCounts.of(indicators);
    }
}
