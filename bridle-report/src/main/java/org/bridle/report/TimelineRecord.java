package org.bridle.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bridle.core.model.TimelineEvent;

/**
 * A timeline event encoded once, when it is spilled, for sorting and writing: its time (seconds and nanoseconds)
 * and a body that starts with its {@code timeline.csv} row, bytes ready to copy, in which {@link #artifactAt},
 * {@link #eventAt} and {@link #descriptionAt} mark where the three text fields start (quotes doubled). A row with a
 * text that UTF-8 cannot carry exactly (a lone surrogate, {@code ?} in the row) is <em>inexact</em>: the body then
 * goes on, after the row, with the three texts exactly, each after its length (4 bytes, big-endian): UTF-8 after its
 * byte count, or UTF-16 after its character count negated. Records {@linkplain #compareTo compare} as
 * {@link TimelineCsv#ORDER} compares their events, without decoding exact rows. Mutable: one instance is reused.
 */
final class TimelineRecord {
    /** Where records go, one at a time, in order: a spilled chunk or a CSV file. The record is reused after it. */
    interface Sink {
        void add(TimelineRecord record) throws IOException;
    }

    private static final byte[] SEPARATOR = {'"', ',', '"'};

    long seconds;
    int nanos;
    byte[] body = new byte[256];
    /** The characters of the field being encoded: a text is read from a copy, not character by character. */
    private char[] chars = new char[256];
    /** The bytes of {@link #body} in use. */
    int length;
    /** The bytes of the row at the start of {@link #body}; fewer than {@link #length} when the row is inexact. */
    int rowLength;
    int artifactAt;
    int eventAt;
    int descriptionAt;

    /** Encodes {@code event} into this record. */
    void set(TimelineEvent event) {
        seconds = event.time().getEpochSecond();
        nanos = event.time().getNano();
        length = 0;
        room(1 + ReportTime.LENGTH);
        body[length++] = '"';
        if (ReportTime.write(event.time(), body, length)) {
            length += ReportTime.LENGTH;
        } else {
            append(ReportJson.format(event.time()).getBytes(StandardCharsets.UTF_8));
        }
        boolean exact = true;
        append(SEPARATOR);
        artifactAt = length;
        exact &= field(event.artifact());
        append(SEPARATOR);
        eventAt = length;
        exact &= field(event.event());
        append(SEPARATOR);
        descriptionAt = length;
        exact &= field(event.description());
        room(2);
        body[length++] = '"';
        body[length++] = '\n';
        rowLength = length;
        if (!exact) {
            exactly(event.artifact());
            exactly(event.event());
            exactly(event.description());
        }
    }

    /** Makes the body {@code bytes} long, its content undefined, for a reader to fill. */
    byte[] resize(int bytes) {
        length = 0;
        room(bytes);
        length = bytes;
        return body;
    }

    /** Orders as {@link TimelineCsv#ORDER} orders the events of the two records. */
    int compareTo(TimelineRecord other) {
        int c = Long.compare(seconds, other.seconds);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(nanos, other.nanos);
        if (c != 0) {
            return c;
        }
        if (rowLength < length || other.rowLength < other.length) {
            return compareTexts(other);
        }
        c = compareUtf8(body, artifactAt, eventAt - 3, other.body, other.artifactAt, other.eventAt - 3);
        if (c == 0) {
            c = compareUtf8(body, eventAt, descriptionAt - 3, other.body, other.eventAt, other.descriptionAt - 3);
        }
        if (c == 0) {
            c = compareUtf8(body, descriptionAt, rowLength - 2, other.body, other.descriptionAt, other.rowLength - 2);
        }
        return c;
    }

