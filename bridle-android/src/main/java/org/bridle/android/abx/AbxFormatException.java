package org.bridle.android.abx;

import java.io.IOException;

/** Bytes that are not a whole, well-formed binary XML document; the message is one sentence saying why. */
public final class AbxFormatException extends IOException {
    AbxFormatException(String message) {
        super(message);
    }
}
