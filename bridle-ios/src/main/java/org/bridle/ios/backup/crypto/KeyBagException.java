package org.bridle.ios.backup.crypto;

/** A keybag is malformed; the message says how, fit to follow "the keybag is malformed: ". */
public final class KeyBagException extends Exception {
    KeyBagException(String message) {
        super(message);
    }
}
