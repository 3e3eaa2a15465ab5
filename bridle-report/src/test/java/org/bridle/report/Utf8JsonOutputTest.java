package org.bridle.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Strings and object entries as {@link Utf8JsonOutput} writes them, compared with the mapper's bytes. */
class Utf8JsonOutputTest {
    private static final ObjectMapper MAPPER = ReportJson.mapper();
    /** The characters {@link Utf8JsonOutput} copies at a time, and the size of its buffer. */
    private static final int SEGMENT = 4096;
    private static final int BUFFER = 1 << 16;

    /**
     * Characters an encoder must not take for plain ASCII, and some it may: controls, the quote, the backslash,
     * {@code ?}, Latin-1 above ASCII, characters above U+00FF whose low byte is a plain character (U+0161, U+3042) or
     * not, a surrogate pair, lone surrogates.
     */
    private static final String[] PIECES = {"?", "\"", "\\", "\u0000", "\u001f", " ", "\u007f", "\u0080", "é", "\u00ff",
        "\u0100", "\u0161", "\u3042", "日", "\ufffd", "😀", "\ud83d", "\ude00", "\n"};

    /**
     * Plain ASCII strings of 0 to 24 characters with each piece at every position, and with it at both ends, so that
     * it falls in every place of a word of eight bytes (where a bulk path over plain ASCII would hand over to a loop
     * over characters), and a few long ones.
     */
    static List<String> mixedStrings() {
        List<String> strings = new ArrayList<>();
        String plain = "abcdefghijklmnopqrstuvwx";
        for (int length = 0; length <= plain.length(); length++) {
            strings.add(plain.substring(0, length));
            for (String piece : PIECES) {
                for (int at = 0; at <= length; at++) {
                    strings.add(plain.substring(0, at) + piece + plain.substring(at, length));
                }
                strings.add(piece + plain.substring(0, length) + piece);
                strings.add(plain.substring(0, length) + piece + "?" + piece + "a?");
            }
        }
        strings.add("https://example.org/?a=1&b=\"2\"#x" + "y".repeat(5000));
        strings.add("?".repeat(4096));
        strings.add("z".repeat(4095) + "é");
        return strings;
    }

    /** Strings that fill the copied characters and the buffer in every way that could go wrong. */
    private static List<String> awkwardStrings() {
        List<String> strings = new ArrayList<>();
        for (int length : new int[] {0, 1, SEGMENT - 1, SEGMENT, SEGMENT + 1, 2 * SEGMENT + 3}) {
            strings.add("a".repeat(length));
        }
        // a surrogate pair split by the end of a copy, and lone surrogates on both sides of one
        strings.add("x".repeat(SEGMENT - 1) + "😀" + "y");
        strings.add("x".repeat(SEGMENT - 1) + "\ud83d" + "\ud83d".repeat(3));
        strings.add("x".repeat(SEGMENT) + "\ude00" + "z");
        strings.add("\udc00".repeat(2 * SEGMENT + 1));
        // control characters and escapes on both sides of a copy's end
        strings.add("\u0000\u0001\u001f\u007f\"\\\b\t\n\f\r/".repeat(SEGMENT / 6));
        // two- and three-byte characters, every character escaped: more bytes than the buffer holds
        strings.add("é日".repeat(BUFFER / 2));
        strings.add("\u0001".repeat(BUFFER + 7));
        strings.add("é ü 日本語 ÿ \u0080 \u07ff \u0800 \uffff \ud7ff \ue000");
        // every kind of character at every place of a word of 8 bytes
        strings.addAll(mixedStrings());
        return strings;
    }

    private static byte[] written(List<String> strings, int before) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Utf8JsonOutput out = new Utf8JsonOutput(bytes);
        out.raw("-".repeat(before).getBytes(StandardCharsets.US_ASCII));
        for (String string : strings) {
            out.string(string);
        }
        out.flush();
        return bytes.toByteArray();
    }

    private static byte[] mapper(List<String> strings, int before) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("-".repeat(before).getBytes(StandardCharsets.US_ASCII));
        for (String string : strings) {
            bytes.writeBytes(MAPPER.writeValueAsBytes(string));
        }
        return bytes.toByteArray();
    }

    @Test
    void stringsAreEscapedAsTheMapperEscapesThemWhereverTheBufferEnds() throws IOException {
        List<String> strings = awkwardStrings();
        // strings starting right before the buffer's end, at it and after it
        for (int before : new int[] {0, 1, BUFFER - 2 * SEGMENT, BUFFER - 3, BUFFER - 1, BUFFER, BUFFER + 1}) {
            // the index of the first byte that differs, rather than megabytes of both
            assertThat(Arrays.mismatch(written(strings, before), mapper(strings, before)))
                    .as("after %d bytes", before).isEqualTo(-1);
        }
        assertThat(new String(written(List.of("\ud83d\ude00"), 0), StandardCharsets.UTF_8))
                .isEqualTo("\"\\uD83D\\uDE00\"");
    }

    @Test
    void entriesOfObjectsNestedDeeperThanTheIndentationCopiedAtOnceAreIndentedAsTheMapperDoes() throws IOException {
        Map<String, Object> deepest = new LinkedHashMap<>();
        deepest.put("a", "é");
        deepest.put("b", 1L);
        Object value = deepest;
        for (int level = 0; level < 20; level++) {
            Map<String, Object> outer = new LinkedHashMap<>();
            outer.put("level " + level, value);
            outer.put("next", level);
            value = outer;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Utf8JsonOutput out = new Utf8JsonOutput(bytes);
        EntryJson.write(out, value, 0);
        out.flush();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (JsonGenerator generator = MAPPER.getFactory().createGenerator(expected)) {
            generator.useDefaultPrettyPrinter();
            MAPPER.writeValue(generator, value);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo(expected.toString(StandardCharsets.UTF_8))
                .contains("\n" + " ".repeat(42) + "\"a\" : \"é\",\n");
    }
}
