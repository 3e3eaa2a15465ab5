package org.bridle.testkit.android;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes Android binary XML (ABX) for tests, token by token as AOSP's {@code BinaryXmlSerializer} does: the magic
 * {@code ABX\0}, a start-of-document token, then one byte a token (event in the low four bits, data type in the
 * high four), tag and attribute names interned (a 16-bit index, or {@code 0xFFFF} and the new string), strings as
 * a 16-bit length and modified UTF-8, numbers big-endian. {@link #bytes()} ends the document.
 */
public final class AbxWriter {
    private static final int START_DOCUMENT = 0;
    private static final int END_DOCUMENT = 1;
    private static final int START_TAG = 2;
    private static final int END_TAG = 3;
    private static final int TEXT = 4;
    private static final int COMMENT = 9;
    private static final int ATTRIBUTE = 15;
    private static final int TYPE_NULL = 1 << 4;
    private static final int TYPE_STRING = 2 << 4;
    private static final int TYPE_STRING_INTERNED = 3 << 4;
    private static final int TYPE_BYTES_HEX = 4 << 4;
    private static final int TYPE_BYTES_BASE64 = 5 << 4;
    private static final int TYPE_INT = 6 << 4;
    private static final int TYPE_INT_HEX = 7 << 4;
    private static final int TYPE_LONG = 8 << 4;
    private static final int TYPE_LONG_HEX = 9 << 4;
    private static final int TYPE_FLOAT = 10 << 4;
    private static final int TYPE_DOUBLE = 11 << 4;
    private static final int TYPE_BOOLEAN_TRUE = 12 << 4;
    private static final int TYPE_BOOLEAN_FALSE = 13 << 4;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);
    private final List<String> interned = new ArrayList<>();

    /** A document with its magic and start-of-document token written. */
    public AbxWriter() {
        bytes.writeBytes(new byte[] {'A', 'B', 'X', 0});
        token(START_DOCUMENT | TYPE_NULL);
    }

    public AbxWriter start(String tag) {
        token(START_TAG | TYPE_STRING_INTERNED);
        return interned(tag);
    }

    public AbxWriter end(String tag) {
        token(END_TAG | TYPE_STRING_INTERNED);
        return interned(tag);
    }

    public AbxWriter text(String text) {
        token(TEXT | TYPE_STRING);
        return utf(text);
    }

    public AbxWriter comment(String text) {
        token(COMMENT | TYPE_STRING);
        return utf(text);
    }

    public AbxWriter attribute(String name, String value) {
        attributeName(TYPE_STRING, name);
        return utf(value);
    }

    public AbxWriter attributeInterned(String name, String value) {
        attributeName(TYPE_STRING_INTERNED, name);
        return interned(value);
    }

    public AbxWriter attributeNull(String name) {
        return attributeName(TYPE_NULL, name);
    }

    public AbxWriter attribute(String name, int value, boolean hex) {
        attributeName(hex ? TYPE_INT_HEX : TYPE_INT, name);
        return write(() -> out.writeInt(value));
    }

    public AbxWriter attribute(String name, long value, boolean hex) {
        attributeName(hex ? TYPE_LONG_HEX : TYPE_LONG, name);
        return write(() -> out.writeLong(value));
    }

    public AbxWriter attribute(String name, float value) {
        attributeName(TYPE_FLOAT, name);
        return write(() -> out.writeFloat(value));
    }

    public AbxWriter attribute(String name, double value) {
        attributeName(TYPE_DOUBLE, name);
        return write(() -> out.writeDouble(value));
    }

    public AbxWriter attribute(String name, boolean value) {
        return attributeName(value ? TYPE_BOOLEAN_TRUE : TYPE_BOOLEAN_FALSE, name);
    }

    public AbxWriter attribute(String name, byte[] value, boolean base64) {
        attributeName(base64 ? TYPE_BYTES_BASE64 : TYPE_BYTES_HEX, name);
        return write(() -> {
            out.writeShort(value.length);
            out.write(value);
        });
    }

    /** Writes one raw byte, for a malformed document. */
    public AbxWriter raw(int b) {
        return token(b);
    }

    /** The document, ended by an end-of-document token. */
    public byte[] bytes() {
        token(END_DOCUMENT | TYPE_NULL);
        return bytes.toByteArray();
    }

    private AbxWriter attributeName(int type, String name) {
        token(ATTRIBUTE | type);
        return interned(name);
    }

    private AbxWriter token(int token) {
        return write(() -> out.writeByte(token));
    }

    private AbxWriter utf(String s) {
        return write(() -> out.writeUTF(s));
    }

    private AbxWriter interned(String s) {
        int index = interned.indexOf(s);
        return write(() -> {
            if (index >= 0) {
                out.writeShort(index);
            } else {
                out.writeShort(0xFFFF);
                out.writeUTF(s);
                interned.add(s);
            }
        });
    }

    private interface Write {
        void run() throws IOException;
    }

    private AbxWriter write(Write write) {
        try {
            write.run();
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array cannot fail", e);
        }
        return this;
    }
}
