package org.bridle.core.io;

/** A file is not in the format its artifact expects (a garbage plist, a file that is not SQLite). */
public class EvidenceFormatException extends Exception {
    public EvidenceFormatException(String message) {
        super(message);
    }

    public EvidenceFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
