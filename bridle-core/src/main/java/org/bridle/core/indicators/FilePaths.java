package org.bridle.core.indicators;

/**
 * File paths in the one form indicators and observed paths are compared in. On iOS {@code /var}, {@code /etc}
 * and {@code /tmp} are links into {@code /private}, so {@code /private/var/db/x} is written {@code /var/db/x};
 * repeated slashes become one and trailing slashes are dropped. A relative path stays relative, so it never equals
 * an absolute one. Case is kept.
 */
final class FilePaths {
    private static final String PRIVATE = "/private";

    private FilePaths() {
    }

    static String canonical(String path) {
        String p = path.strip();
        if (p.contains("//")) {
            p = p.replaceAll("/{2,}", "/");
        }
        int end = p.length();
        while (end > 0 && p.charAt(end - 1) == '/') {
            end--;
        }
        p = p.substring(0, end);
        if (p.startsWith(PRIVATE + "/") && (isUnder(p, "/var") || isUnder(p, "/etc") || isUnder(p, "/tmp"))) {
            return p.substring(PRIVATE.length());
        }
        return p;
    }

    /**
     * Where the last segment of a path without surrounding white space ends: before its trailing slashes. The segment
     * starts after the last {@code /} before that, and is empty for {@code /}.
     */
    static int lastSegmentEnd(String strippedPath) {
        int end = strippedPath.length();
        while (end > 0 && strippedPath.charAt(end - 1) == '/') {
            end--;
        }
        return end;
    }

    private static boolean isUnder(String privatePath, String root) {
        int at = PRIVATE.length();
        int end = at + root.length();
        return privatePath.startsWith(root, at) && (privatePath.length() == end || privatePath.charAt(end) == '/');
    }
}
