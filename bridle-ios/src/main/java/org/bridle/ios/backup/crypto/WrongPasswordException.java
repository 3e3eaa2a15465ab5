package org.bridle.ios.backup.crypto;

/** The password does not unlock the keybag: no class key passed its integrity check. */
public final class WrongPasswordException extends Exception {
    WrongPasswordException() {
        super("the password is wrong");
    }
}
