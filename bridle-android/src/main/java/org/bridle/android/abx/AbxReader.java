package org.bridle.android.abx;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Android's binary XML, as AOSP's {@code BinaryXmlSerializer} writes it: the magic {@code ABX\0}, then one
 * byte a token, whose low four bits are the XML pull-parser event ({@code 0} start and {@code 1} end of document,
 * {@code 2} start and {@code 3} end of a tag, {@code 4}-{@code 10} text-like events, {@code 15} an attribute of
 * the last started tag) and whose high four bits the type of the data that follows: null, a string (big-endian
 * unsigned 16-bit length, then modified UTF-8), an interned string (a 16-bit index into the strings seen so far,
 * or {@code 0xFFFF} and a new string that joins them), bytes as hex or base64 (16-bit length, then the bytes), a
 * 32-bit int or a 64-bit long (decimal or hex), a float, a double, or true or false with no data.
 *
 * <p>The document is read into a tree up to its end-of-document token; trailing bytes are ignored, so a document
 * embedded in a larger dump can be read from its magic on. Depth and element count are bounded. Anything else
 * (an unknown token, a tag closed out of order, a document cut short) is an {@link AbxFormatException} saying
 * where.
 */
public final class AbxReader {
    /** The magic every binary XML document starts with. */
    public static final byte[] MAGIC = {'A', 'B', 'X', 0};
    /** The deepest nesting read. */
    public static final int MAX_DEPTH = 64;
    /** The most elements one document may hold. */
    public static final int MAX_ELEMENTS = 100_000;

    private static final int START_DOCUMENT = 0;
    private static final int END_DOCUMENT = 1;
    private static final int START_TAG = 2;
    private static final int END_TAG = 3;
    private static final int COMMENT = 9;
    private static final int LAST_TEXT_EVENT = 10;
    private static final int ATTRIBUTE = 15;
    private static final int TYPE_NULL = 1;
    private static final int TYPE_STRING = 2;
    private static final int TYPE_STRING_INTERNED = 3;
    private static final int TYPE_BYTES_HEX = 4;
    private static final int TYPE_BYTES_BASE64 = 5;
    private static final int TYPE_INT = 6;
    private static final int TYPE_INT_HEX = 7;
    private static final int TYPE_LONG = 8;
    private static final int TYPE_LONG_HEX = 9;
    private static final int TYPE_FLOAT = 10;
    private static final int TYPE_DOUBLE = 11;
    private static final int TYPE_BOOLEAN_TRUE = 12;
    private static final int TYPE_BOOLEAN_FALSE = 13;
    private static final int NEW_INTERNED = 0xFFFF;

    private final ByteArrayInputStream bytes;
    private final DataInputStream in;
    private final int start;
    private final int end;
    private final List<String> interned = new ArrayList<>();

    private AbxReader(byte[] content, int offset) {
        this.bytes = new ByteArrayInputStream(content, offset, content.length - offset);
        this.in = new DataInputStream(bytes);
        this.start = offset;
        this.end = content.length;
    }

