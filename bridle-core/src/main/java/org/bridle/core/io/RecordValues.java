package org.bridle.core.io;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * The values of one table row decoded from its record (https://www.sqlite.org/fileformat2.html#record_format), as
 * SQLite would return them for {@code SELECT rowid, * FROM table}: column 0 is the rowid, column {@code i + 1} the
 * table's column {@code i} of its {@link TableLayout}. The rowid alias reads the rowid; a column the record lacks
 * (added later by {@code ALTER TABLE ADD COLUMN}) reads its default; a whole number in a REAL column reads as a REAL.
 *
 * <p>{@link #set} parses the record's header and checks every field against the record; damage raises
 * {@link EvidenceFormatException}. The record's bytes are read in place until the next {@code set}.
 */
final class RecordValues implements SqlValues {
    /** Formats a REAL as SQLite does when it turns one into text. */
    interface RealText {
        byte[] bytes(double value) throws SQLException;
    }

    private final TableLayout layout;
    private final int encoding;
    private final RealText realText;
    private final Varint varint = new Varint();
    private long rowid;
    private byte[] record;
    private int fields;
    private long[] types = new long[16];
    private int[] offsets = new int[16];
    /** The value {@link #load} read. */
    private long integer;
    private double real;
    private int from;
    private int length;
    private Object defaultValue;
    /** True when the value read is a TEXT of the record. */
    private boolean text;

    RecordValues(TableLayout layout, int encoding, RealText realText) {
        this.layout = layout;
        this.encoding = encoding;
        this.realText = realText;
    }

    /** Starts reading the row {@code rowid} whose record is {@code length} bytes of {@code bytes} from {@code offset}. */
    void set(long rowid, byte[] bytes, int offset, int length) throws EvidenceFormatException {
        this.rowid = rowid;
        this.record = bytes;
        int end = offset + length;
        long headerSize = varint.read(bytes, offset, end, "its record header");
        int at = varint.end();
        if (headerSize < at - offset || headerSize > length) {
            throw SqliteDamage.damage("a record header of " + headerSize + " bytes in a record of " + length);
        }
        int headerEnd = offset + (int) headerSize;
        int body = headerEnd;
        int wanted = layout.columnCount();
        int n = 0;
        while (at < headerEnd && n < wanted) {
            long type = varint.read(bytes, at, headerEnd, "its record header");
            at = varint.end();
            long size = contentSize(type);
            if (size > end - body) {
                throw SqliteDamage.damage("a record field runs past its record");
            }
            if (n == types.length) {
                types = Arrays.copyOf(types, n * 2);
                offsets = Arrays.copyOf(offsets, n * 2);
            }
            types[n] = type;
            offsets[n] = body;
            body += (int) size;
            n++;
        }
        fields = n;
    }

    private static long contentSize(long type) throws EvidenceFormatException {
        if (type < 0) {
            throw SqliteDamage.damage("a record field of serial type " + Long.toUnsignedString(type));
        }
        if (type >= 12) {
            return (type - 12) >>> 1;
        }
        return switch ((int) type) {
            case 0, 8, 9 -> 0;
            case 1, 2, 3, 4 -> type;
            case 5 -> 6;
            case 6, 7 -> 8;
            default -> throw SqliteDamage.damage("a record field of the reserved serial type " + type);
        };
    }

    @Override
    public int load(int column) {
        defaultValue = null;
        text = false;
        if (column == 0 || column - 1 == layout.rowidAlias()) {
            integer = rowid;
            return INTEGER;
        }
        int field = column - 1;
        int type;
        if (field < fields) {
            type = field(field);
        } else {
            type = fallback(layout.defaultValue(field));
        }
        if (type == INTEGER && layout.realAffinity(field)) {
            real = integer;
            return FLOAT;
        }
        return type;
    }

    private int field(int field) {
        long type = types[field];
        int at = offsets[field];
        byte[] b = record;
        if (type >= 12) {
            from = at;
            length = (int) ((type - 12) >>> 1);
            text = (type & 1) == 1;
            return text ? TEXT : BLOB;
        }
        switch ((int) type) {
            case 0:
                return NULL;
            case 8:
                integer = 0;
                return INTEGER;
            case 9:
                integer = 1;
                return INTEGER;
            case 7:
                real = Double.longBitsToDouble(bigEndian(b, at, 8));
                return FLOAT;
            default:
                int size = type == 5 ? 6 : type == 6 ? 8 : (int) type;
                integer = bigEndian(b, at, size);
                return INTEGER;
        }
    }

    /** The signed big-endian number of {@code size} bytes at {@code at}. */
    private static long bigEndian(byte[] b, int at, int size) {
        long value = b[at];
        for (int i = 1; i < size; i++) {
            value = (value << 8) | (b[at + i] & 0xff);
        }
        return value;
    }

    private int fallback(Object value) {
        defaultValue = value;
        if (value == null) {
            return NULL;
        }
        if (value instanceof Long l) {
            integer = l;
            return INTEGER;
        }
        if (value instanceof Double d) {
            real = d;
            return FLOAT;
        }
        return value instanceof String ? TEXT : BLOB;
    }

    @Override
    public long integer() {
        return integer;
    }

    @Override
    public double real() {
        return real;
    }

    @Override
    public byte[] bytes() {
        if (defaultValue instanceof byte[] blob) {
            return blob.clone();
        }
        if (defaultValue instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (text && encoding != DatabaseFile.UTF8) {
            return Utf16Text.utf8(record, from, length, encoding == DatabaseFile.UTF16LE);
        }
        return Arrays.copyOfRange(record, from, from + length);
    }

    @Override
    public String text() {
        if (defaultValue instanceof String text) {
            return text;
        }
        return switch (encoding) {
            case DatabaseFile.UTF16LE -> Utf16Text.decode(record, from, length, true);
            case DatabaseFile.UTF16BE -> Utf16Text.decode(record, from, length, false);
            default -> new String(record, from, length, StandardCharsets.UTF_8);
        };
    }

    @Override
    public byte[] realBytes(double value) throws SQLException {
        return realText.bytes(value);
    }
}
