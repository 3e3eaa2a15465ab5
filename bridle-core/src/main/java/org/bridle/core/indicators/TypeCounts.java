package org.bridle.core.indicators;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Numbers of indicators by type, in the order of {@link IndicatorType}, types with none left out. */
final class TypeCounts {
    private TypeCounts() {
    }

    static Map<IndicatorType, Integer> of(Iterable<Indicator> indicators) {
        Map<IndicatorType, Integer> counts = new EnumMap<>(IndicatorType.class);
        for (Indicator indicator : indicators) {
            counts.merge(indicator.type(), 1, Integer::sum);
        }
        return Collections.unmodifiableMap(counts);
    }

    static Map<IndicatorType, Integer> copyOf(Map<IndicatorType, Integer> counts) {
        Map<IndicatorType, Integer> copy = new EnumMap<>(IndicatorType.class);
        copy.putAll(counts);
        return Collections.unmodifiableMap(copy);
    }
}
