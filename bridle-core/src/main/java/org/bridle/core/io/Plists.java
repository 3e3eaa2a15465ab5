package org.bridle.core.io;

import com.dd.plist.NSDictionary;
import com.dd.plist.NSObject;
import com.dd.plist.PropertyListParser;
import com.dd.plist.XMLPropertyListParser;
import java.io.ByteArrayInputStream;
import java.util.Map;
import javax.xml.parsers.DocumentBuilder;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

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
            NSObject parsed = looksLikeXml(data) ? parseXml(data) : PropertyListParser.parse(data);
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

    /** Parses a property list whose top level must be a dictionary, as plain Java values (see {@link PlistValues}). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseMap(byte[] data) throws EvidenceFormatException {
        return (Map<String, Object>) PlistValues.toJava(parseDictionary(data));
    }

    private static boolean looksLikeXml(byte[] data) {
        for (byte b : data) {
            if (b == '<') {
                return true;
            }
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != (byte) 0xEF && b != (byte) 0xBB
                    && b != (byte) 0xBF) {
                return false;
            }
        }
        return false;
    }

    /** Parses XML with a builder that reports errors as exceptions only (the default one also prints them). */
    private static NSObject parseXml(byte[] data) throws Exception {
        DocumentBuilder builder = XMLPropertyListParser.getDocBuilder();
        builder.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // warnings do not stop the parse
            }

            @Override
            public void error(SAXParseException e) throws SAXException {
                throw e;
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                throw e;
            }
        });
        return XMLPropertyListParser.parse(builder.parse(new ByteArrayInputStream(data)));
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
