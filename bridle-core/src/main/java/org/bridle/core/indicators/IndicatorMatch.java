package org.bridle.core.indicators;

/**
 * An observable value that matched an indicator.
 *
 * @param indicator the indicator
 * @param observed the part of the observable that matched (a host, a URL found in a text, …)
 */
public record IndicatorMatch(Indicator indicator, String observed) {
}
