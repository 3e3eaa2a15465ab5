package org.bridle.core.source;

/**
 * The whole input cannot be checked (not a backup, encrypted, unreadable). Its message is one sentence that tells
 * the user why, fit to print as it is.
 */
public class InputException extends Exception {
    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
