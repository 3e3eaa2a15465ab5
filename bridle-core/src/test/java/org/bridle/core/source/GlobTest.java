package org.bridle.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GlobTest {

    @Test
    void starMatchesWithinOneSegmentAndDoubleStarAcrossSegments() {
        Glob profiles = Glob.of("Library/Safari/Profiles/*/History.db");
        assertThat(profiles.matches("Library/Safari/Profiles/abc/History.db")).isTrue();
        assertThat(profiles.matches("Library/Safari/Profiles//History.db")).isTrue();
        assertThat(profiles.matches("Library/Safari/Profiles/a/b/History.db")).isFalse();
        Glob cache = Glob.of("Library/**/Cache.db");
        assertThat(cache.matches("Library/Cache.db")).isTrue();
        assertThat(cache.matches("Library/a/b/Cache.db")).isTrue();
        assertThat(cache.matches("Library/aCache.db")).isFalse();
        assertThat(Glob.of("**/Cache.db").matches("Cache.db")).isTrue();
        assertThat(Glob.of("**/Cache.db").matches("x/y/Cache.db")).isTrue();
        assertThat(Glob.of("a**b").matches("a/x/b")).isTrue();
        assertThat(Glob.of("a**/b").matches("ab")).isTrue();
    }

    @Test
    void aTailThatCannotEndAMatchIsToldApart() {
        Glob journal = Glob.of("private/var/db/analyticsd/Analytics-Journal-*.ips");
        assertThat(journal.mayMatchEnding("Documents/f0/file1.dat")).isFalse();
        assertThat(journal.mayMatchEnding("analyticsd/Analytics-Journal-1.ips")).isTrue();
        assertThat(journal.mayMatchEnding("ps")).isTrue();
        assertThat(Glob.of("a/*").mayMatchEnding("anything")).isTrue();
    }

    @Test
    void everyOtherCharacterIsLiteral() {
        assertThat(Glob.of("a.b").matches("a.b")).isTrue();
        assertThat(Glob.of("a.b").matches("axb")).isFalse();
        assertThat(Glob.of("(x)+[y]").matches("(x)+[y]")).isTrue();
        assertThat(Glob.of("sms.db").matches("sms.db")).isTrue();
        assertThat(Glob.of("sms.db").matches("sms.db-wal")).isFalse();
        assertThat(Glob.of("").matches("")).isTrue();
        assertThat(Glob.of("").matches("a")).isFalse();
    }

    @Test
    void literalEndsThatOverlapInTheGlobCannotShareCharactersOfThePath() {
        Glob glob = Glob.of("ab*ba");
        assertThat(glob.matches("aba")).isFalse();
        assertThat(glob.matches("abba")).isTrue();
        assertThat(glob.matches("abxba")).isTrue();
    }

    /** The literal-end shortcut never changes an answer: compared with the bare translation on random paths. */
    @Test
    void agreesWithTheRegularExpressionOnRandomPathsAndGlobs() {
        List<String> pieces = List.of("a", "b", "/", ".", "*", "**", "**/", "ab", "x/");
        for (int seed = 0; seed < 5; seed++) {
            Random random = new Random(seed);
            for (int g = 0; g < 300; g++) {
                StringBuilder glob = new StringBuilder();
                for (int k = random.nextInt(6); k >= 0; k--) {
                    glob.append(pieces.get(random.nextInt(pieces.size())));
                }
                if (glob.indexOf("***") >= 0) {
                    continue; // three stars in a row can be read two ways; artifacts never write them
                }
                Pattern reference = reference(glob.toString());
                Glob compiled = Glob.of(glob.toString());
                for (int p = 0; p < 60; p++) {
                    StringBuilder path = new StringBuilder();
                    for (int k = random.nextInt(8); k > 0; k--) {
                        path.append("ab/.x".charAt(random.nextInt(5)));
                    }
                    boolean matches = reference.matcher(path).matches();
                    assertThat(compiled.matches(path.toString())).as("glob %s on %s", glob, path).isEqualTo(matches);
                    for (int tail = 0; tail <= path.length() && matches; tail++) {
                        assertThat(compiled.mayMatchEnding(path.substring(tail))).as("glob %s on the end of %s at %d",
                                glob, path, tail).isTrue();
                    }
                }
            }
        }
    }

    /** The glob syntax written as a regular expression, independently of the class under test. */
    private static Pattern reference(String glob) {
        String marked = glob.replace("**/", "\u0001").replace("**", "\u0002").replace("*", "\u0003");
        StringBuilder regex = new StringBuilder();
        for (String token : marked.split("(?=[\u0001-\u0003])|(?<=[\u0001-\u0003])")) {
            regex.append(switch (token) {
                case "\u0001" -> "(?:.*/)?";
                case "\u0002" -> ".*";
                case "\u0003" -> "[^/]*";
                default -> Pattern.quote(token);
            });
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
