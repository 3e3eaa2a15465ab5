/**
 * Indicators of compromise: loading STIX 2.1 feeds and matching observables against them.
 *
 * <p>{@link org.bridle.core.indicators.StixBundleLoader} reads a bundle into an
 * {@link org.bridle.core.indicators.IndicatorFile} (its indicators and the {@link org.bridle.core.indicators.Problem}s
 * of what it could not use); {@link org.bridle.core.indicators.BuiltinIndicators} loads the feeds bridle ships;
 * {@link org.bridle.core.indicators.IndicatorSet} indexes files for exact matching and is the
 * {@link org.bridle.core.indicators.IndicatorMatcher} the scan engine uses;
 * {@link org.bridle.core.indicators.LinkExtractor} finds the links of free text.
 */
package org.bridle.core.indicators;
