package org.bridle.core.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.bridle.core.model.Observable;
import org.bridle.core.model.ObservableKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IndicatorSetTest {
    private static final AtomicInteger IDS = new AtomicInteger();

    /** A set of one file holding the given patterns. */
    private static IndicatorSet setOf(String... patterns) {
        Bundles bundle = Bundles.bundle();
        for (String pattern : patterns) {
            bundle.indicator("indicator--" + IDS.incrementAndGet(), pattern);
        }
        IndicatorFile file = bundle.load("feed.stix2");
        assertThat(file.problems()).isEmpty();
        return IndicatorSet.builder().add(file).build();
    }

    private static List<String> matchedValues(IndicatorSet set, Observable observable) {
        return set.match(observable).stream().map(match -> match.indicator().value()).toList();
    }

    private static List<String> observed(IndicatorSet set, Observable observable) {
        return set.match(observable).stream().map(IndicatorMatch::observed).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"get1tn0w.example.com", "x.get1tn0w.example.com", "a.b.get1tn0w.example.com",
        "GET1TN0W.Example.COM", "get1tn0w.example.com.", "https://x.get1tn0w.example.com/p?q#f",
        "user:pw@get1tn0w.example.com:8443", "https://get1tn0w.example.com:443"})
    void aDomainMatchesItselfAndItsSubdomains(String host) {
        IndicatorSet set = setOf("[domain-name:value = 'get1tn0w.example.com']");

        assertThat(matchedValues(set, Observable.domain(host))).containsExactly("get1tn0w.example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"notexample.com", "wexample.com", "wwwexample.com", "example.co.uk", "example.com.evil.org",
        "example.comx", "example", "com", "xexample.com", "example-com.net"})
    void aDomainDoesNotMatchLookalikes(String host) {
        IndicatorSet set = setOf("[domain-name:value = 'example.com']");

        assertThat(set.match(Observable.domain(host))).isEmpty();
        assertThat(set.match(Observable.url("https://" + host + "/example.com"))).isEmpty();
    }

    @Test
    void valuesListsTheIndicatorsOfOneTypeOnceEach() {
        IndicatorSet set = IndicatorSet.builder()
                .add(Bundles.bundle().indicator("indicator--a1", "[app:id = 'com.spy.one']")
                        .indicator("indicator--a2", "[domain-name:value = 'spy.example']").load("a.stix2"))
                .add(Bundles.bundle().indicator("indicator--b1", "[app:id = 'com.spy.one']")
                        .indicator("indicator--b2", "[app:id = 'com.spy.two']").load("b.stix2"))
                .build();

        assertThat(set.values(IndicatorType.APP_ID)).containsExactly("com.spy.one", "com.spy.two");
        assertThat(set.values(IndicatorType.DOMAIN)).containsExactly("spy.example");
        assertThat(set.values(IndicatorType.EMAIL)).isEmpty();
    }

    @Test
    void aDomainDoesNotMatchItsParent() {
        IndicatorSet set = setOf("[domain-name:value = 'cdn.example.com']");

        assertThat(set.match(Observable.domain("example.com"))).isEmpty();
        assertThat(set.match(Observable.domain("www.example.com"))).isEmpty();
        assertThat(matchedValues(set, Observable.domain("a.cdn.example.com"))).containsExactly("cdn.example.com");
    }

    @Test
    void internationalisedNamesAreComparedAsPunycode() {
        IndicatorSet set = setOf("[domain-name:value = 'bücher.example']",
                "[domain-name:value = 'xn--caf-dma.example']");

        assertThat(matchedValues(set, Observable.domain("shop.xn--bcher-kva.example")))
                .containsExactly("bücher.example");
        assertThat(matchedValues(set, Observable.url("https://CAFÉ.example/menu")))
                .containsExactly("xn--caf-dma.example");
    }

    @Test
    void aUrlMatchesUrlDomainAndIpIndicatorsWithTheMatchingPartObserved() {
        IndicatorSet set = setOf("[url:value = 'https://evil.example.com/2dL8ARH']",
                "[domain-name:value = 'example.com']", "[ipv4-addr:value = '203.0.113.7']");

        List<IndicatorMatch> matches = set.match(Observable.url("https://EVIL.example.com/2dL8ARH"));
        assertThat(matches).extracting(match -> match.indicator().value(), IndicatorMatch::observed).containsExactly(
                tuple("https://evil.example.com/2dL8ARH", "https://EVIL.example.com/2dL8ARH"),
                tuple("example.com", "evil.example.com"));
        assertThat(observed(set, Observable.url("http://203.0.113.7:8080/x"))).containsExactly("203.0.113.7");
    }

    @ParameterizedTest
    @CsvSource({
        "https://evil.example.com/2dL8ARH, true",
        "HTTPS://Evil.Example.Com/2dL8ARH, true",
        "https://evil.example.com/2dl8arh, false",
        "https://evil.example.com/2dL8ARH/, false",
        "https://evil.example.com/2dL8ARH?x=1, false",
        "http://evil.example.com/2dL8ARH, false",
        "evil.example.com/2dL8ARH, true",
        "//evil.example.com/2dL8ARH, true",
    })
    void aUrlIndicatorMatchesTheSameUrlOnly(String url, boolean matches) {
        IndicatorSet set = setOf("[url:value = 'https://evil.example.com/2dL8ARH']");

        assertThat(set.match(Observable.url(url))).hasSize(matches ? 1 : 0);
    }

    @Test
    void anEmptyPathEqualsASlash() {
        IndicatorSet set = setOf("[url:value = 'https://evil.example.com']",
                "[url:value = 'https://other.example/?a=b']");

        assertThat(set.match(Observable.url("https://evil.example.com/"))).hasSize(1);
        assertThat(set.match(Observable.url("https://evil.example.com"))).hasSize(1);
        assertThat(set.match(Observable.url("https://evil.example.com//"))).isEmpty();
        assertThat(set.match(Observable.url("https://other.example?a=b"))).hasSize(1);
    }

    @Test
    void anIpv4IndicatorMatchesOnlyThatAddress() {
        IndicatorSet set = setOf("[ipv4-addr:value = '203.0.113.7']");

        assertThat(set.match(new Observable(ObservableKind.IPV4, "203.0.113.7"))).hasSize(1);
        assertThat(set.match(new Observable(ObservableKind.IPV4, "203.000.113.007"))).hasSize(1);
        assertThat(set.match(Observable.domain("203.0.113.7"))).hasSize(1);
        assertThat(set.match(Observable.url("https://[::ffff:203.0.113.7]/"))).isEmpty();
        assertThat(set.match(Observable.domain("203.0.113.70"))).isEmpty();
        assertThat(set.match(Observable.domain("1.203.0.113.7"))).isEmpty();
        assertThat(set.match(Observable.domain("203.0.113.7.example.com"))).isEmpty();
    }

    @Test
    void linksInTextAreCheckedAsUrlsAndTheLinkIsObserved() {
        IndicatorSet set = setOf("[domain-name:value = 'badbadbad.example.org']",
                "[url:value = 'https://short.example/abc']");

        Observable sms = Observable.text("Your parcel: hxxps://track.badbadbad[.]example.org/p?id=1) or "
                + "short.example/abc, and again (https://badbadbad.example.org/)");

        assertThat(set.match(sms)).extracting(match -> match.indicator().value(), IndicatorMatch::observed)
                .containsExactly(
                        tuple("badbadbad.example.org",
                                "https://track.badbadbad.example.org/p?id=1"),
                        tuple("https://short.example/abc", "short.example/abc"));
        assertThat(set.match(Observable.text("nothing to see at notbadbadbad.example.org"))).isEmpty();
    }

    @Test
    void aLinkMatchesWhatTheTextsLinkMatchesObservedAsTheWholeLink() {
        IndicatorSet set = setOf("[domain-name:value = 'badbadbad.example.org']",
                "[url:value = 'https://short.example/abc']");
        String text = "Your parcel: hxxps://track.badbadbad[.]example.org/p?id=1) or short.example/abc";

        List<IndicatorMatch> throughLinks = new ArrayList<>();
        for (String link : LinkExtractor.links(text)) {
            throughLinks.addAll(set.match(Observable.link(link)));
        }

        assertThat(throughLinks).isEqualTo(set.match(Observable.text(text))).hasSize(2);
        assertThat(set.match(Observable.link("https://track.badbadbad.example.org/p?id=1")))
                .extracting(IndicatorMatch::observed).containsExactly("https://track.badbadbad.example.org/p?id=1");
        assertThat(set.match(Observable.url("https://track.badbadbad.example.org/p?id=1")))
                .extracting(IndicatorMatch::observed).containsExactly("track.badbadbad.example.org");
        assertThat(set.match(Observable.link("https://notbadbadbad.example.org/"))).isEmpty();
    }

    @Test
    void aSchemelessLinkMatchesAUrlIndicatorOfHttpOrHttps() {
        IndicatorSet set = setOf("[url:value = 'http://short.example/abc']");

        assertThat(set.match(Observable.text("go to short.example/abc now"))).hasSize(1);
        assertThat(set.match(Observable.text("go to ftp://short.example/abc now"))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "bh, true",
        "BH, false",
        "bhx, false",
        "b, false",
        "com.apple.Webki, false",
        "com.apple.WebKi, true",
        "com.apple.WebKit, true",
        "com.apple.WebKit.Networking, true",
        "com.apple.WebKit.Network, false",
        "com.apple.WebKitX, false",
        "com.apple.WebK, false",
        "1FB2C3D4-0000-0000-0000-000000000000/bh, true",
        "/usr/libexec/bh, true",
        "bh/, false",
        "/usr/libexec/bhx, false",
    })
    void aProcessMatchesByExactNameOrKernelTruncation(String name, boolean matches) {
        IndicatorSet set = setOf("[process:name = 'bh']", "[process:name = 'com.apple.WebKit.Networking']");

        assertThat(set.match(Observable.process(name))).hasSize(matches ? 1 : 0);
    }

    @Test
    void aTruncatedNameMatchesEveryIndicatorItCouldBe() {
        IndicatorSet set = setOf("[process:name = 'abcdefghijklmnopA']", "[process:name = 'abcdefghijklmnopB']",
                "[process:name = 'abcdefghijklmnop']");

        assertThat(matchedValues(set, Observable.process("abcdefghijklmnop")))
                .containsExactly("abcdefghijklmnop", "abcdefghijklmnopA", "abcdefghijklmnopB");
        assertThat(matchedValues(set, Observable.process("abcdefghijklmno")))
                .containsExactly("abcdefghijklmnopA", "abcdefghijklmnopB", "abcdefghijklmnop");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Agent@Evil.Example.com", "mailto:agent@evil.example.com",
        "MAILTO:agent@evil.example.com?subject=hi", "<agent@evil.example.com>", " agent@evil.example.com "})
    void anEmailMatchesWithoutCaseOrMailto(String address) {
        IndicatorSet set = setOf("[email-addr:value = 'agent@evil.example.com']");

        assertThat(set.match(Observable.email(address))).hasSize(1);
        assertThat(set.match(Observable.email("xagent@evil.example.com"))).isEmpty();
        assertThat(set.match(Observable.email("agent@evil.example.co"))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "/private/var/db/spy, true",
        "/private/var/db/spy/x.plist, true",
        "/var/db/spy/deep/er, true",
        "/var/db/spy/, true",
        "//private//var/db/spy, true",
        "/private/var/db/spyx, false",
        "/private/var/db, false",
        "/private/var/db/Spy, false",
        "var/db/spy, false",
        "/private/tmp/x, false",
        "/tmp/x, false",
    })
    void aPathMatchesItselfAndWhatIsUnderIt(String path, boolean matches) {
        IndicatorSet set = setOf("[file:path = '/private/var/db/spy']");

        assertThat(set.match(Observable.filePath(path))).hasSize(matches ? 1 : 0);
    }

    @Test
    void privateIsOnlyDroppedBeforeVarEtcAndTmp() {
        IndicatorSet set = setOf("[file:path = '/var/tmp/hooker']", "[file:path = '/private/etc/x']",
                "[file:path = '/private/preboot/y']", "[file:path = '/data/local/tmp/wd/']");

        assertThat(set.match(Observable.filePath("/private/var/tmp/hooker"))).hasSize(1);
        assertThat(set.match(Observable.filePath("/etc/x"))).hasSize(1);
        assertThat(set.match(Observable.filePath("/private/preboot/y"))).hasSize(1);
        assertThat(set.match(Observable.filePath("/preboot/y"))).isEmpty();
        assertThat(set.match(Observable.filePath("/private/variable/tmp/hooker"))).isEmpty();
        assertThat(observed(set, Observable.filePath("/data/local/tmp/wd/fs.db")))
                .containsExactly("/data/local/tmp/wd/fs.db");
    }

    @Test
    void aFileNameMatchesTheLastSegmentOfAPathOrAnEqualName() {
        IndicatorSet set = setOf("[file:name = 'com.apple.CoreBrightness.plist']");

        assertThat(observed(set, Observable.filePath("/private/var/mobile/Library/com.apple.CoreBrightness.plist")))
                .containsExactly("com.apple.CoreBrightness.plist");
        assertThat(set.match(Observable.fileName("com.apple.CoreBrightness.plist"))).hasSize(1);
        assertThat(set.match(Observable.fileName("com.apple.corebrightness.plist"))).isEmpty();
        assertThat(set.match(Observable.filePath("/x/com.apple.CoreBrightness.plist.bak"))).isEmpty();
        assertThat(set.match(Observable.filePath("/x/com.apple.CoreBrightness.plist/"))).hasSize(1);
    }

    @Test
    void hashesMatchByAlgorithmWithoutCase() {
        String sha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        String md5 = "d41d8cd98f00b204e9800998ecf8427e";
        IndicatorSet set = setOf("[file:hashes.'SHA-256' = '" + sha256.toUpperCase() + "']",
                "[file:hashes.md5 = '" + md5 + "']", "[app:cert.sha1 = 'da39a3ee5e6b4b0d3255bfef95601890afd80709']");

        assertThat(set.match(new Observable(ObservableKind.FILE_SHA256, sha256))).hasSize(1);
        assertThat(set.match(new Observable(ObservableKind.FILE_MD5, md5.toUpperCase()))).hasSize(1);
        assertThat(set.match(new Observable(ObservableKind.FILE_SHA1, md5))).isEmpty();
        assertThat(set.match(new Observable(ObservableKind.APP_CERT_MD5, md5))).isEmpty();
        assertThat(set.match(new Observable(ObservableKind.APP_CERT_SHA1,
                "DA:39:A3:EE:5E:6B:4B:0D:32:55:BF:EF:95:60:18:90:AF:D8:07:09"))).hasSize(1);
        assertThat(set.match(new Observable(ObservableKind.FILE_SHA1,
                "da39a3ee5e6b4b0d3255bfef95601890afd80709"))).isEmpty();
    }

    @Test
    void appIdsMatchWithoutCaseAndPropertiesExactly() {
        IndicatorSet set = setOf("[app:id = 'com.oneplussync.bat']", "[android-property:name = 'persist.sys.spy']");

        assertThat(set.match(Observable.appId("com.OnePlusSync.BAT"))).hasSize(1);
        assertThat(set.match(Observable.appId("com.oneplussync.bat2"))).isEmpty();
        assertThat(set.match(new Observable(ObservableKind.ANDROID_PROPERTY, "persist.sys.spy"))).hasSize(1);
        assertThat(set.match(new Observable(ObservableKind.ANDROID_PROPERTY, "persist.sys.spy2"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"76DAB334-7E17-475D-A5D6-0794EB5818A5", "76dab334-7e17-475d-a5d6-0794eb5818a5",
        "{76DAB334-7E17-475D-A5D6-0794EB5818A5}"})
    void profileIdsMatchAsUuids(String id) {
        IndicatorSet set = setOf("[configuration-profile:id = '{76dab334-7e17-475d-a5d6-0794eb5818a5}']");

        assertThat(set.match(Observable.profileId(id))).hasSize(1);
        assertThat(set.match(Observable.profileId("76DAB334-7E17-475D-A5D6-0794EB5818A6"))).isEmpty();
    }

    @Test
    void kindsAreNotMixed() {
        IndicatorSet set = setOf("[domain-name:value = 'evil.example.com']", "[process:name = 'evil.example.com']");

        assertThat(matchedValues(set, Observable.process("evil.example.com"))).hasSize(1);
        assertThat(set.match(Observable.fileName("evil.example.com"))).isEmpty();
        assertThat(set.match(Observable.email("x@evil.example.com"))).isEmpty();
    }

    @Test
    void everyIndicatorIsMatchedOnceInAStableOrder() {
        IndicatorSet set = setOf("[domain-name:value = 'example.com']", "[domain-name:value = 'a.example.com']",
                "[domain-name:value = 'example.com']");

        Observable text = Observable.text("https://a.example.com/1 https://b.example.com/2 https://a.example.com/3");
        List<IndicatorMatch> first = set.match(text);

        assertThat(first).extracting(match -> match.indicator().objectId()).doesNotHaveDuplicates().hasSize(3);
        assertThat(first).extracting(IndicatorMatch::observed).containsOnly("https://a.example.com/1");
        assertThat(set.match(text)).isEqualTo(first);
    }

    @Test
    void keepsFilesFamiliesCountsAndProblems() {
        IndicatorFile pegasus = Bundles.bundle().malware("malware--p", "Pegasus")
                .indicator("indicator--1", "[domain-name:value = 'a.example.com']")
                .indicator("indicator--2", "[process:name = 'bh']")
                .indicator("indicator--3", "[x:y = 'z']")
                .indicates("relationship--1", "indicator--1", "malware--p")
                .indicates("relationship--2", "indicator--2", "malware--p")
                .load("pegasus.stix2");
        IndicatorFile more = Bundles.bundle().malware("malware--p", "Pegasus")
                .indicator("indicator--9", "[domain-name:value = 'b.example.com']")
                .indicates("relationship--9", "indicator--9", "malware--p")
                .indicator("indicator--10", "[email-addr:value = 'x@example.com']")
                .load("more.stix2");

        IndicatorSet set = IndicatorSet.builder().add(pegasus).add(more).add(pegasus).build();

        assertThat(set.files()).containsExactly(pegasus, more);
        assertThat(set.size()).isEqualTo(4);
        assertThat(set.countsByType()).containsExactly(Map.entry(IndicatorType.DOMAIN, 2),
                Map.entry(IndicatorType.PROCESS, 1), Map.entry(IndicatorType.EMAIL, 1));
        assertThat(set.families()).containsExactly(
                new Family("Pegasus", Map.of(IndicatorType.DOMAIN, 2, IndicatorType.PROCESS, 1),
                        List.of("pegasus.stix2", "more.stix2")),
                new Family("more", Map.of(IndicatorType.EMAIL, 1), List.of("more.stix2")));
        assertThat(set.families().get(0).size()).isEqualTo(3);
        assertThat(set.problems()).extracting(Problem::objectId).containsExactly("indicator--3");
    }

    @Test
    void anEmptySetMatchesNothing() {
        IndicatorSet set = IndicatorSet.builder().build();

        for (ObservableKind kind : ObservableKind.values()) {
            assertThat(set.match(new Observable(kind, "https://evil.example.com/x"))).isEmpty();
        }
    }

    @Test
    void refusesToBuildWithAnIndicatorItCannotMatch() {
        IndicatorFile file = new IndicatorFile("hand.stix2", "test", ContentDigest.known("0", 1),
                List.of(new Indicator(IndicatorType.FILE_PATH, "/", "f", "hand.stix2", "indicator--root")), List.of());

        assertThatThrownBy(() -> IndicatorSet.builder().add(file).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("indicator--root").hasMessageContaining("match every file");
    }
}
