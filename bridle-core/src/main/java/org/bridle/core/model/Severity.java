package org.bridle.core.model;

/** How much a detection matters, in the order MVT's alert levels use. */
public enum Severity {
    INFORMATIONAL, LOW, MEDIUM, HIGH, CRITICAL
}
