package org.bridle.core.indicators;

/**
 * Undoes the usual defanging of network indicators: {@code [.]} and {@code (.)} become {@code .}, and a leading
 * {@code hxxp} (any case) becomes {@code http}.
 */
final class Refang {
    private Refang() {
    }

    static String refang(String value) {
        String result = value;
        if (result.regionMatches(true, 0, "hxxp", 0, 4)) {
            result = "http" + result.substring(4);
        }
        if (result.indexOf('[') >= 0 || result.indexOf('(') >= 0) {
            result = result.replace("[.]", ".").replace("(.)", ".");
        }
        return result;
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
