/** Indicators of compromise: loading STIX 2.1 feeds and matching observables against them. */
package org.bridle.core.indicators;
