package org.bridle.core.source;

/**
 * Gives the password of encrypted evidence, asked only once the evidence turns out to be encrypted. The caller of
 * {@link #password} owns the array and clears it after use.
 */
@FunctionalInterface
public interface PasswordSupplier {
    /** A supplier for checks run without any password: encrypted evidence then cannot be read. */
    PasswordSupplier NONE = what -> {
        throw new InputException(what + " is encrypted: give its password.");
    };

    /**
     * The password of {@code what}, such as {@code the backup backup.ab}.
     *
     * @throws InputException when no password can be had, with one sentence saying how to give one
     */
    char[] password(String what) throws InputException;
}