    /** The comparison of artifact, event and description as strings, for inexact rows. */
    private int compareTexts(TimelineRecord other) {
        String[] mine = texts();
        String[] theirs = other.texts();
        for (int i = 0; i < mine.length; i++) {
            int c = mine[i].compareTo(theirs[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Artifact, event and description, exactly. */
    private String[] texts() {
        if (rowLength == length) {
            return new String[] {unquoted(artifactAt, eventAt - 3), unquoted(eventAt, descriptionAt - 3),
                unquoted(descriptionAt, rowLength - 2)};
        }
        String[] texts = new String[3];
        int at = rowLength;
        for (int i = 0; i < texts.length; i++) {
            int n = intAt(at);
            at += 4;
            if (n >= 0) {
                texts[i] = utf8(at, at + n);
                at += n;
            } else {
                char[] chars = new char[-n];
                for (int j = 0; j < chars.length; j++, at += 2) {
                    chars[j] = (char) ((body[at] & 0xff) << 8 | body[at + 1] & 0xff);
                }
                texts[i] = new String(chars);
            }
        }
        return texts;
    }

    /** The text of a field of the row, its doubled quotes single again. */
    private String unquoted(int from, int to) {
        return utf8(from, to).replace("\"\"", "\"");
    }

    private String utf8(int from, int to) {
        return new String(body, from, to - from, StandardCharsets.UTF_8);
    }

    /**
     * Compares two UTF-8 texts, {@code x[xFrom, xTo)} and {@code y[yFrom, yTo)}, as {@link String#compareTo} compares
     * their strings. Byte order of UTF-8 is code point order, which is the order of UTF-16 units except that a
     * supplementary character (lead byte F0 to F4; in UTF-16 a surrogate from D800) comes before U+E000 to U+FFFF
     * (lead byte EE or EF). A shared prefix ends on a character boundary, so the first differing bytes are both lead
     * bytes or both continuation bytes after the same lead. Texts whose quotes are doubled compare as the texts: a
     * shared prefix also ends between pairs of quotes, and a quote there is the text's quote.
     */
    static int compareUtf8(byte[] x, int xFrom, int xTo, byte[] y, int yFrom, int yTo) {
        int i = Arrays.mismatch(x, xFrom, xTo, y, yFrom, yTo);
        if (i < 0) {
            return 0;
        }
        if (i == Math.min(xTo - xFrom, yTo - yFrom)) {
            return (xTo - xFrom) - (yTo - yFrom);
        }
        int a = x[xFrom + i] & 0xff;
        int b = y[yFrom + i] & 0xff;
        if (a >= 0xf0 && (b == 0xee || b == 0xef)) {
            return -1;
        }
        if (b >= 0xf0 && (a == 0xee || a == 0xef)) {
            return 1;
        }
        return a - b;
    }

    /**
     * Appends a field's text to the row as UTF-8, each quote doubled and each lone surrogate written {@code ?} (as
     * {@code String.getBytes} encodes it); whether that is the text's exact UTF-8 (it holds no lone surrogate).
     */
    private boolean field(String text) {
        int n = text.length();
        if (chars.length < n) {
            chars = new char[Math.max(n, 2 * chars.length)];
        }
        char[] a = chars;
        text.getChars(0, n, a, 0);
        // at most 3 bytes a character: a quote takes 2, a surrogate pair 4 for its 2 characters
        room(3 * n);
        byte[] b = body;
        int at = length;
        boolean exact = true;
        for (int i = 0; i < n; i++) {
            char c = a[i];
            if (c < 0x80) {
                b[at++] = (byte) c;
                if (c == '"') {
                    b[at++] = '"';
                }
            } else if (c < 0x800) {
                b[at++] = (byte) (0xC0 | c >> 6);
                b[at++] = (byte) (0x80 | c & 0x3F);
            } else if (!Character.isSurrogate(c)) {
                b[at++] = (byte) (0xE0 | c >> 12);
                b[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(a[i + 1])) {
                int codePoint = Character.toCodePoint(c, a[++i]);
                b[at++] = (byte) (0xF0 | codePoint >> 18);
                b[at++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                b[at++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                b[at++] = (byte) (0x80 | codePoint & 0x3F);
            } else {
                b[at++] = '?';
                exact = false;
            }
        }
        length = at;
        return exact;
    }

    /** Appends {@code text} exactly, after its length. */
    private void exactly(String text) {
        if (hasLoneSurrogate(text)) {
            room(4 + 2 * text.length());
            putInt(-text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                body[length++] = (byte) (c >>> 8);
                body[length++] = (byte) c;
            }
        } else {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            room(4 + utf8.length);
            putInt(utf8.length);
            append(utf8);
        }
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            }
        }
        return false;
    }

    private void append(byte[] bytes) {
        room(bytes.length);
        System.arraycopy(bytes, 0, body, length, bytes.length);
        length += bytes.length;
    }

    private int intAt(int at) {
        return (body[at] & 0xff) << 24 | (body[at + 1] & 0xff) << 16 | (body[at + 2] & 0xff) << 8 | body[at + 3] & 0xff;
    }

    private void putInt(int value) {
        body[length] = (byte) (value >>> 24);
        body[length + 1] = (byte) (value >>> 16);
        body[length + 2] = (byte) (value >>> 8);
        body[length + 3] = (byte) value;
        length += 4;
    }

    /** Makes room for {@code bytes} more after {@link #length}, keeping the body's content. */
    private void room(int bytes) {
        if (length + bytes > body.length) {
            body = Arrays.copyOf(body, Math.max(body.length * 2, length + bytes));
        }
    }
}
