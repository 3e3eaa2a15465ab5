package org.bridle.core.indicators;

import java.util.Objects;

/**
 * One published indicator of compromise.
 *
 * @param type its kind
 * @param value its value as published (refanged)
 * @param family the malware or report it belongs to
 * @param sourceFile the file name of the feed it came from
 * @param objectId the STIX id of the indicator object (or another stable id for non-STIX feeds)
 */
public record Indicator(IndicatorType type, String value, String family, String sourceFile, String objectId) {
    public Indicator {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(sourceFile, "sourceFile");
    }
}
