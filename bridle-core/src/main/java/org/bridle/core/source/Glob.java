package org.bridle.core.source;

import java.util.regex.Pattern;

/**
 * A compiled glob of the {@link DevicePath} syntax: {@code *} matches any characters within one path segment,
 * {@code **} any characters across segments, and {@code **}{@code /} any number of whole leading segments (none
 * included). Every other character matches itself.
 *
 * <p>A source looks a glob up against every path it holds (a backup lists hundreds of thousands), so
 * {@link #matches} first compares the glob's literal start and end, which rejects almost every path without
 * running the regular expression.
 */
public final class Glob {
    private final Pattern regex;
    /** The literal text before the first wildcard. */
    private final String prefix;
    /** The literal text after the last wildcard (all of the glob when it has none). */
    private final String suffix;

    private Glob(Pattern regex, String prefix, String suffix) {
        this.regex = regex;
        this.prefix = prefix;
        this.suffix = suffix;
    }

    /** Compiles a glob. */
    public static Glob of(String glob) {
        StringBuilder regex = new StringBuilder();
        int firstWildcard = -1;
        int literalTail = 0;
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (c == '*') {
                firstWildcard = firstWildcard < 0 ? i : firstWildcard;
                if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    boolean slashFollows = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                    regex.append(slashFollows ? "(?:.*/)?" : ".*");
                    i += slashFollows ? 3 : 2;
                } else {
                    regex.append("[^/]*");
                    i++;
                }
                literalTail = i;
                continue;
            }
            regex.append(Pattern.quote(String.valueOf(c)));
            i++;
        }
        if (firstWildcard < 0) {
            return new Glob(Pattern.compile(regex.toString(), Pattern.DOTALL), glob, "");
        }
        return new Glob(Pattern.compile(regex.toString(), Pattern.DOTALL), glob.substring(0, firstWildcard),
                glob.substring(literalTail));
    }

    /**
     * False only when no path ending with {@code tail} can match: lets a caller that builds paths from a head and
     * a tail (a backup's domain folder and relative path) skip building most of them.
     */
    public boolean mayMatchEnding(String tail) {
        return tail.length() < suffix.length() || tail.endsWith(suffix);
    }

    /** True when the whole of {@code path} matches. */
    public boolean matches(String path) {
        return path.length() >= prefix.length() + suffix.length() && path.startsWith(prefix) && path.endsWith(suffix)
                && regex.matcher(path).matches();
    }
}
