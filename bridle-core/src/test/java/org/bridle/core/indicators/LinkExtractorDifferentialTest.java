package org.bridle.core.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link LinkExtractor} gives exactly the answers of {@link LinkExtractorOracle}, the copy of it from before its
 * scanning was made faster: the same links, in the same order, as equal strings, on random texts built from
 * pieces of links, separators, defang markers, JSON escapes, other scripts, case-folding oddities and surrogates.
 */
class LinkExtractorDifferentialTest {
    private static final int TEXTS_PER_SEED = 400_000;

    private static final String[] PIECES = {
        // schemes and their separators, in every spelling
        "https", "http", "hxxp", "hxxps", "HXXPS", "hXxP", "ftp", "itms-services", "svn+ssh", "a", "h", "hx", "hxx",
        "://", ":\\/\\/", "%3A%2F%2F", "%3a%2f%2f", "%3A%2f%2F", ":/", ":\\/", "%3A%2F", "%3", ":", "%", "\\/", "//",
        "%2f", "%2F", "%3f", "%3F", "%23", "%41", "%C3%A9", "%e2%82", "%zz", "%",
        // hosts, labels and defanged dots
        "evil", "ex", "example", "www.", "www", "com", "org", "net", "COM", "Com", "io", "x", "e.g.", "1.2", "1.2.3.4",
        "203.0.113.7", ".", "..", "[.]", "(.)", "[.", ".]", "(.", ".)", "[", "]", "(", ")", "{", "}",
        "[2001:db8::1]", "[::1]", "[.1]", "[::.]", "[ab:", "-", "_", "--", "0", "80", "8443", "99999",
        // file extensions and reverse-DNS roots, also through case folding outside ASCII
        "jpg", "JPG", "mkv", "m\u212Av", "db", "sqlite3", "plist", "\u0130", "\u0131", "\u017F", "\u212A", "\u212B",
        // user info, paths, queries
        "@", "user:pw@", "/", "\\", "?", "#", "&", "=", "?u=", "&y=1", "/x", "/a_(b)", "r?u=", ":8080",
        // trailing punctuation, terminators, quotes, white space and controls
        ",", ";", "!", "'", "*", " ", "  ", "\t", "\n", "\r", "\u0000", "\u001f", "\u007f", "\u0085", "\u00a0",
        "\u2028", "\u3000", "\u200b", "\ufeff", "\"", "<", ">", "`", "|", "\u201c", "\u201d", "\u2018", "\u2019",
        "\u00ab", "\u00bb", "\u201e",
        // other scripts, letters and digits outside ASCII, surrogates (paired and lone)
        "\u00e9", "b\u00fccher", "\u8bf7\u70b9\u51fb", "\u8a73\u7d30", "\u041d\u0430\u0436\u043c\u0438\u0442\u0435",
        "\u0661\u0662", "\uff21\uff22", "\ud83d\ude00", "\ud801\udc00", "\ud83d", "\ude00", "\u00df", "\u00ff",
        "\u0100", "\uffff",
    };

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 20261122})
    void givesTheOraclesAnswersOnRandomTexts(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder();
        long links = 0;
        for (int i = 0; i < TEXTS_PER_SEED; i++) {
            text.setLength(0);
            int pieces = random.nextInt(4) == 0 ? random.nextInt(120) : random.nextInt(16);
            for (int p = 0; p < pieces; p++) {
                int kind = random.nextInt(20);
                if (kind == 0) {
                    text.append((char) random.nextInt(0x80));
                } else if (kind == 1) {
                    text.append((char) random.nextInt(0x10000));
                } else if (kind < 6) {
                    appendLinkLike(random, text);
                } else {
                    text.append(PIECES[random.nextInt(PIECES.length)]);
                }
            }
            String input = text.toString();
            List<String> expected = LinkExtractorOracle.links(input);
            List<String> actual = LinkExtractor.links(input);
            if (!actual.equals(expected)) {
                assertThat(actual).as("links of \"%s\"", escaped(input)).containsExactlyElementsOf(expected);
            }
            links += expected.size();
        }
        assertThat(links).isGreaterThan(TEXTS_PER_SEED / 2);
    }

    private static final String[] SCHEMES = {"https", "http", "hxxps", "HXXP", "ftp", "svn+ssh", "x", "", "1a"};
    private static final String[] SEPARATORS = {"://", "://", ":\\/\\/", "%3A%2F%2F", "%3a%2f%2F", ":/", " "};
    private static final String[] LABELS = {"evil", "www", "news1", "ex-ample", "b\u00fccher", "com", "org", "a",
        "\u8bf7", "EXAMPLE", "x_y", "1", "\u212Av", "jpg", "mkv", "db", "COM", "Org"};
    private static final String[] DOTS = {".", ".", ".", "[.]", "(.)", "[.", "..", "\\."};
    private static final String[] AFTER = {"", "", "/", "/x", "/a/b?c=1&d=2#f", "\\/a\\/b", "%2Fp%3Fa%3D1&b",
        ":8080/x", ":80", "?q=", ")", ").", "]", "/(x)", "/a_(b)),", "@x.example", "/r?u=", "'", "\"", ".",
        "/%E2%82%AC", "/%zz%4", "/\u00e9\ud83d\ude00", "\u201d"};

    /** Something close to a link: a scheme and separator or none, labels and dots, maybe a port and path. */
    private static void appendLinkLike(SplittableRandom random, StringBuilder text) {
        if (random.nextBoolean()) {
            text.append(SCHEMES[random.nextInt(SCHEMES.length)]).append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
            if (random.nextInt(8) == 0) {
                text.append("user:pw@");
            }
        }
        int labels = 1 + random.nextInt(4);
        for (int l = 0; l < labels; l++) {
            if (l > 0) {
                text.append(DOTS[random.nextInt(DOTS.length)]);
            }
            text.append(LABELS[random.nextInt(LABELS.length)]);
        }
        text.append(AFTER[random.nextInt(AFTER.length)]);
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }
}
