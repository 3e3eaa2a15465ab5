package org.bridle.core.io;

import com.dd.plist.NSDictionary;
import com.dd.plist.NSObject;
import com.dd.plist.PropertyListParser;

/** Parses property lists (binary, XML, ASCII) from untrusted bytes. */
public final class Plists {
    private Plists() {
    }

    /**
     * Parses a property list. dd-plist throws unchecked exceptions on malformed input; they are turned into an
     * {@link EvidenceFormatException} here, at the parse boundary.
     */
    public static NSObject parse(byte[] data) throws EvidenceFormatException {
        try {
            NSObject parsed = PropertyListParser.parse(data);
            if (parsed == null) {
                throw new EvidenceFormatException("not a property list");
            }
            return parsed;
        } catch (EvidenceFormatException e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            throw new EvidenceFormatException("not a valid property list (" + describe(e) + ")", e);
        }
    }

    /** Parses a property list whose top level must be a dictionary. */
    public static NSDictionary parseDictionary(byte[] data) throws EvidenceFormatException {
        NSObject parsed = parse(data);
        if (parsed instanceof NSDictionary dictionary) {
            return dictionary;
        }
        throw new EvidenceFormatException("the property list is a " + parsed.getClass().getSimpleName()
                + ", not a dictionary");
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
