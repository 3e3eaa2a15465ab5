package org.bridle.core.indicators;

/**
 * Undoes the usual defanging of network indicators: {@code [.]} and {@code (.)} become {@code .}, and a scheme
 * {@code hxxp} or {@code hxxps} (any case) becomes {@code http} or {@code https}.
 */
final class Refang {
    private Refang() {
    }

    /**
     * A defanged value made plain: its defanged dots, and its scheme when it starts with {@code hxxp://} or
     * {@code hxxps://} (a domain such as {@code hxxpool.example} keeps its name).
     */
    static String refang(String value) {
        int colon = value.indexOf("://");
        String result = colon == 4 || colon == 5 ? scheme(value.substring(0, colon)) + value.substring(colon) : value;
        return dots(result);
    }

    /** A link's scheme made plain: {@code hxxp} and {@code hxxps}, any case, become {@code http} and {@code https}. */
    static String scheme(String scheme) {
        return (scheme.length() == 4 || scheme.length() == 5 && (scheme.charAt(4) | 0x20) == 's')
                && scheme.regionMatches(true, 0, "hxxp", 0, 4) ? "http" + scheme.substring(4) : scheme;
    }

    /** A value with its defanged dots, {@code [.]} and {@code (.)}, made dots. */
    static String dots(String value) {
        return value.indexOf('[') >= 0 || value.indexOf('(') >= 0
                ? value.replace("[.]", ".").replace("(.)", ".") : value;
    }

    /** Whether a defanged dot, {@code [.]} or {@code (.)}, starts at {@code at}. */
    static boolean isDefangedDot(CharSequence text, int at) {
        if (at + 2 >= text.length() || text.charAt(at + 1) != '.') {
            return false;
        }
        char open = text.charAt(at);
        char close = text.charAt(at + 2);
        return open == '[' && close == ']' || open == '(' && close == ')';
    }
}
