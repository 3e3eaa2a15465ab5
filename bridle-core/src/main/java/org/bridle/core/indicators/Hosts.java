package org.bridle.core.indicators;

import java.net.IDN;
import java.util.Locale;

/**
 * Host names in the one form indicators and observed hosts are compared in: lower case, internationalised names
 * as punycode ({@link IDN#toASCII}), no leading or trailing dot; IPv4 addresses in dotted decimal without
 * leading zeros.
 */
final class Hosts {
    private Hosts() {
    }

    /** The canonical form of the host written in {@code text[from, to)}; empty when there is none. */
    static String canonical(String text, int from, int to) {
        while (from < to && text.charAt(from) == '.') {
            from++;
        }
        while (to > from && text.charAt(to - 1) == '.') {
            to--;
        }
        boolean ascii = true;
        boolean lower = true;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                ascii = false;
            } else if (c >= 'A' && c <= 'Z') {
                lower = false;
            }
        }
        String host = text.substring(from, to);
        if (!ascii) {
            host = punycode(host);
        } else if (!lower) {
            host = asciiLowerCase(host);
        }
        String ip = canonicalIpv4(host);
        return ip != null ? ip : host;
    }

    /** The canonical form of a whole string holding a host name. */
    static String canonical(String host) {
        return canonical(host, 0, host.length());
    }

    /** The dotted-decimal form of an IPv4 address, or null when the host is not one. */
    static String canonicalIpv4(String host) {
        int length = host.length();
        if (length < 7 || length > 15 || !isDigit(host.charAt(0)) || !isDigit(host.charAt(length - 1))) {
            return null;
        }
        int parts = 0;
        int value = 0;
        int digits = 0;
        boolean leadingZero = false;
        for (int i = 0; i <= length; i++) {
            char c = i < length ? host.charAt(i) : '.';
            if (c == '.') {
                if (digits == 0 || value > 255 || ++parts > 4) {
                    return null;
                }
                value = 0;
                digits = 0;
            } else if (isDigit(c)) {
                leadingZero |= digits == 1 && value == 0;
                value = value * 10 + (c - '0');
                digits++;
                if (digits > 3) {
                    return null;
                }
            } else {
                return null;
            }
        }
        if (parts != 4) {
            return null;
        }
        return leadingZero ? withoutLeadingZeros(host) : host;
    }

    private static String withoutLeadingZeros(String ip) {
        StringBuilder out = new StringBuilder(ip.length());
        for (String part : ip.split("\\.")) {
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(Integer.parseInt(part));
        }
        return out.toString();
    }

    private static String punycode(String host) {
        try {
            return asciiLowerCase(IDN.toASCII(host, IDN.ALLOW_UNASSIGNED));
        } catch (IllegalArgumentException notAnIdn) {
            return host.toLowerCase(Locale.ROOT);
        }
    }

    static String asciiLowerCase(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= 'A' && c <= 'Z') {
                chars[i] = (char) (c + ('a' - 'A'));
            }
        }
        return new String(chars);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
