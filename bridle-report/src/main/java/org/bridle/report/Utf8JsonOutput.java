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
    /** A line feed followed by the indentation of nesting levels 0 to 15; deeper levels are written space by space. */
    private static final byte[] INDENTS = bytes("\n" + " ".repeat(30));

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

    private final OutputStream out;
    /** Strings are escaped this many characters at a time, so a long one needs no buffer six times its size. */
    private static final int SEGMENT = 4096;

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
        ensure(1);
        buffer[length++] = b;
    }

    void raw(byte[] bytes) throws IOException {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    /** A line break and the indentation of {@code nesting} levels, as before an object's entry or its end. */
    void newLine(int nesting) throws IOException {
        int spaces = 2 * nesting;
        if (spaces < INDENTS.length) {
            ensure(spaces + 1);
            System.arraycopy(INDENTS, 0, buffer, length, spaces + 1);
            length += spaces + 1;
        } else {
            raw((byte) '\n');
            for (int i = 0; i < spaces; i++) {
                raw((byte) ' ');
            }
        }
    }

    void nullValue() throws IOException {
        raw(NULL);
    }

    void booleanValue(boolean value) throws IOException {
        raw(value ? TRUE : FALSE);
    }

    void number(long value) throws IOException {
        ensure(AsciiDigits.LONGEST);
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
        ensure(ReportTime.LENGTH + 2);
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
        raw((byte) '"');
        for (int from = 0; from < value.length(); from += SEGMENT) {
            segment(value, from, Math.min(value.length(), from + SEGMENT));
        }
        raw((byte) '"');
    }

    /** Escapes the characters {@code from} to {@code to} of a string (each character alone: no pair is combined). */
    private void segment(String value, int from, int to) throws IOException {
        ensure(6 * (to - from));
        byte[] b = buffer;
        int at = length;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < 128) {
                byte escape = ESCAPES[c];
                if (escape == 0) {
                    b[at++] = (byte) c;
                } else if (escape > 0) {
                    b[at++] = '\\';
                    b[at++] = escape;
                } else {
                    at = unicodeEscape(b, at, c);
                }
            } else if (c < 0x800) {
                b[at++] = (byte) (0xC0 | c >> 6);
                b[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                at = unicodeEscape(b, at, c);
            } else {
                b[at++] = (byte) (0xE0 | c >> 12);
                b[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[at++] = (byte) (0x80 | c & 0x3F);
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
        ensure(n);
        for (int i = 0; i < n; i++) {
            buffer[length++] = (byte) value.charAt(i);
        }
    }

    /** Makes room for {@code more} bytes: flushes a full buffer, grows it for a write longer than itself. */
    private void ensure(int more) throws IOException {
        if (length + more > buffer.length) {
            flush();
            if (more > buffer.length) {
                buffer = new byte[more];
            }
        }
    }
}