    /** Whether {@code content} holds the magic at {@code offset}. */
    public static boolean isAbx(byte[] content, int offset) {
        if (offset < 0 || content.length - offset < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (content[offset + i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads the document that starts at {@code offset} (its magic) and returns its root element.
     *
     * @throws AbxFormatException when the bytes there are not a whole, well-formed binary XML document
     */
    public static AbxElement read(byte[] content, int offset) throws AbxFormatException {
        if (!isAbx(content, offset)) {
            throw new AbxFormatException("not Android binary XML: the magic ABX\\0 is missing");
        }
        AbxReader reader = new AbxReader(content, offset + MAGIC.length);
        try {
            return reader.document();
        } catch (AbxFormatException e) {
            throw e;
        } catch (EOFException e) {
            throw new AbxFormatException("the binary XML is cut short at byte " + reader.position());
        } catch (UTFDataFormatException e) {
            throw new AbxFormatException("the binary XML has a malformed string at byte " + reader.position());
        } catch (IOException e) {
            throw new AbxFormatException("the binary XML cannot be read at byte " + reader.position() + ": "
                    + e.getMessage());
        }
    }

    private int position() {
        return end - bytes.available() - start + MAGIC.length;
    }

    private AbxElement document() throws IOException {
        Deque<Builder> open = new ArrayDeque<>();
        AbxElement root = null;
        int elements = 0;
        while (true) {
            int at = position();
            int token = in.readUnsignedByte();
            int event = token & 0x0f;
            int type = token >> 4;
            switch (event) {
                case START_DOCUMENT -> value(type);
                case END_DOCUMENT -> {
                    if (!open.isEmpty()) {
                        throw new AbxFormatException("the binary XML ends inside <" + open.peek().name + ">");
                    }
                    if (root == null) {
                        throw new AbxFormatException("the binary XML holds no element");
                    }
                    return root;
                }
                case START_TAG -> {
                    if (++elements > MAX_ELEMENTS || open.size() >= MAX_DEPTH) {
                        throw new AbxFormatException("the binary XML holds more than " + MAX_ELEMENTS
                                + " elements or nests them deeper than " + MAX_DEPTH);
                    }
                    if (open.isEmpty() && root != null) {
                        throw new AbxFormatException("the binary XML has a second root element at byte " + at);
                    }
                    open.push(new Builder(name(type, at)));
                }
                case END_TAG -> {
                    String name = name(type, at);
                    if (open.isEmpty() || !open.peek().name.equals(name)) {
                        throw new AbxFormatException("the binary XML closes <" + name + "> out of order at byte "
                                + at);
                    }
                    AbxElement element = open.pop().build();
                    if (open.isEmpty()) {
                        root = element;
                    } else {
                        open.peek().children.add(element);
                    }
                }
                case ATTRIBUTE -> {
                    String name = interned();
                    String value = value(type);
                    if (open.isEmpty()) {
                        throw new AbxFormatException("the binary XML has an attribute outside a tag at byte " + at);
                    }
                    if (value != null) {
                        open.peek().attributes.put(name, value);
                    }
                }
                default -> {
                    if (event > LAST_TEXT_EVENT) {
                        throw new AbxFormatException("the binary XML has an unknown token 0x"
                                + Integer.toHexString(token) + " at byte " + at);
                    }
                    String text = value(type);
                    if (!open.isEmpty() && text != null && event != COMMENT) {
                        open.peek().text.append(text);
                    }
                }
            }
        }
    }

    private String name(int type, int at) throws IOException {
        if (type != TYPE_STRING_INTERNED) {
            throw new AbxFormatException("the binary XML has a tag whose name is not interned at byte " + at);
        }
        return interned();
    }

    private String interned() throws IOException {
        int index = in.readUnsignedShort();
        if (index == NEW_INTERNED) {
            String s = in.readUTF();
            if (interned.size() < NEW_INTERNED) {
                interned.add(s);
            }
            return s;
        }
        if (index >= interned.size()) {
            throw new AbxFormatException("the binary XML refers to string " + index + " of " + interned.size()
                    + " at byte " + position());
        }
        return interned.get(index);
    }

    /** Reads the data of one type, as text XML would write it; null for the null type. */
    private String value(int type) throws IOException {
        return switch (type) {
            case TYPE_NULL -> null;
            case TYPE_STRING -> in.readUTF();
            case TYPE_STRING_INTERNED -> interned();
            case TYPE_BYTES_HEX -> HexFormat.of().formatHex(data());
            case TYPE_BYTES_BASE64 -> Base64.getEncoder().encodeToString(data());
            case TYPE_INT -> Integer.toString(in.readInt());
            case TYPE_INT_HEX -> Integer.toHexString(in.readInt());
            case TYPE_LONG -> Long.toString(in.readLong());
            case TYPE_LONG_HEX -> Long.toHexString(in.readLong());
            case TYPE_FLOAT -> Float.toString(in.readFloat());
            case TYPE_DOUBLE -> Double.toString(in.readDouble());
            case TYPE_BOOLEAN_TRUE -> "true";
            case TYPE_BOOLEAN_FALSE -> "false";
            default -> throw new AbxFormatException("the binary XML has an unknown data type " + type
                    + " at byte " + position());
        };
    }

    private byte[] data() throws IOException {
        byte[] data = new byte[in.readUnsignedShort()];
        in.readFully(data);
        return data;
    }

    private static final class Builder {
        private final String name;
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private final List<AbxElement> children = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();

        Builder(String name) {
            this.name = name;
        }

        AbxElement build() {
            return new AbxElement(name, java.util.Collections.unmodifiableMap(attributes), List.copyOf(children),
                    text.toString());
        }
    }
}
