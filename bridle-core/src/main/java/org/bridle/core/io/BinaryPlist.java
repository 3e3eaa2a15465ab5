package org.bridle.core.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The object table of a binary property list ({@code bplist00}), read in place: objects are addressed by their
 * number in the table, checked all at once when the list is read and decoded only when asked for, without building
 * a tree of objects.
 *
 * <p>It knows the kinds below, nothing else (no sets, no 128-bit integers, no UTF-8 strings); meeting another
 * kind, or anything out of bounds, is an {@link EvidenceFormatException}. {@link #of} reads every object, so a
 * caller reads only objects that {@link Plists} would parse as well; a caller needing exactly what {@link Plists}
 * makes of an unusual list should use {@link Plists}.
 */
public final class BinaryPlist {
    /** The kinds of object this reader decodes. */
    public enum Kind { BOOLEAN, INTEGER, REAL, DATE, DATA, ASCII_STRING, UTF16_STRING, UID, ARRAY, DICTIONARY }

    /** Strings of ASCII characters that {@link #indexOfString} tells a string object apart by, held as bytes. */
    public static final class AsciiStrings {
        private final List<String> strings;
        private final byte[][] bytes;

        /** @throws IllegalArgumentException when a string holds another character than ASCII */
        public AsciiStrings(List<String> strings) {
            this.strings = List.copyOf(strings);
            this.bytes = new byte[strings.size()][];
            for (int i = 0; i < bytes.length; i++) {
                if (!StandardCharsets.US_ASCII.newEncoder().canEncode(strings.get(i))) {
                    throw new IllegalArgumentException("not ASCII: " + strings.get(i));
                }
                bytes[i] = strings.get(i).getBytes(StandardCharsets.US_ASCII);
            }
        }

        /** The number of strings. */
        public int size() {
            return bytes.length;
        }
    }

    private static final byte[] MAGIC = "bplist00".getBytes(StandardCharsets.US_ASCII);
    private static final int TRAILER = 32;
    /** The kind of object by the high half of its marker byte, for the markers this reader knows. */
    private static final Kind[] KINDS = {Kind.BOOLEAN, Kind.INTEGER, Kind.REAL, Kind.DATE, Kind.DATA,
        Kind.ASCII_STRING, Kind.UTF16_STRING, null, Kind.UID, null, Kind.ARRAY, null, null, Kind.DICTIONARY, null,
        null};
    /** In {@link #FIXED_SIZES}: the marker's object has its length in the marker or after it. */
    private static final byte LENGTH_FOLLOWS = -1;
    /** In {@link #FIXED_SIZES}: the marker is of no kind this reader knows. */
    private static final byte UNKNOWN = -2;
    /** By marker byte: the number of bytes after the marker, or {@link #LENGTH_FOLLOWS} or {@link #UNKNOWN}. */
    private static final byte[] FIXED_SIZES = fixedSizes();

    private final byte[] data;
    private final int refSize;
    private final int count;
    private final int top;
    private final int table;
    /** Where each object's marker is, from the offset table. */
    private final int[] offsets;

    private BinaryPlist(byte[] data, int offsetSize, int refSize, int count, int top, int table)
            throws EvidenceFormatException {
        this.data = data;
        this.refSize = refSize;
        this.count = count;
        this.top = top;
        this.table = table;
        this.offsets = new int[count];
        for (int object = 0, entry = table; object < count; object++, entry += offsetSize) {
            // offsets of one or two bytes, as in all but huge lists, read inline
            long at = offsetSize == 1 ? data[entry] & 0xff
                    : offsetSize == 2 ? (data[entry] & 0xff) << 8 | data[entry + 1] & 0xff
                    : unsigned(entry, offsetSize);
            if (at < MAGIC.length || at >= table) {
                throw new EvidenceFormatException("an object of the binary property list lies outside its objects");
            }
            offsets[object] = (int) at;
        }
        checkObjects();
    }

    /**
     * Reads the header and trailer of a binary property list, and every object of its table. Containers must come
     * before the containers they contain (as the writers of Apple and dd-plist put them), which proves that none
     * contains itself; so this reader reads only lists that {@link Plists} parses as well.
     *
     * @throws EvidenceFormatException when the trailer is invalid, an object is malformed or of another kind, a
     *     dictionary key is not a string, or a container refers to a container before it
     */
    public static BinaryPlist of(byte[] data) throws EvidenceFormatException {
        if (data.length < MAGIC.length + TRAILER || !startsWithMagic(data)) {
            throw new EvidenceFormatException("not a bplist00 binary property list");
        }
        int trailer = data.length - TRAILER;
        int offsetSize = data[trailer + 6] & 0xff;
        int refSize = data[trailer + 7] & 0xff;
        long count = unsigned(data, trailer + 8, 8);
        long top = unsigned(data, trailer + 16, 8);
        long table = unsigned(data, trailer + 24, 8);
        if (offsetSize < 1 || offsetSize > 8 || refSize < 1 || refSize > 8 || count < 1 || top >= count
                || table < MAGIC.length || table + count * offsetSize > trailer) {
            throw new EvidenceFormatException("the binary property list's trailer is invalid");
        }
        return new BinaryPlist(data, offsetSize, refSize, (int) count, (int) top, (int) table);
    }

    private static byte[] fixedSizes() {
        byte[] sizes = new byte[256];
        for (int marker = 0; marker < 256; marker++) {
            int low = marker & 0xf;
            sizes[marker] = (byte) switch (marker >> 4) {
                case 0x0 -> marker == 0x08 || marker == 0x09 ? 0 : UNKNOWN; // false, true
                case 0x1 -> low <= 3 ? 1 << low : UNKNOWN; // integers of 1, 2, 4 and 8 bytes
                case 0x2 -> low == 2 || low == 3 ? 1 << low : UNKNOWN; // reals of 4 and 8 bytes
                case 0x3 -> marker == 0x33 ? 8 : UNKNOWN; // a date
                case 0x8 -> low <= 7 ? low + 1 : UNKNOWN; // a UID of 1 to 8 bytes
                case 0x4, 0x5, 0x6, 0xA, 0xD -> LENGTH_FOLLOWS; // data, strings, arrays and dictionaries
                default -> UNKNOWN;
            };
        }
        return sizes;
    }

    private static boolean startsWithMagic(byte[] data) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (data[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** Checks every object, and the references of each container. */
    private void checkObjects() throws EvidenceFormatException {
        for (int object = 0; object < count; object++) {
            int at = offsets[object];
            int marker = data[at] & 0xff;
            int fixed = FIXED_SIZES[marker];
            if (fixed >= 0) {
                within(at + 1, fixed);
                if (marker == 0x87 && data[at + 1] < 0) {
                    throw unsupported(marker); // a UID larger than a long holds
                }
                continue;
            }
            if (fixed != LENGTH_FOLLOWS) {
                throw unsupported(marker);
            }
            int kind = marker >> 4;
            int length = length(at);
            int start = contentAt(at);
            within(start, (long) length * (kind == 0x6 ? 2 : kind == 0xA ? refSize : kind == 0xD ? 2 * refSize : 1));
            if (kind == 0xA) {
                checkReferences(object, start, 0, length);
            } else if (kind == 0xD) {
                checkReferences(object, start, length, 2 * length);
            }
        }
    }

    /**
     * Checks the {@code total} references of a container from {@code start}: the first {@code keys} must name
     * strings, the others no container up to it.
     */
    private void checkReferences(int container, int start, int keys, int total) throws EvidenceFormatException {
        for (int i = 0, at = start; i < total; i++, at += refSize) {
            long ref = refSize == 1 ? data[at] & 0xff : unsigned(at, refSize);
            if (ref < 0 || ref >= count) {
                throw new EvidenceFormatException("the binary property list refers to object " + ref + " of "
                        + count);
            }
            int contained = (int) ref;
            int kind = data[offsets[contained]] & 0xf0;
            if (i < keys && kind != 0x50 && kind != 0x60) {
                throw new EvidenceFormatException("a dictionary key is not a string");
            }
            if ((kind == 0xA0 || kind == 0xD0) && contained <= container) {
                throw new EvidenceFormatException("the binary property list's containers are not in order (a "
                        + "container may contain itself)");
            }
        }
    }

    /** The number of the top object. */
    public int top() {
        return top;
    }

    /** The kind of an object. */
    public Kind kind(int object) throws EvidenceFormatException {
        return KINDS[(data[offset(object)] & 0xff) >> 4];
    }

    /** An integer: 1, 2 and 4 bytes unsigned, 8 bytes signed. */
    public long integer(int object) throws EvidenceFormatException {
        int at = offset(object);
        int marker = data[at] & 0xff;
        if (marker >> 4 != 0x1) {
            throw unsupported(marker);
        }
        return unsigned(at + 1, 1 << (marker & 0xf));
    }

    /** A real (4 or 8 bytes) or a date's seconds since 2001. */
    public double real(int object) throws EvidenceFormatException {
        int at = offset(object);
        int marker = data[at] & 0xff;
        if (marker >> 4 != 0x2 && marker >> 4 != 0x3) {
            throw unsupported(marker);
        }
        return marker == 0x22 ? Float.intBitsToFloat((int) unsigned(at + 1, 4))
                : Double.longBitsToDouble(unsigned(at + 1, 8));
    }

    /** A string, ASCII or UTF-16. */
    public String string(int object) throws EvidenceFormatException {
        int at = offset(object);
        int marker = data[at] & 0xff;
        if (marker >> 4 == 0x5) {
            return new String(data, contentAt(at), length(at), StandardCharsets.US_ASCII);
        }
        if (marker >> 4 == 0x6) {
            return new String(data, contentAt(at), 2 * length(at), StandardCharsets.UTF_16BE);
        }
        throw unsupported(marker);
    }

    /** True when the object is a string equal to {@code ascii}, which holds only ASCII characters. */
    public boolean isString(int object, String ascii) throws EvidenceFormatException {
        return matches(object, ascii, false);
    }

    /** True when the object is a string that starts with {@code ascii}, which holds only ASCII characters. */
    public boolean startsWith(int object, String ascii) throws EvidenceFormatException {
        return matches(object, ascii, true);
    }

    /**
     * The index of the first of {@code candidates} that the object is a string equal to, or -1. An ASCII string is
     * compared in place; a UTF-16 one is decoded.
     */
    public int indexOfString(int object, AsciiStrings candidates) throws EvidenceFormatException {
        int at = offset(object);
        int kind = (data[at] & 0xff) >> 4;
        if (kind == 0x6) {
            return candidates.strings.indexOf(string(object));
        }
        if (kind != 0x5) {
            return -1;
        }
        int length = length(at);
        int start = contentAt(at);
        byte[][] bytes = candidates.bytes;
        for (int i = 0; i < bytes.length; i++) {
            byte[] candidate = bytes[i];
            if (candidate.length == length) {
                int same = 0;
                while (same < length && data[start + same] == candidate[same]) {
                    same++;
                }
                if (same == length) {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * True when two strings hold the same characters (as {@link #string} decodes them); ASCII strings are compared
     * in place.
     */
    public boolean sameString(int first, int second) throws EvidenceFormatException {
        int a = offset(first);
        int b = offset(second);
        if ((data[a] & 0xff) >> 4 != 0x5 || (data[b] & 0xff) >> 4 != 0x5) {
            return string(first).equals(string(second));
        }
        int length = length(a);
        if (length != length(b)) {
            return false;
        }
        int from = contentAt(a);
        int to = contentAt(b);
        for (int i = 0; i < length; i++) {
            byte x = data[from + i];
            byte y = data[to + i];
            // bytes outside ASCII all decode to the replacement character
            if (x != y && (x >= 0 || y >= 0)) {
                return false;
            }
        }
        return true;
    }

    private boolean matches(int object, String ascii, boolean prefix) throws EvidenceFormatException {
        int at = offset(object);
        int kind = (data[at] & 0xff) >> 4;
        if (kind == 0x6) {
            String string = string(object);
            return prefix ? string.startsWith(ascii) : string.equals(ascii);
        }
        if (kind != 0x5) {
            return false;
        }
        int length = length(at);
        if (prefix ? length < ascii.length() : length != ascii.length()) {
            return false;
        }
        return asciiAt(contentAt(at), ascii);
    }

    /** True when the bytes from {@code start} are the characters of {@code ascii}. */
    private boolean asciiAt(int start, String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            if (data[start + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** A data object's bytes. */
    public byte[] data(int object) throws EvidenceFormatException {
        int at = offset(object);
        if ((data[at] & 0xff) >> 4 != 0x4) {
            throw unsupported(data[at] & 0xff);
        }
        int start = contentAt(at);
        return Arrays.copyOfRange(data, start, start + length(at));
    }

    /** A keyed-archive UID's number (up to 8 bytes, unsigned, less than 2<sup>63</sup>). */
    public long uid(int object) throws EvidenceFormatException {
        int at = offset(object);
        int marker = data[at] & 0xff;
        if (marker >> 4 != 0x8) {
            throw unsupported(marker);
        }
        return unsigned(at + 1, (marker & 0xf) + 1);
    }

    /** The number of elements of an array, or of entries of a dictionary. */
    public int size(int object) throws EvidenceFormatException {
        int at = offset(object);
        int kind = (data[at] & 0xff) >> 4;
        if (kind != 0xA && kind != 0xD) {
            throw unsupported(data[at] & 0xff);
        }
        return length(at);
    }

    /** The {@code i}th element of an array. */
    public int element(int array, int i) throws EvidenceFormatException {
        return reference(array, 0xA, false, i);
    }

    /** The {@code i}th key of a dictionary. */
    public int key(int dictionary, int i) throws EvidenceFormatException {
        return reference(dictionary, 0xD, false, i);
    }

    /** The {@code i}th value of a dictionary. */
    public int value(int dictionary, int i) throws EvidenceFormatException {
        return reference(dictionary, 0xD, true, i);
    }

    /**
     * The {@code i}th element of a container of the {@code kind} (the high half of its marker): of a dictionary, its
     * {@code i}th key or value.
     */
    private int reference(int container, int kind, boolean value, int i) throws EvidenceFormatException {
        int at = offset(container);
        int size = length(at);
        if ((data[at] & 0xff) >> 4 != kind || i < 0 || i >= size) {
            throw noElement(container, i);
        }
        int ref = contentAt(at) + (value ? size + i : i) * refSize;
        return refSize == 1 ? data[ref] & 0xff : (int) unsigned(ref, refSize);
    }

    private static EvidenceFormatException noElement(int container, int i) {
        return new EvidenceFormatException("the binary property list has no container " + container + " with an "
                + "element " + i);
    }

    private int offset(int object) throws EvidenceFormatException {
        if (object < 0 || object >= count) {
            throw noObject(object);
        }
        return offsets[object];
    }

    private static EvidenceFormatException noObject(int object) {
        return new EvidenceFormatException("the binary property list has no object " + object);
    }

    /** The length of a string, data or container at {@code at}: in its marker, or in an integer after it. */
    private int length(int at) throws EvidenceFormatException {
        int small = data[at] & 0xf;
        return small != 0xf ? small : lengthAfter(at);
    }

    /** The length in the integer after the marker at {@code at}. */
    private int lengthAfter(int at) throws EvidenceFormatException {
        int marker = data[within(at + 1, 1)] & 0xff;
        int size = 1 << (marker & 0xf);
        if (marker >> 4 != 0x1 || size > 4) {
            throw unsupported(marker);
        }
        long length = unsigned(within(at + 2, size), size);
        if (length > Integer.MAX_VALUE / 2) {
            throw new EvidenceFormatException("a length in the binary property list is too large");
        }
        return (int) length;
    }

    /** Where the content starts of the object at {@code at}, whose length follows its marker. */
    private int contentAfterLength(int at) {
        return at + 2 + (1 << (data[at + 1] & 0xf));
    }

    /** Where the content starts of the string, data or container at {@code at}. */
    private int contentAt(int at) {
        return (data[at] & 0xf) != 0xf ? at + 1 : contentAfterLength(at);
    }

    /**
     * {@code start}, after checking that {@code length} bytes from it lie before the offset table; neither is
     * negative.
     */
    private int within(long start, long length) throws EvidenceFormatException {
        if (start + length > table) {
            throw runsPast();
        }
        return (int) start;
    }

    private static EvidenceFormatException runsPast() {
        return new EvidenceFormatException("an object of the binary property list runs past its objects");
    }

    /** The unsigned big-endian number in the {@code size} bytes from {@code at}. */
    private long unsigned(int at, int size) {
        return unsigned(data, at, size);
    }

    private static long unsigned(byte[] data, int at, int size) {
        long value = 0;
        for (int i = 0; i < size; i++) {
            value = value << 8 | data[at + i] & 0xff;
        }
        return value;
    }

    private static EvidenceFormatException unsupported(int marker) {
        return new EvidenceFormatException("unsupported object 0x" + Integer.toHexString(marker)
                + " in the binary property list");
    }
}
