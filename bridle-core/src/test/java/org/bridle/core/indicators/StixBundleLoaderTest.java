package org.bridle.core.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.bridle.core.io.Hashing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class StixBundleLoaderTest {

    @TempDir
    Path folder;

    private static Indicator only(IndicatorFile file) {
        assertThat(file.problems()).isEmpty();
        assertThat(file.indicators()).hasSize(1);
        return file.indicators().get(0);
    }

    private static Indicator loadPattern(String pattern) {
        return only(Bundles.bundle().indicator("indicator--1", pattern).load("feed.stix2"));
    }

    private static final String MD5 = "d41d8cd98f00b204e9800998ecf8427e";
    private static final String SHA1 = "da39a3ee5e6b4b0d3255bfef95601890afd80709";
    private static final String SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    static Stream<Arguments> everyKey() {
        return Stream.of(
                arguments("[domain-name:value = 'evil.example.com']", IndicatorType.DOMAIN, "evil.example.com"),
                arguments("[ipv4-addr:value = '203.0.113.7']", IndicatorType.IPV4, "203.0.113.7"),
                arguments("[url:value = 'https://evil.example/x']", IndicatorType.URL, "https://evil.example/x"),
                arguments("[process:name = 'bh']", IndicatorType.PROCESS, "bh"),
                arguments("[email-addr:value = 'a@evil.example.com']", IndicatorType.EMAIL, "a@evil.example.com"),
                arguments("[file:name = 'com.apple.CoreBrightness.plist']", IndicatorType.FILE_NAME,
                        "com.apple.CoreBrightness.plist"),
                arguments("[file:path = '/private/var/tmp/hooker']", IndicatorType.FILE_PATH,
                        "/private/var/tmp/hooker"),
                arguments("[file:hashes.md5 = '" + MD5 + "']", IndicatorType.FILE_MD5, MD5),
                arguments("[file:hashes.'MD5' = '" + MD5 + "']", IndicatorType.FILE_MD5, MD5),
                arguments("[file:hashes.sha1 = '" + SHA1 + "']", IndicatorType.FILE_SHA1, SHA1),
                arguments("[file:hashes.'SHA-1' = '" + SHA1 + "']", IndicatorType.FILE_SHA1, SHA1),
                arguments("[file:hashes.sha256 = '" + SHA256 + "']", IndicatorType.FILE_SHA256, SHA256),
                arguments("[file:hashes.'SHA-256' = '" + SHA256.toUpperCase(Locale.ROOT) + "']",
                        IndicatorType.FILE_SHA256, SHA256.toUpperCase(Locale.ROOT)),
                arguments("[FILE:Hashes.'sha-256' = '" + SHA256 + "']", IndicatorType.FILE_SHA256, SHA256),
                arguments("[app:id = 'com.oneplussync.bat']", IndicatorType.APP_ID, "com.oneplussync.bat"),
                arguments("[app:cert.md5 = '" + MD5 + "']", IndicatorType.APP_CERT_MD5, MD5),
                arguments("[app:cert.sha1 = '" + SHA1 + "']", IndicatorType.APP_CERT_SHA1, SHA1),
                arguments("[app:cert.sha256 = '" + SHA256 + "']", IndicatorType.APP_CERT_SHA256, SHA256),
                arguments("[configuration-profile:id = '76DAB334-7E17-475D-A5D6-0794EB5818A5']",
                        IndicatorType.PROFILE_ID, "76DAB334-7E17-475D-A5D6-0794EB5818A5"),
                arguments("[android-property:name = 'persist.sys.spy']", IndicatorType.ANDROID_PROPERTY,
                        "persist.sys.spy"));
    }

    @ParameterizedTest
    @MethodSource("everyKey")
    void readsEveryKeyThePublicFeedsUse(String pattern, IndicatorType type, String value) {
        Indicator indicator = loadPattern(pattern);

        assertThat(indicator.type()).isEqualTo(type);
        assertThat(indicator.value()).isEqualTo(value);
        assertThat(indicator.objectId()).isEqualTo("indicator--1");
        assertThat(indicator.sourceFile()).isEqualTo("feed.stix2");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "[file:name = 'it\\'s here.txt']                   | it's here.txt",
        "[file:name = 'back\\\\slash']                     | back\\slash",
        "[file:name = 'kept\\n escape']                    | kept\\n escape",
        "[file:name='no spaces']                           | no spaces",
        "\"  [  process:name   =   'padded'  ]  \"         | padded",
        "[url:value = 'https://evil.example.com/a?b=c&d=e=f'] | https://evil.example.com/a?b=c&d=e=f",
        "[file:path = '/private/var/mobile/My Docs/x y']   | /private/var/mobile/My Docs/x y",
        "[domain-name:value = 'evil[.]example(.)com']      | evil.example.com",
        "[url:value = 'hxxps://evil[.]example.com/p']      | https://evil.example.com/p",
        "[url:value = 'HXXP://hxxp[.]example.com/p']       | http://hxxp.example.com/p",
        "[domain-name:value = 'hxxpool[.]example']         | hxxpool.example",
        "[email-addr:value = 'agent@evil[.]example.com']   | agent@evil.example.com",
        "[file:name = 'keep[.]as-is']                      | keep[.]as-is",
    })
    void unescapesAndRefangsValues(String pattern, String value) {
        assertThat(loadPattern(pattern).value()).isEqualTo(value);
    }

    @Test
    void namesTheFamilyAfterTheMalwareAnIndicatorIndicates() {
        IndicatorFile file = Bundles.bundle()
                .malware("malware--p", "Pegasus")
                .report("report--r", "Some report", "indicator--1", "indicator--2")
                .indicator("indicator--1", "[domain-name:value = 'a.example.com']")
                .indicator("indicator--2", "[domain-name:value = 'b.example.com']")
                .indicator("indicator--3", "[domain-name:value = 'c.example.com']")
                .indicates("relationship--1", "indicator--1", "malware--p")
                .load("pegasus.stix2");

        assertThat(file.problems()).isEmpty();
        assertThat(file.indicators()).extracting(Indicator::family)
                .containsExactly("Pegasus", "Some report", "pegasus");
    }

    @Test
    void aFieldGivenTwiceCountsByItsLastValue() {
        IndicatorFile file = Bundles.bundle()
                .raw("{\"type\": \"indicator\", \"id\": \"indicator--1\", "
                        + "\"pattern\": \"[domain-name:value = 'first.example.com']\", \"pattern_type\": \"stix\", "
                        + "\"pattern\": \"[domain-name:value = 'second.example.com']\"}")
                .load("feed.json");

        assertThat(file.problems()).isEmpty();
        assertThat(only(file).value()).isEqualTo("second.example.com");
    }

    @Test
    void joinsTheNamesOfEveryMalwareAnIndicatorIndicates() {
        IndicatorFile file = Bundles.bundle()
                .malware("malware--a", "Alpha").malware("malware--b", "Beta")
                .indicator("indicator--1", "[domain-name:value = 'a.example.com']")
                .indicates("relationship--1", "indicator--1", "malware--a")
                .indicates("relationship--2", "indicator--1", "malware--b")
                .load("feed.json");

        assertThat(only(file).family()).isEqualTo("Alpha, Beta");
    }

    @Test
    void defaultFamilyIsTheFileNameWithoutItsExtension() {
        assertThat(only(Bundles.bundle().indicator("indicator--1", "[process:name = 'x']").load("noext")).family())
                .isEqualTo("noext");
        assertThat(only(Bundles.bundle().indicator("indicator--1", "[process:name = 'x']").load("a.b.json")).family())
                .isEqualTo("a.b");
    }

    @Test
    void reportsEveryUnusableObjectWithFileIdAndReasonAndKeepsTheRest() {
        IndicatorFile file = Bundles.bundle()
                .malware("malware--m", "M")
                .indicator("indicator--ok", "[domain-name:value = 'ok.example.com']")
                .indicator("indicator--unknown", "[x-custom:thing = 'a']")
                .indicator("indicator--and", "[domain-name:value = 'a.com' AND domain-name:value = 'b.com']")
                .indicator("indicator--or", "[domain-name:value = 'a.com'] OR [domain-name:value = 'b.com']")
                .indicator("indicator--ne", "[domain-name:value != 'a.com']")
                .indicator("indicator--like", "[domain-name:value LIKE '%.a.com']")
                .indicator("indicator--unquoted", "[domain-name:value = a.com]")
                .indicator("indicator--unclosed", "[domain-name:value = 'a.com]")
                .indicator("indicator--nobracket", "domain-name:value = 'a.com'")
                .indicator("indicator--empty", "[domain-name:value = '  ']")
                .indicator("indicator--notdomain", "[domain-name:value = 'https://a.com/x']")
                .indicator("indicator--badhash", "[file:hashes.sha256 = 'abc']")
                .indicator("indicator--schemeless", "[url:value = 'a.com/x']")
                .indicator("indicator--root", "[file:path = '/']")
                .raw("{\"type\": \"indicator\", \"id\": \"indicator--nopattern\"}")
                .raw("{\"type\": \"indicator\", \"id\": \"indicator--yara\", \"pattern\": \"rule x {}\", "
                        + "\"pattern_type\": \"yara\"}")
                .raw("42")
                .raw("{\"id\": \"thing--untyped\"}")
                .raw("{\"type\": \"indicator\", \"pattern\": \"[process:name = 'anonymous']\"}")
                .indicates("relationship--dangling", "indicator--missing", "malware--m")
                .indicates("relationship--nomalware", "indicator--ok", "malware--missing")
                .load("mixed.stix2");

        assertThat(file.indicators()).extracting(Indicator::objectId).containsExactly("indicator--ok");
        assertThat(file.problems()).allSatisfy(problem -> assertThat(problem.file()).isEqualTo("mixed.stix2"));
        Map<String, String> reasons = new LinkedHashMap<>();
        file.problems().forEach(problem -> reasons.put(problem.objectId(), problem.reason()));
        assertThat(reasons).hasSize(file.problems().size());
        assertThat(reasons.get("indicator--unknown")).contains("unknown key x-custom:thing");
        assertThat(reasons.get("indicator--and")).contains("compound pattern");
        assertThat(reasons.get("indicator--or")).contains("compound pattern");
        assertThat(reasons.get("indicator--ne")).contains("only '=' comparisons");
        assertThat(reasons.get("indicator--like")).contains("\"LIKE\"");
        assertThat(reasons.get("indicator--unquoted")).contains("quoted string");
        assertThat(reasons.get("indicator--unclosed")).contains("close the quote");
        assertThat(reasons.get("indicator--nobracket")).contains("does not start with '['");
        assertThat(reasons.get("indicator--empty")).contains("empty value");
        assertThat(reasons.get("indicator--notdomain")).contains("not a domain name");
        assertThat(reasons.get("indicator--badhash")).contains("not a SHA-256 digest");
        assertThat(reasons.get("indicator--schemeless")).contains("not a URL with a scheme");
        assertThat(reasons.get("indicator--root")).contains("match every file");
        assertThat(reasons.get("indicator--nopattern")).isEqualTo("has no pattern");
        assertThat(reasons.get("indicator--yara")).contains("yara pattern");
        assertThat(reasons.get("objects[17]")).isEqualTo("is not a JSON object");
        assertThat(reasons.get("thing--untyped")).isEqualTo("has no type");
        assertThat(reasons.get("objects[19]")).isEqualTo("is a indicator object without an id");
        assertThat(reasons.get("relationship--dangling")).contains("indicator--missing");
        assertThat(reasons.get("relationship--nomalware")).contains("malware--missing");
        assertThat(reasons).hasSize(20);
        assertThat(file.problems().get(0).message())
                .isEqualTo("mixed.stix2: indicator--unknown has the pattern [x-custom:thing = 'a'], "
                        + "which uses the unknown key x-custom:thing");
    }

    @Test
    void loadsAFileWithItsNameLocationHashAndCounts() throws Exception {
        Path path = Bundles.bundle()
                .indicator("indicator--1", "[domain-name:value = 'a.example.com']")
                .indicator("indicator--2", "[domain-name:value = 'b.example.com']")
                .indicator("indicator--3", "[process:name = 'bh']")
                .write(folder, "feed.stix2");

        IndicatorFile file = StixBundleLoader.load(path);

        assertThat(file.name()).isEqualTo("feed.stix2");
        assertThat(file.location()).isEqualTo(path.toAbsolutePath().toString());
        assertThat(file.sha256()).isEqualTo(Hashing.hex("SHA-256", Files.readAllBytes(path)));
        assertThat(file.countsByType()).containsExactly(
                Map.entry(IndicatorType.DOMAIN, 2), Map.entry(IndicatorType.PROCESS, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello, world", "{\"type\": \"bundle\", \"objects\": [", "{} {}", ""})
    void refusesAFileThatIsNotJsonInOneSentenceNamingIt(String content) throws IOException {
        Path path = Files.writeString(folder.resolve("notes.stix2"), content, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> StixBundleLoader.load(path))
                .isInstanceOf(IndicatorFileException.class)
                .hasMessageContaining(path.toAbsolutePath().toString())
                .hasMessageEndingWith(".")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "{\"type\": \"report\", \"objects\": []}", "{\"type\": \"bundle\"}",
        "{\"type\": \"bundle\", \"objects\": {}}", "\"bundle\""})
    void refusesJsonThatIsNotABundle(String content) throws IOException {
        Path path = Files.writeString(folder.resolve("other.json"), content, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> StixBundleLoader.load(path))
                .isInstanceOf(IndicatorFileException.class)
                .hasMessage("The indicator file " + path.toAbsolutePath() + " is not a STIX 2.1 bundle (a JSON object "
                        + "with \"type\": \"bundle\" and an \"objects\" list).");
    }

    @Test
    void refusesAMissingFileInOneSentenceWithoutTheExceptionName() {
        Path missing = folder.resolve("missing.stix2");

        assertThatThrownBy(() -> StixBundleLoader.load(missing))
                .isInstanceOf(IndicatorFileException.class)
                .hasMessage("The indicator file " + missing + " does not exist.");
    }

    @Test
    void refusesAFolderWithoutTheExceptionName() {
        assertThatThrownBy(() -> StixBundleLoader.load(folder))
                .isInstanceOf(IndicatorFileException.class)
                .hasMessageStartingWith("The indicator file " + folder + " cannot be read (")
                .hasMessageNotContaining("Exception");
    }
}
