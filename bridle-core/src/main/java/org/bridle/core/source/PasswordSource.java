package org.bridle.core.source;

/**
 * Gives the password of encrypted evidence, asked for only when the evidence turns out to be encrypted. The caller
 * owns the returned array and overwrites it once the key is derived; implementations never log a password.
 */
@FunctionalInterface
public interface PasswordSource {
    /** For evidence opened without a way to give a password. */
    PasswordSource NONE = evidence -> {
        throw new InputException(evidence + " is encrypted, and no password was given.");
    };

    /**
     * The password of {@code evidence} (a description such as {@code the backup at /path}).
     *
     * @throws InputException when no password is available; its message names the ways to give one
     */
    char[] password(String evidence) throws InputException;
}
