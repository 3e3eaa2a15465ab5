package org.bridle.core.indicators;

import java.util.List;
import org.bridle.core.model.Observable;

/** Checks observables against a set of indicators. Implementations are immutable and thread-safe. */
public interface IndicatorMatcher {

    /** Every indicator the observable matches, each once, in a stable order; empty when none. */
    List<IndicatorMatch> match(Observable observable);

    /**
     * The value of every indicator of {@code type}, each once, in a stable order: for artifacts that must resolve a
     * partial observation (such as a truncated process name) before matching. Empty when this matcher cannot list.
     */
    default List<String> values(IndicatorType type) {
        return List.of();
    }
}
