package org.bridle.core.indicators;

/**
 * Splits URLs as the matcher needs them: the host, and a canonical form for comparing whole URLs. A URL may lack
 * its scheme ({@code evil.com/x}) or start with {@code //}; then its host is what precedes the first {@code /},
 * {@code ?} or {@code #}.
 */
final class Urls {
    private Urls() {
    }

    /** The canonical host of the URL (see {@link Hosts}); empty when it has none. */
    static String host(String url) {
        int start = authorityStart(url);
        int end = authorityEnd(url, start);
        int hostStart = hostStart(url, start, end);
        if (hostStart < end && url.charAt(hostStart) == '[') {
            int close = url.indexOf(']', hostStart);
            return close > hostStart && close < end ? Hosts.asciiLowerCase(url.substring(hostStart + 1, close)) : "";
        }
        return Hosts.canonical(url, hostStart, hostEnd(url, hostStart, end));
    }

    /**
     * The URL in canonical form: scheme and host in lower case (host as in {@link Hosts}), an empty path written
     * {@code /}, everything else exactly as given; null when the URL has no {@code scheme://}.
     */
    static String key(String url) {
        int colon = schemeEnd(url);
        if (colon < 0) {
            return null;
        }
        int start = colon + 3;
        int end = authorityEnd(url, start);
        int hostStart = hostStart(url, start, end);
        int hostEnd;
        String host;
        if (hostStart < end && url.charAt(hostStart) == '[') {
            int close = url.indexOf(']', hostStart);
            hostEnd = close > hostStart && close < end ? close + 1 : end;
            host = Hosts.asciiLowerCase(url.substring(hostStart, hostEnd));
        } else {
            hostEnd = hostEnd(url, hostStart, end);
            host = Hosts.canonical(url, hostStart, hostEnd);
        }
        StringBuilder key = new StringBuilder(url.length() + 1)
                .append(Hosts.asciiLowerCase(url.substring(0, colon))).append("://")
                .append(url, start, hostStart).append(host).append(url, hostEnd, end);
        if (end == url.length() || url.charAt(end) == '?' || url.charAt(end) == '#') {
            key.append('/');
        }
        return key.append(url, end, url.length()).toString();
    }

    /** The index of the colon of a leading {@code scheme://}, or -1 when the URL does not start with one. */
    static int schemeEnd(String url) {
        int colon = url.indexOf("://");
        if (colon <= 0 || !Character.isLetter(url.charAt(0))) {
            return -1;
        }
        for (int i = 1; i < colon; i++) {
            char c = url.charAt(i);
            if (!(c < 0x80 && (Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.'))) {
                return -1;
            }
        }
        return colon;
    }

    private static int authorityStart(String url) {
        int colon = schemeEnd(url);
        if (colon >= 0) {
            return colon + 3;
        }
        return url.startsWith("//") ? 2 : 0;
    }

    private static int authorityEnd(String url, int from) {
        for (int i = from; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#' || c == '\\') {
                return i;
            }
        }
        return url.length();
    }

    private static int hostStart(String url, int start, int end) {
        int at = url.lastIndexOf('@', end - 1);
        return at >= start ? at + 1 : start;
    }

    private static int hostEnd(String url, int hostStart, int end) {
        int colon = url.indexOf(':', hostStart);
        return colon >= 0 && colon < end ? colon : end;
    }
}
