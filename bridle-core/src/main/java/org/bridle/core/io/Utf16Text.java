package org.bridle.core.io;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * UTF-16 text of an SQLite database as sqlite-jdbc gives it: SQLite turns it into UTF-8 (its own translation, which
 * joins a surrogate with whatever 16-bit unit follows it and drops an odd last byte) and the driver decodes that
 * as {@code new String(bytes, UTF_8)} does. Text without surrogates is decoded directly, with the same result.
 */
final class Utf16Text {
    private Utf16Text() {
    }

    /** The text as Java text. */
    static String decode(byte[] b, int from, int length, boolean littleEndian) {
        return hasSurrogates(b, from, length, littleEndian)
                ? new String(utf8(b, from, length, littleEndian), StandardCharsets.UTF_8)
                : new String(b, from, length & ~1, littleEndian ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
    }

    /** The text as SQLite's UTF-8 of it, the bytes sqlite-jdbc gives for it. */
    static byte[] utf8(byte[] b, int from, int length, boolean littleEndian) {
        if (!hasSurrogates(b, from, length, littleEndian)) {
            return decode(b, from, length, littleEndian).getBytes(StandardCharsets.UTF_8);
        }
        return translate(b, from, length, littleEndian);
    }

    private static boolean hasSurrogates(byte[] b, int from, int length, boolean littleEndian) {
        int end = from + (length & ~1);
        for (int i = from; i < end; i += 2) {
            int c = unit(b, i, littleEndian);
            if (c >= 0xd800 && c < 0xe000) {
                return true;
            }
        }
        return false;
    }

    /** SQLite's translation of UTF-16 to UTF-8 ({@code sqlite3VdbeMemTranslate}, without SQLITE_REPLACE_INVALID_UTF). */
    private static byte[] translate(byte[] b, int from, int length, boolean littleEndian) {
        int end = from + (length & ~1);
        ByteArrayOutputStream utf8 = new ByteArrayOutputStream(length * 2);
        for (int i = from; i < end; ) {
            int c = unit(b, i, littleEndian);
            i += 2;
            if (c >= 0xd800 && c < 0xe000 && i < end) {
                int c2 = unit(b, i, littleEndian);
                i += 2;
                c = (c2 & 0x03ff) + ((c & 0x003f) << 10) + (((c & 0x03c0) + 0x0040) << 10);
            }
            if (c < 0x80) {
                utf8.write(c);
            } else if (c < 0x800) {
                utf8.write(0xc0 + (c >> 6));
                utf8.write(0x80 + (c & 0x3f));
            } else if (c < 0x10000) {
                utf8.write(0xe0 + (c >> 12));
                utf8.write(0x80 + ((c >> 6) & 0x3f));
                utf8.write(0x80 + (c & 0x3f));
            } else {
                utf8.write(0xf0 + (c >> 18));
                utf8.write(0x80 + ((c >> 12) & 0x3f));
                utf8.write(0x80 + ((c >> 6) & 0x3f));
                utf8.write(0x80 + (c & 0x3f));
            }
        }
        return utf8.toByteArray();
    }

    private static int unit(byte[] b, int at, boolean littleEndian) {
        return littleEndian ? (b[at] & 0xff) | ((b[at + 1] & 0xff) << 8) : ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }
}
