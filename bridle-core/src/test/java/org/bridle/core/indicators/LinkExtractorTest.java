package org.bridle.core.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LinkExtractorTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "Visit https://evil.example.com/x now                 | https://evil.example.com/x",
        "https://evil.example.com                              | https://evil.example.com",
        "(see https://evil.example.com/a_(b))                  | https://evil.example.com/a_(b)",
        "(see https://evil.example.com/a)                      | https://evil.example.com/a",
        "[https://evil.example.com/a]]                          | https://evil.example.com/a",
        "\"<a href='https://evil.example.com/p?q=1&r=2'>x</a>\" | https://evil.example.com/p?q=1&r=2",
        "\"He said \u201chttps://evil.example.com/x\u201d.\"   | https://evil.example.com/x",
        "end of sentence https://evil.example.com/x.           | https://evil.example.com/x",
        "list: https://evil.example.com/x, and more            | https://evil.example.com/x",
        "url=https://evil.example.com/x!                       | https://evil.example.com/x",
        "HTTPS://EVIL.EXAMPLE.COM/X                            | HTTPS://EVIL.EXAMPLE.COM/X",
        "hxxps://evil[.]example[.]com/x                        | https://evil.example.com/x",
        "http://hxxp[.]evil.example/x                          | http://hxxp.evil.example/x",
        "hXXp://evil(.)example.com                             | http://evil.example.com",
        "\"{\"\"u\"\":\"\"https:\\/\\/evil.example.com\\/x\\/y\"\"}\" | https://evil.example.com/x/y",
        "mailto:a@b.example is not http://user:pw@evil.example.com:8080/p | http://user:pw@evil.example.com:8080/p",
        "ftp://files.example.org/pub                            | ftp://files.example.org/pub",
        "itms-services://?action=download-manifest&url=https://evil.example/m.plist | https://evil.example/m.plist",
        "broken http:// evil.example.com/x                     | evil.example.com/x",
        "http://[2001:db8::1]:80/x                             | http://[2001:db8::1]:80/x",
        "http://203.0.113.7/x                                  | http://203.0.113.7/x",
        "www.evil.example.com/x                                | www.evil.example.com/x",
        "go to evil.example.org/path?x=1#top.                  | evil.example.org/path?x=1#top",
        "plain evil.example.org, nothing else                  | evil.example.org",
        "port evil.example.org:8443/x                          | evil.example.org:8443/x",
        "EVIL.EXAMPLE.ORG                                      | EVIL.EXAMPLE.ORG",
        "defanged evil[.]example[.]org here                     | evil.example.org",
        "idn bücher.example/katalog                            | bücher.example/katalog",
        "tab\thttps://evil.example.com/x\tend                  | https://evil.example.com/x",
        "x\u00a0https://evil.example.com/x\u00a0y              | https://evil.example.com/x",
        "nbsp-free https://evil.example.com/a b                | https://evil.example.com/a",
        "Click here.https://evil.example.com/x                 | https://evil.example.com/x",
        "e.g.hxxps://evil.example.com/x                        | https://evil.example.com/x",
        "请点击https://evil.example.com/x 查看                  | https://evil.example.com/x",
        "詳細はこちらhttps://evil.example.com/x                  | https://evil.example.com/x",
        "Нажмитеhxxps://evil[.]example[.]com                    | https://evil.example.com",
        "到货了.请点击https://evil.example.com/x                 | https://evil.example.com/x",
        "见/点击https://evil.example.com/x                      | https://evil.example.com/x",
        "点击2https://evil.example.com/x                        | https://evil.example.com/x",
        "un_https://evil.example.com/x                          | https://evil.example.com/x",
    })
    void findsOneLink(String text, String link) {
        assertThat(LinkExtractor.links(text)).containsExactly(link);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "no links here", "e.g. this, i.e. that", "U.S.A. and Dr.Who", "photo.jpg",
        "Manifest.db and report.pdf and data.sqlite", "version 14.3.1 or 1.2.3.4", "agent@evil.example.com",
        "first.last@evil.example.com", "com.apple.mobilesafari", "org.whispersystems.signal",
        "see /private/var/mobile/evil.example.com/x", "a\\evil.example.com", "home.Then we left", "https://",
        "itms-services://?action=download", "…", "x.y"})
    void findsNoLink(String text) {
        assertThat(LinkExtractor.links(text)).isEmpty();
    }

    @Test
    void findsEveryLinkOnceInOrder() {
        String text = "a https://one.example/1 b two.example c https://one.example/1 d HTTPS://three.example/3";

        assertThat(LinkExtractor.links(text))
                .containsExactly("https://one.example/1", "two.example", "HTTPS://three.example/3");
    }

    @Test
    void findsLinksNestedInRedirects() {
        assertThat(LinkExtractor.links("https://t.example/r?u=https://evil.example.com/x&y=1"))
                .containsExactly("https://t.example/r?u=https://evil.example.com/x&y=1",
                        "https://evil.example.com/x&y=1");
        assertThat(LinkExtractor.links("https://google.example/url?q=https%3A%2F%2Fevil.example.com%2Fp%3Fa%3D1&sa=D"))
                .containsExactly("https://google.example/url?q=https%3A%2F%2Fevil.example.com%2Fp%3Fa%3D1&sa=D",
                        "https://evil.example.com/p?a=1");
        assertThat(LinkExtractor.links("evil.example.com/go?to=other.example/x"))
                .containsExactly("evil.example.com/go?to=other.example/x");
    }

    @Test
    void keepsBalancedBracketsAndDropsUnbalancedOnes() {
        assertThat(LinkExtractor.links("[link](https://evil.example.com/wiki/X_(y)) and {https://b.example/}"))
                .containsExactly("https://evil.example.com/wiki/X_(y)", "https://b.example/");
    }

    @Test
    void everyLinkFoundInArbitraryTextHasAHost() {
        String[] pieces = {"https", "hxxp", "://", ":\\/\\/", "%3A%2F%2F", "%2f", "evil", "ex", "é", ".", "[.]",
            "(.)", "com", "/", "\\", "?", "#", "&", "@", ":", "80", "[", "]", "(", ")", "{", "}", " ", "\u00a0", "\"",
            "'", "-", "_", "1.2", "www."};
        Random random = new Random(42);
        int found = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(16); length > 0; length--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            for (String link : LinkExtractor.links(text.toString())) {
                assertThat(Urls.host(link)).as("host of %s in %s", link, text).isNotEmpty();
                found++;
            }
        }
        assertThat(found).isGreaterThan(1_000);
    }

    @Test
    void reportsAtMostEightLinksNestedInOneLink() {
        String chain = "https://a.example/" + "r?u=https://b.example/".repeat(20);

        assertThat(LinkExtractor.links(chain)).hasSize(9).allSatisfy(link -> assertThat(link).startsWith("https://"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://x.example/ab://y.example/", "a[.]", "a(.)", "ab%3A%2F%2Fa", "a)", "x://a.",
        "https://x.example/?u=https%3A%2F%2Fy.example%2F&"})
    void staysLinearOnAdversarialRepetitions(String piece) {
        String text = piece.repeat(200_000 / piece.length());

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> LinkExtractor.links(text));
        assertThat(LinkExtractor.links(text).stream().mapToInt(String::length).sum()).isLessThan(10 * text.length());
    }

    @Test
    void handlesLongTextsInOnePass() {
        String text = "lorem ipsum dolor sit amet ".repeat(20_000) + "https://evil.example.com/x";

        assertThat(LinkExtractor.links(text)).containsExactly("https://evil.example.com/x");
        assertThat(LinkExtractor.links("a.".repeat(50_000))).isEmpty();
        assertThat(LinkExtractor.links("(".repeat(50_000) + "https://x.example/" + ")".repeat(50_000)))
                .isEqualTo(List.of("https://x.example/"));
    }

    @Test
    void aTextScannedAfterALongerOneEndsWhereItEnds() throws InterruptedException {
        String text = "x https://a.example/p?q=hxxp://b[.]example.com:8080/r evil.example.org/s.";
        for (int cut = 0; cut <= text.length(); cut++) {
            String prefix = text.substring(0, cut);
            List<List<String>> alone = new ArrayList<>();
            // a new thread scans with a copy of its own, which nothing scanned before holds
            Thread fresh = new Thread(() -> alone.add(LinkExtractor.links(prefix)));
            fresh.start();
            fresh.join();

            LinkExtractor.links(text);
            assertThat(LinkExtractor.links(prefix)).as(prefix).isEqualTo(alone.get(0));
        }
    }

    @Test
    void aScanKeepsNothingOfTheScanBefore() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            many.append("https://x.example/").append(i).append(' ');
        }
        List<String> first = LinkExtractor.links(many.toString());
        List<String> second = LinkExtractor.links("https://x.example/1 and https://x.example/1 again");

        assertThat(first).hasSize(100).startsWith("https://x.example/0");
        assertThat(second).containsExactly("https://x.example/1");
        assertThat(LinkExtractor.links("no link")).isEmpty();
        assertThat(first).hasSize(100);
    }
}
