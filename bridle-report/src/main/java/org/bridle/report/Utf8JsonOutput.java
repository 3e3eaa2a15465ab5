package org.bridle.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * Writes JSON as UTF-8 into a buffer with the bytes of Jackson's {@code UTF8JsonGenerator} and its default pretty
 * printer: strings escaped as it escapes them ({@code \"}, {@code \\}, {@code \b \t \n \f \r}, other control
 * characters and every surrogate as a {@code \}{@code u} escape of four upper-case hex digits, everything else as
 * UTF-8), numbers as {@link Long#toString}, {@link Double#toString} (non-finite ones quoted), {@code byte[]} in
 * base64 with padding and no line breaks; objects one entry a line indented by two spaces a level, arrays on one
 * line ({@code [ a, b ]}). Buffered: bytes reach the stream when the buffer is full and on {@link #flush()}.
 */
final class Utf8JsonOutput {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    /** For each ASCII character: 0 to copy it, a letter for its two-character escape, -1 for a {@code \}u escape. */
    private static final byte[] ESCAPES = new byte[128];
    private static final byte[] NULL = bytes("null");
    private static final byte[] TRUE = bytes("true");
    private static final byte[] FALSE = bytes("false");
    /**
     * A comma, a line feed and the indentation of nesting levels 0 to 15 (deeper levels are written space by space):
     * what starts an object's entry after its first one; without the comma, what starts the first one or its end.
     */
    private static final byte[] COMMA_INDENTS = bytes(",\n" + " ".repeat(30));
    /** No bytes: the name of an {@link #objectEntry} whose caller writes the name itself. */
    static final byte[] NOTHING = new byte[0];

    static {
        Arrays.fill(ESCAPES, 0, 32, (byte) -1);
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\f'] = 'f';
        ESCAPES['\n'] = 'n';
        ESCAPES['\r'] = 'r';
    }

    /** Strings are escaped this many characters at a time, so a long one needs no buffer six times its size. */
    private static final int SEGMENT = 4096;

    private final OutputStream out;
    /** The characters of the string being escaped, copied in bulk (a call per character costs more). */
    private final char[] chars = new char[SEGMENT];
    private byte[] buffer = new byte[1 << 16];
    private int length;

    Utf8JsonOutput(OutputStream out) {
        this.out = out;
    }

    static byte[] bytes(String ascii) {
        return ascii.getBytes(StandardCharsets.UTF_8);
    }

    /** Writes the buffered bytes to the stream (without flushing the stream itself). */
    void flush() throws IOException {
        out.write(buffer, 0, length);
        length = 0;
    }

    void raw(byte b) throws IOException {
        if (length == buffer.length) {
            makeRoom(1);
        }
        buffer[length++] = b;
    }

    void raw(byte[] bytes) throws IOException {
        reserve(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    /** A line break and the indentation of {@code nesting} levels, as before an object's end. */
    void newLine(int nesting) throws IOException {
        objectEntry(true, nesting, NOTHING);
    }

    /**
     * Starts an object's entry: a comma unless it is the {@code first}, a line break, the indentation of {@code
     * nesting} levels, then {@code name} as it is (the entry's name and {@link Separators#NAME_VALUE} encoded, or
     * nothing when the caller writes them).
     */
    void objectEntry(boolean first, int nesting, byte[] name) throws IOException {
        int skip = first ? 1 : 0;
        int separator = 2 - skip + 2 * nesting;
        if (skip + separator > COMMA_INDENTS.length) {
            if (!first) {
                raw((byte) ',');
            }
            raw((byte) '\n');
            for (int i = 0; i < 2 * nesting; i++) {
                raw((byte) ' ');
            }
            raw(name);
            return;
        }
        reserve(separator + name.length);
        System.arraycopy(COMMA_INDENTS, skip, buffer, length, separator);
        System.arraycopy(name, 0, buffer, length + separator, name.length);
        length += separator + name.length;
    }

    void nullValue() throws IOException {
        raw(NULL);
    }

    void booleanValue(boolean value) throws IOException {
        raw(value ? TRUE : FALSE);
    }

    void number(long value) throws IOException {
        reserve(AsciiDigits.LONGEST);
        length = AsciiDigits.writeLong(value, buffer, length);
    }

    void number(double value) throws IOException {
        if (Double.isFinite(value)) {
            ascii(Double.toString(value));
        } else {
            string(Double.toString(value));
        }
    }

    void binary(byte[] value) throws IOException {
        raw((byte) '"');
        raw(Base64.getEncoder().encode(value));
        raw((byte) '"');
    }

    /** A time as {@link ReportTime} formats it, quoted. */
    void time(Instant value) throws IOException {
        reserve(ReportTime.LENGTH + 2);
        if (ReportTime.write(value, buffer, length + 1)) {
            buffer[length] = '"';
            buffer[length + ReportTime.LENGTH + 1] = '"';
            length += ReportTime.LENGTH + 2;
        } else {
            string(ReportTime.format(value));
        }
    }

    /** A string, quoted and escaped. */
    void string(String value) throws IOException {
        int n = value.length();
        int first = Math.min(n, SEGMENT);
        reserve(6 * first + 2); // the worst case: every character escaped as six bytes, and both quotes
        buffer[length++] = '"';
        escape(value, 0, first);
        for (int from = first; from < n; from += SEGMENT) {
            int to = Math.min(n, from + SEGMENT);
            reserve(6 * (to - from) + 1);
            escape(value, from, to);
        }
        buffer[length++] = '"';
    }

    /**
     * Escapes the characters {@code from} to {@code to} (at most {@link #SEGMENT}) of a string into the buffer, which
     * has room for six bytes a character; each character alone: no pair is combined.
     */
    private void escape(String value, int from, int to) {
        int count = to - from;
        char[] c = chars;
        value.getChars(from, to, c, 0);
        byte[] b = buffer;
        int at = length;
        for (int i = 0; i < count; i++) {
            char ch = c[i];
            if (ch < 128) {
                byte escape = ESCAPES[ch];
                if (escape == 0) {
                    b[at++] = (byte) ch;
                } else if (escape > 0) {
                    b[at++] = '\\';
                    b[at++] = escape;
                } else {
                    at = unicodeEscape(b, at, ch);
                }
            } else if (ch < 0x800) {
                b[at++] = (byte) (0xC0 | ch >> 6);
                b[at++] = (byte) (0x80 | ch & 0x3F);
            } else if (Character.isSurrogate(ch)) {
                at = unicodeEscape(b, at, ch);
            } else {
                b[at++] = (byte) (0xE0 | ch >> 12);
                b[at++] = (byte) (0x80 | ch >> 6 & 0x3F);
                b[at++] = (byte) (0x80 | ch & 0x3F);
            }
        }
        length = at;
    }

    private static int unicodeEscape(byte[] b, int at, char c) {
        b[at++] = '\\';
        b[at++] = 'u';
        b[at++] = HEX[c >> 12 & 0xF];
        b[at++] = HEX[c >> 8 & 0xF];
        b[at++] = HEX[c >> 4 & 0xF];
        b[at++] = HEX[c & 0xF];
        return at;
    }

    /** A string of ASCII characters that need no escaping, written unquoted. */
    void ascii(String value) throws IOException {
        int n = value.length();
        reserve(n);
        for (int i = 0; i < n; i++) {
            buffer[length++] = (byte) value.charAt(i);
        }
    }

    /** Makes room for {@code more} bytes: flushes a full buffer, grows it for a write longer than itself. */
    private void reserve(int more) throws IOException {
        if (length + more > buffer.length) {
            makeRoom(more);
        }
    }

    /** The slow path of {@link #reserve}, apart so that the check stays small enough to be inlined. */
    private void makeRoom(int more) throws IOException {
        flush();
        if (more > buffer.length) {
            buffer = new byte[more];
        }
    }
}
