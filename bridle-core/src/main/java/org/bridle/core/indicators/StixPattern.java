package org.bridle.core.indicators;

import java.util.Locale;

/**
 * One STIX 2.1 pattern the loader can use: a single equality comparison {@code [key = 'value']}, whitespace
 * optional. The value may contain {@code =}, spaces and the escapes {@code \'} and {@code \\}; any other backslash
 * is kept as written. Compound patterns ({@code AND}, {@code OR}, several observations), other operators and
 * unknown keys are refused with a reason.
 *
 * @param type the indicator type the key names
 * @param value the compared value, unescaped (not yet refanged)
 */
record StixPattern(IndicatorType type, String value) {

    /**
     * Parses a pattern.
     *
     * @throws IllegalArgumentException with the reason, phrased to follow "the pattern …", when it cannot be used
     */
    static StixPattern parse(String pattern) {
        Cursor in = new Cursor(pattern);
        in.skipSpaces();
        if (!in.take('[')) {
            throw new IllegalArgumentException("does not start with '['");
        }
        in.skipSpaces();
        String key = in.key();
        if (key.isEmpty()) {
            throw new IllegalArgumentException("has no object path before the operator");
        }
        in.skipSpaces();
        if (!in.take('=')) {
            throw new IllegalArgumentException(in.rest().isEmpty() ? "has no operator"
                    : "compares with \"" + in.operator() + "\"; only '=' comparisons are supported");
        }
        in.skipSpaces();
        String value = in.quoted();
        in.skipSpaces();
        boolean closed = in.take(']');
        in.skipSpaces();
        if (!closed || !in.rest().isEmpty()) {
            String rest = in.rest().toUpperCase(Locale.ROOT);
            if (rest.matches("(?s)(AND|OR)\\b.*")) {
                throw new IllegalArgumentException(
                        "is a compound pattern (AND/OR); only single comparisons are supported");
            }
            throw new IllegalArgumentException(closed ? "has text after the closing ']': " + in.rest()
                    : "does not end with ']' after the value");
        }
        IndicatorType type = IndicatorType.fromStixKey(key)
                .orElseThrow(() -> new IllegalArgumentException("uses the unknown key " + key));
        if (value.isBlank()) {
            throw new IllegalArgumentException("compares with an empty value");
        }
        return new StixPattern(type, value);
    }

    /** Reads a pattern from left to right. */
    private static final class Cursor {
        private final String text;
        private int at;

        Cursor(String text) {
            this.text = text;
        }

        void skipSpaces() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        boolean take(char expected) {
            if (at < text.length() && text.charAt(at) == expected) {
                at++;
                return true;
            }
            return false;
        }

        String rest() {
            return text.substring(at);
        }

        /** An object path such as {@code file:hashes.'SHA-256'}: up to a space or an operator, quotes kept. */
        String key() {
            int start = at;
            while (at < text.length()) {
                char c = text.charAt(at);
                if (c == '\'') {
                    int close = text.indexOf('\'', at + 1);
                    if (close < 0) {
                        throw new IllegalArgumentException("has an unclosed quote in its object path");
                    }
                    at = close + 1;
                } else if (Character.isWhitespace(c) || "=!<>]".indexOf(c) >= 0) {
                    break;
                } else {
                    at++;
                }
            }
            return text.substring(start, at);
        }

        /** The operator that stands where '=' should, for the reason of a refusal. */
        String operator() {
            int start = at;
            while (at < text.length() && !Character.isWhitespace(text.charAt(at)) && text.charAt(at) != '\'') {
                at++;
            }
            return text.substring(start, at);
        }

        /** A single-quoted string, unescaped. */
        String quoted() {
            if (!take('\'')) {
                throw new IllegalArgumentException("does not compare with a quoted string");
            }
            StringBuilder value = new StringBuilder();
            while (at < text.length()) {
                char c = text.charAt(at++);
                if (c == '\'') {
                    return value.toString();
                }
                if (c == '\\' && at < text.length() && (text.charAt(at) == '\'' || text.charAt(at) == '\\')) {
                    c = text.charAt(at++);
                }
                value.append(c);
            }
            throw new IllegalArgumentException("does not close the quote of its value");
        }
    }
}
