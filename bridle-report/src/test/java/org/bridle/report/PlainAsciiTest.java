package org.bridle.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlainAsciiTest {
    /**
     * Characters that end or do not end the plain start of a string, and their neighbours: controls, the two
     * escaped ASCII characters, a real {@code ?} and characters that the bulk copy turns into {@code ?} (above U+00FF,
     * a surrogate pair, lone surrogates), Latin-1 above ASCII.
     */
    private static final String[] PIECES = {"?", "\"", "\\", "\u0000", "\u001f", " ", "\u007f", "\u0080", "é", "\u00ff",
        "\u0100", "日", "\ufffd", "😀", "\ud83d", "\ude00", "\n"};

    /**
     * Plain ASCII strings of 0 to 24 characters with each piece at every position, and with it at both ends, so that
     * it falls in every place of a word of eight bytes, and a few long ones.
     */
    static List<String> edgeStrings() {
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

    private static int expectedPlain(String text, int below, char first, char second) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < below || c >= 0x80 || c == first || c == second) {
                return i;
            }
        }
        return text.length();
    }

    @Test
    void copiesTheAsciiCharactersBeforeTheFirstSpecialOne() {
        PlainAscii json = new PlainAscii(0x20, '"', '\\');
        PlainAscii csv = new PlainAscii(0, '"', '"');
        for (String text : edgeStrings()) {
            byte[] to = new byte[text.length() + 3];
            Arrays.fill(to, (byte) '-');
            int plain = json.copy(text, to, 3);
            assertThat(plain).as(text).isEqualTo(expectedPlain(text, 0x20, '"', '\\'));
            assertThat(new String(to, 0, 3 + plain, StandardCharsets.ISO_8859_1)).as(text)
                    .isEqualTo("---" + text.substring(0, plain));
            plain = csv.copy(text, to, 0);
            assertThat(plain).as(text).isEqualTo(expectedPlain(text, 0, '"', '"'));
            assertThat(new String(to, 0, plain, StandardCharsets.ISO_8859_1)).as(text)
                    .isEqualTo(text.substring(0, plain));
        }
        assertThat(csv.copy("a\nb\\c\u001f?d\u0100e", new byte[12], 0)).isEqualTo(8);
    }
}
