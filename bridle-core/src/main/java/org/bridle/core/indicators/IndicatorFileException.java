package org.bridle.core.indicators;

/** An indicator file cannot be loaded at all: it cannot be read, is not JSON, or is not a STIX 2.1 bundle. */
public final class IndicatorFileException extends Exception {
    public IndicatorFileException(String message) {
        super(message);
    }

    public IndicatorFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
