package org.bridle.ios.artifacts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bridle.core.io.EvidenceFormatException;

/**
 * Reads the text of an {@code NSAttributedString} archived with NSArchiver (a NeXT "typedstream"), as Messages stores
 * it in {@code attributedBody}. Only what leads to the string is decoded: the header, the root object's class chain,
 * and its first field, an {@code NSString} whose value is a length-prefixed UTF-8 byte string (type {@code +}).
 * The attribute runs after it are not read.
 *
 * <p>Format: integers are one signed byte, or {@code 0x81} and a little-endian int16, or {@code 0x82} and an int32.
 * A type encoding or class name is a shared string: {@code 0x84} (new) then a length and bytes, or a reference to an
 * earlier one. An object is {@code 0x84}, then its class chain (each class {@code 0x84}, a name and a version, up
 * to {@code 0x85} or a reference to a class already written), then its fields. References count from {@code 0x92};
 * shared strings and objects (classes included) are numbered in two separate tables, in the order written.
 */
final class TypedStreamText {
    private static final byte[] SIGNATURE = "streamtyped".getBytes(StandardCharsets.US_ASCII);
    private static final int INT16 = -127;
    private static final int INT32 = -126;
    private static final int NEW = -124;
    private static final int NIL = -123;
    private static final int FIRST_REFERENCE = -110;

    private final byte[] data;
    private final List<String> strings = new ArrayList<>();
    private final List<String> objects = new ArrayList<>();
    private int pos;

    private TypedStreamText(byte[] data) {
        this.data = data;
    }

    /**
     * The string of an archived attributed string.
     *
     * @throws EvidenceFormatException when the blob is not a typedstream holding an attributed string
     */
    static String decode(byte[] blob) throws EvidenceFormatException {
        return new TypedStreamText(blob).read();
    }

    private String read() throws EvidenceFormatException {
        int version = signedByte();
        if (version != 4 || !Arrays.equals(bytes(integer()), SIGNATURE)) {
            throw new EvidenceFormatException("not a typedstream");
        }
        integer();
        String rootClass = object("@");
        if (!rootClass.endsWith("AttributedString")) {
            throw new EvidenceFormatException("the typedstream holds a " + rootClass + ", not an attributed string");
        }
        String stringClass = object("@");
        if (!stringClass.endsWith("String")) {
            throw new EvidenceFormatException("the attributed string starts with a " + stringClass);
        }
        String valueType = sharedString();
        if (!"+".equals(valueType)) {
            throw new EvidenceFormatException("the string's value has type " + valueType);
        }
        return new String(bytes(integer()), StandardCharsets.UTF_8);
    }

    /** Reads a value of type {@code @} that starts a new object, and returns the name of its class. */
    private String object(String expectedType) throws EvidenceFormatException {
        String type = sharedString();
        if (!expectedType.equals(type) || signedByte() != NEW) {
            throw new EvidenceFormatException("expected a new object in the typedstream at byte " + pos);
        }
        objects.add(null);
        String first = null;
        while (true) {
            int tag = signedByte();
            if (tag == NIL) {
                break;
            }
            if (tag != NEW) {
                String known = reference(objects, tag);
                first = first == null ? known : first;
                break;
            }
            String name = sharedString();
            integer();
            objects.add(name);
            first = first == null ? name : first;
        }
        if (first == null) {
            throw new EvidenceFormatException("an object of the typedstream has no class");
        }
        return first;
    }

    private String sharedString() throws EvidenceFormatException {
        int tag = signedByte();
        if (tag == NEW) {
            String value = new String(bytes(integer()), StandardCharsets.UTF_8);
            strings.add(value);
            return value;
        }
        if (tag == NIL) {
            return null;
        }
        return reference(strings, tag);
    }

    private String reference(List<String> table, int tag) throws EvidenceFormatException {
        long index = (long) integerAfter(tag) - FIRST_REFERENCE;
        if (index < 0 || index >= table.size() || table.get((int) index) == null) {
            throw new EvidenceFormatException("the typedstream refers to an unknown entry " + index);
        }
        return table.get((int) index);
    }

    private int integer() throws EvidenceFormatException {
        return integerAfter(signedByte());
    }

    private int integerAfter(int tag) throws EvidenceFormatException {
        if (tag == INT16) {
            return (short) littleEndian(2);
        }
        if (tag == INT32) {
            return littleEndian(4);
        }
        return tag;
    }

    private int littleEndian(int size) throws EvidenceFormatException {
        byte[] b = bytes(size);
        int value = 0;
        for (int i = size - 1; i >= 0; i--) {
            value = (value << 8) | (b[i] & 0xff);
        }
        return value;
    }

    private int signedByte() throws EvidenceFormatException {
        return bytes(1)[0];
    }

    private byte[] bytes(int length) throws EvidenceFormatException {
        if (length < 0 || length > data.length - pos) {
            throw new EvidenceFormatException("the typedstream is truncated");
        }
        byte[] out = Arrays.copyOfRange(data, pos, pos + length);
        pos += length;
        return out;
    }
}
