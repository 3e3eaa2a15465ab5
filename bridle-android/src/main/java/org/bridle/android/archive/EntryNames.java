package org.bridle.android.archive;

import java.util.Optional;

/** Checks archive entry names: relative, {@code /}-separated, never climbing out of the archive. */
final class EntryNames {
    private EntryNames() {
    }

    /**
     * Why a name is hostile (absolute, a drive letter, a {@code ..} segment, a NUL), or empty when it is safe. A
     * backslash counts as a separator.
     */
    static Optional<String> hostility(String name) {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*")) {
            return Optional.of("an absolute path");
        }
        if (n.indexOf('\0') >= 0) {
            return Optional.of("a NUL character in the name");
        }
        for (String segment : n.split("/")) {
            if (segment.equals("..")) {
                return Optional.of("a path that climbs out of the archive");
            }
        }
        return Optional.empty();
    }

    /** A safe name without {@code ./} segments, empty segments or a trailing slash. */
    static String normalize(String name) {
        StringBuilder out = new StringBuilder();
        for (String segment : name.replace('\\', '/').split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(segment);
        }
        return out.toString();
    }
}
