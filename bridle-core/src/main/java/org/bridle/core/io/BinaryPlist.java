package org.bridle.core.io;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The object table of a binary property list ({@code bplist00}), read in place: objects are addressed by their
 * number in the table and decoded only when asked for, without building a tree of objects.
 *
 * <p>It knows the kinds below, nothing else (no sets, no 128-bit integers, no UTF-8 strings); meeting another
 * kind, or anything out of bounds, is an {@link EvidenceFormatException}. {@link #checkTree()} reads every object,
 * so a caller that has run it reads only objects that {@link Plists} would parse as well; a caller needing exactly
 * what {@link Plists} makes of an unusual list should use {@link Plists}.
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

    private final byte[] data;
    private final int refSize;
    private final int count;
    private final int top;
    private final int table;
    /** Where each object starts, from the offset table. */
    private final int[] offsets;

    private BinaryPlist(byte[] data, int offsetSize, int refSize, int count, int top, int table)
            throws EvidenceFormatException {
        this.data = data;
        this.refSize = refSize;
        this.count = count;
        this.top = top;
        this.table = table;
        this.offsets = new int[count];
        for (int object = 0; object < count; object++) {
            long at = unsigned(data, table + object * offsetSize, offsetSize);
            if (at < MAGIC.length || at >= table) {
                throw new EvidenceFormatException("an object of the binary property list lies outside its objects");
            }
            offsets[object] = (int) at;
        }
    }

    /** Reads the header and trailer of a binary property list. */
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

    private static boolean startsWithMagic(byte[] data) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (data[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** The number of the top object. */
    public int top() {
        return top;
    }

    /**
     * Reads every object of the table. Containers must come before the containers they contain (as the writers of
     * Apple and dd-plist put them), which proves that none contains itself.
     *
     * @throws EvidenceFormatException when an object is malformed or of another kind, a dictionary key is not a
     *     string, or a container refers to a container before it
     */
    public void checkTree() throws EvidenceFormatException {
        for (int object = 0; object < count; object++) {
            int at = offset(object);
            int marker = data[at] & 0xff;
            switch (marker >> 4) {
                case 0x0 -> kind(object);
                case 0x1 -> integer(object);
                case 0x2, 0x3 -> real(object);
                case 0x4, 0x5 -> within(contentStart(at), length(at));
                case 0x6 -> within(contentStart(at), 2L * length(at));
                case 0x8 -> uid(object);
                case 0xA -> checkContained(object, at, 0, size(object));
                case 0xD -> {
                    int size = size(object);
                    int start = contentStart(at);
                    for (int i = 0; i < size; i++) {
                        int key = data[offset(ref(start + i * refSize))] & 0xf0;
                        if (key != 0x50 && key != 0x60) {
                            throw new EvidenceFormatException("a dictionary key is not a string");
                        }
                    }
                    checkContained(object, at, size, 2 * size);
                }
                default -> throw unsupported(marker);
            }
        }
    }

    /**
     * Checks that the references {@code from} to {@code to} of the container {@code at} name no container up to
     * it.
     */
    private void checkContained(int container, int at, int from, int to) throws EvidenceFormatException {
        int start = contentStart(at);
        for (int i = from; i < to; i++) {
            int contained = ref(start + i * refSize);
            int kind = data[offset(contained)] & 0xf0;
            if ((kind == 0xA0 || kind == 0xD0) && contained <= container) {
                throw new EvidenceFormatException("the binary property list's containers are not in order (a "
                        + "container may contain itself)");
            }
        }
    }

    /** The kind of an object. */
    public Kind kind(int object) throws EvidenceFormatException {
        int marker = data[offset(object)] & 0xff;
        return switch (marker >> 4) {
            case 0x0 -> {
                if (marker == 0x08 || marker == 0x09) {
                    yield Kind.BOOLEAN;
                }
                throw unsupported(marker);
            }
            case 0x1 -> Kind.INTEGER;
            case 0x2 -> Kind.REAL;
            case 0x3 -> Kind.DATE;
            case 0x4 -> Kind.DATA;
            case 0x5 -> Kind.ASCII_STRING;
            case 0x6 -> Kind.UTF16_STRING;
            case 0x8 -> Kind.UID;
            case 0xA -> Kind.ARRAY;
            case 0xD -> Kind.DICTIONARY;
            default -> throw unsupported(marker);
        };
    }

    /** An integer: 1, 2 and 4 bytes unsigned, 8 bytes signed. */
    public long integer(int object) throws EvidenceFormatException {
        int at = offset(object);
        int marker = data[at] & 0xff;
        int size = 1 << (marker & 0xf);
        if (marker >> 4 != 0x1 || size > 8) {
            throw unsupported(marker);
        }
        return unsigned(data, within(at + 1, size), size);
    }

    /** A real (4 or 8 bytes) or a date's seconds since 2001. */
    public double real(int object) throws EvidenceFormatException {
        int at = offset(object);
        int marker = data[at] & 0xff;
        int size = 1 << (marker & 0xf);
        if ((marker >> 4 != 0x2 && marker != 0x33) || (size != 4 && size != 8)) {
            throw unsupported(marker);
        }
        long bits = unsigned(data, within(at + 1, size), size);
        return size == 4 ? Float.intBitsToFloat((int) bits) : Double.longBitsToDouble(bits);
    }

    /** A string, ASCII or UTF-16. */
    public String string(int object) throws EvidenceFormatException {
        int at = offset(object);
        int marker = data[at] & 0xff;
        if (marker >> 4 == 0x5) {
            int length = length(at);
            return new String(data, within(contentStart(at), length), length, StandardCharsets.US_ASCII);
        }
        if (marker >> 4 == 0x6) {
            int length = length(at);
            return new String(data, within(contentStart(at), 2 * length), 2 * length, StandardCharsets.UTF_16BE);
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
        int start = within(contentStart(at), length);
        byte[][] bytes = candidates.bytes;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i].length == length && bytesAt(start, bytes[i])) {
                return i;
            }
        }
        return -1;
    }

    /** True when the bytes from {@code start} are {@code bytes}. */
    private boolean bytesAt(int start, byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (data[start + i] != bytes[i]) {
                return false;
            }
        }
        return true;
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
        int from = within(contentStart(a), length);
        int to = within(contentStart(b), length);
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
        return asciiAt(within(contentStart(at), ascii.length()), ascii);
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
        int length = length(at);
        int start = within(contentStart(at), length);
        byte[] bytes = new byte[length];
        System.arraycopy(data, start, bytes, 0, length);
        return bytes;
    }

    /** A keyed-archive UID's number (up to 8 bytes, unsigned). */
    public long uid(int object) throws EvidenceFormatException {
        int at = offset(object);
        int marker = data[at] & 0xff;
        int size = (marker & 0xf) + 1;
        if (marker >> 4 != 0x8 || size > 8) {
            throw unsupported(marker);
        }
        long value = unsigned(data, within(at + 1, size), size);
        if (value < 0) {
            throw unsupported(marker);
        }
        return value;
    }

    /** The number of elements of an array, or of entries of a dictionary. */
    public int size(int object) throws EvidenceFormatException {
        int at = offset(object);
        int kind = (data[at] & 0xff) >> 4;
        if (kind != 0xA && kind != 0xD) {
            throw unsupported(data[at] & 0xff);
        }
        int size = length(at);
        within(contentStart(at), (kind == 0xD ? 2 : 1) * size * refSize);
        return size;
    }

    /** The {@code i}th element of an array. */
    public int element(int array, int i) throws EvidenceFormatException {
        return ref(contentStart(offset(array)) + i * refSize);
    }

    /** The {@code i}th key of a dictionary. */
    public int key(int dictionary, int i) throws EvidenceFormatException {
        return ref(contentStart(offset(dictionary)) + i * refSize);
    }

    /** The {@code i}th value of a dictionary. */
    public int value(int dictionary, int i) throws EvidenceFormatException {
        int at = offset(dictionary);
        return ref(contentStart(at) + (length(at) + i) * refSize);
    }

    private int ref(int at) throws EvidenceFormatException {
        long object = unsigned(data, within(at, refSize), refSize);
        if (object < 0 || object >= count) {
            throw new EvidenceFormatException("the binary property list refers to object " + object + " of " + count);
        }
        return (int) object;
    }

    private int offset(int object) throws EvidenceFormatException {
        if (object < 0 || object >= count) {
            throw new EvidenceFormatException("the binary property list has no object " + object);
        }
        return offsets[object];
    }

    /** The length of a string, data or container at {@code at}: in its marker, or in an integer after it. */
    private int length(int at) throws EvidenceFormatException {
        int small = data[at] & 0xf;
        if (small != 0xf) {
            return small;
        }
        int marker = data[within(at + 1, 1)] & 0xff;
        int size = 1 << (marker & 0xf);
        if (marker >> 4 != 0x1 || size > 4) {
            throw unsupported(marker);
        }
        long length = unsigned(data, within(at + 2, size), size);
        if (length > Integer.MAX_VALUE / 2) {
            throw new EvidenceFormatException("a length in the binary property list is too large");
        }
        return (int) length;
    }

    private int contentStart(int at) {
        int small = data[at] & 0xf;
        return small != 0xf ? at + 1 : at + 2 + (1 << (data[at + 1] & 0xf));
    }

    /** {@code start}, after checking that {@code length} bytes from it lie before the offset table. */
    private int within(long start, long length) throws EvidenceFormatException {
        if (start < 0 || length < 0 || start + length > table) {
            throw new EvidenceFormatException("an object of the binary property list runs past its objects");
        }
        return (int) start;
    }

    private static long unsigned(byte[] data, int at, int size) {
        if (size == 1) {
            return data[at] & 0xff; // the size of most offsets and references
        }
        long value = 0;
        for (int i = 0; i < size; i++) {
            value = value << 8 | (data[at + i] & 0xff);
        }
        return value;
    }

    private static EvidenceFormatException unsupported(int marker) {
        return new EvidenceFormatException("unsupported object 0x" + Integer.toHexString(marker)
                + " in the binary property list");
    }
}
