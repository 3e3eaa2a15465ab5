package org.bridle.core.indicators;

import java.util.Locale;

/**
 * The keys indicators are indexed by and observed values looked up with: for each type, the normalisation that
 * makes equal things equal strings (see {@link IndicatorSet} for the rules).
 */
final class IndicatorKeys {
    private IndicatorKeys() {
    }

    /**
     * The key of an indicator's value.
     *
     * @throws IllegalArgumentException with a reason, phrased to follow the value, when the value cannot be used
     */
    static String ofIndicator(IndicatorType type, String value) {
        String key = of(type, value);
        String flaw = flaw(type, key);
        if (flaw != null) {
            throw new IllegalArgumentException(flaw);
        }
        return key;
    }

    /** The key of a value of the given type, normalised; it may be empty. */
    static String of(IndicatorType type, String value) {
        String v = value.strip();
        return switch (type) {
            case DOMAIN -> Hosts.canonical(v);
            case IPV4 -> {
                String ip = Hosts.canonicalIpv4(v);
                yield ip != null ? ip : v;
            }
            case URL -> {
                String key = Urls.key(v);
                yield key != null ? key : v;
            }
            case EMAIL -> email(v);
            case FILE_PATH -> FilePaths.canonical(v);
            case FILE_MD5, FILE_SHA1, FILE_SHA256, APP_CERT_MD5, APP_CERT_SHA1, APP_CERT_SHA256 -> hex(v);
            case APP_ID -> v.toLowerCase(Locale.ROOT);
            case PROFILE_ID -> profileId(v);
            case PROCESS, FILE_NAME, ANDROID_PROPERTY -> v;
        };
    }

    /** An e-mail address without {@code mailto:} or angle brackets, in lower case. */
    static String email(String value) {
        String v = value.strip();
        if (v.regionMatches(true, 0, "mailto:", 0, 7)) {
            v = v.substring(7);
            int query = v.indexOf('?');
            v = query >= 0 ? v.substring(0, query) : v;
        }
        if (v.length() > 1 && v.charAt(0) == '<' && v.charAt(v.length() - 1) == '>') {
            v = v.substring(1, v.length() - 1);
        }
        return v.strip().toLowerCase(Locale.ROOT);
    }

    /** A digest in lower-case hex, without the colons and spaces fingerprints are often written with. */
    static String hex(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != ':' && !Character.isWhitespace(c)) {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }

    /** A profile identifier (a UUID) in lower case, without braces. */
    static String profileId(String value) {
        String v = value.strip();
        if (v.length() > 1 && v.charAt(0) == '{' && v.charAt(v.length() - 1) == '}') {
            v = v.substring(1, v.length() - 1);
        }
        return v.strip().toLowerCase(Locale.ROOT);
    }

    private static String flaw(IndicatorType type, String key) {
        if (key.isEmpty()) {
            return type == IndicatorType.FILE_PATH ? "is the root folder, which would match every file" : "is empty";
        }
        return switch (type) {
            case DOMAIN -> isDomainName(key) ? null : "is not a domain name";
            case IPV4 -> Hosts.canonicalIpv4(key) != null ? null : "is not an IPv4 address";
            case URL -> Urls.schemeEnd(key) < 0 ? "is not a URL with a scheme (such as https://)"
                    : Urls.host(key).isEmpty() ? "is a URL without a host" : null;
            case EMAIL -> key.indexOf('@') > 0 ? null : "is not an e-mail address";
            case FILE_NAME -> key.indexOf('/') < 0 ? null : "is a path, not a file name";
            case FILE_MD5, APP_CERT_MD5 -> isHex(key, 32) ? null : "is not an MD5 digest (32 hex digits)";
            case FILE_SHA1, APP_CERT_SHA1 -> isHex(key, 40) ? null : "is not a SHA-1 digest (40 hex digits)";
            case FILE_SHA256, APP_CERT_SHA256 -> isHex(key, 64) ? null : "is not a SHA-256 digest (64 hex digits)";
            default -> null;
        };
    }

    private static boolean isDomainName(String host) {
        if (host.startsWith(".") || host.endsWith(".") || host.contains("..")) {
            return false;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(String value, int length) {
        if (value.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
