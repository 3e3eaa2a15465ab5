package org.bridle.ios.fs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Collects the entries of a dump as its container names them (an archive's entry names, a folder's relative
 * paths), keeps those that are safe, and finds the device root under any leading folder.
 *
 * <p>Unsafe entries are left out, each with one problem line: a name with a {@code ..} segment or an absolute name, a
 * link whose target is absolute or climbs above the dump (links are listed, never followed), a file larger than the
 * size bound, and every entry past {@link #MAX_ENTRIES}. The problem lines kept are bounded to {@link #MAX_PROBLEMS}; the rest are counted. The device root is
 * the shortest leading folder ({@code ""}, {@code filesystem/}, …) under which {@code private/var} lies; entries
 * outside it are left out and counted in one problem line.
 *
 * @param <H> how the container finds an entry's content again (a path, an offset, an archive entry)
 */
final class DumpIndex<H> {
    /** At most this many problem lines are kept. */
    static final int MAX_PROBLEMS = 100;
    /** At most this many entries are indexed (a full dump has about a million); the rest are left out. */
    static final int MAX_ENTRIES = 10_000_000;
    private static final Pattern WINDOWS_ABSOLUTE = Pattern.compile("^[A-Za-z]:.*");

    private final long maxFileSize;
    private final List<Raw<H>> raw = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private long problemCount;

    private record Raw<H>(String name, DumpEntry.Type type, long size, Instant modified, H handle) {
    }

    /** @param maxFileSize files larger than this are left out (a bound on what reading one may cost) */
    DumpIndex(long maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    /**
     * Adds one entry as the container names it.
     *
     * @param linkTarget for a link, where it points (relative to the link's folder unless absolute); else null
     * @return whether the entry was kept
     */
    boolean add(String name, DumpEntry.Type type, long size, Instant modified, String linkTarget, H handle) {
        String shown = name.replace('\\', '/');
        if (shown.startsWith("/") || WINDOWS_ABSOLUTE.matcher(shown).matches()) {
            problem("Left out \"" + name + "\": an absolute path");
            return false;
        }
        String normal = normalise(shown);
        if (normal == null) {
            problem("Left out \"" + name + "\": its path climbs out of the dump (..)");
            return false;
        }
        if (normal.isEmpty()) {
            return false;
        }
        if (type == DumpEntry.Type.LINK && linkTarget != null
                && escapes(normal.split("/").length - 1, linkTarget)) {
            problem("Not followed: link \"" + name + "\" points outside the dump, to \"" + linkTarget + "\"");
        }
        if (raw.size() >= MAX_ENTRIES) {
            problem("Left out \"" + name + "\": the dump has more than " + MAX_ENTRIES + " entries");
            return false;
        }
        if (type == DumpEntry.Type.FILE && size > maxFileSize) {
            problem("Left out \"" + name + "\": " + size + " bytes, more than the " + maxFileSize
                    + " bytes bridle reads from one file");
            return false;
        }
        raw.add(new Raw<>(normal, type, type == DumpEntry.Type.FILE ? Math.max(size, 0) : 0, modified, handle));
        return true;
    }

    /** Records a problem line (bounded). */
    void problem(String line) {
        problemCount++;
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(line);
        }
    }

    /** A slash-separated name without empty and {@code .} segments; null when a {@code ..} segment is in it. */
    private static String normalise(String name) {
        List<String> kept = new ArrayList<>();
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                return null;
            }
            if (!segment.isEmpty() && !segment.equals(".")) {
                kept.add(segment);
            }
        }
        return String.join("/", kept);
    }

    /**
     * Adds a hard link, whose target names another entry from the archive's top (not from the link's folder).
     */
    void addHardLink(String name, Instant modified, String target, H handle) {
        if (add(name, DumpEntry.Type.LINK, 0, modified, null, handle) && escapes(0, target)) {
            problem("Not followed: link \"" + name + "\" points outside the dump, to \"" + target + "\"");
        }
    }

    /** True when a link target, followed from a folder {@code depth} levels below the top, leaves the dump. */
    private static boolean escapes(int depth, String target) {
        String t = target.replace('\\', '/');
        if (t.startsWith("/") || WINDOWS_ABSOLUTE.matcher(t).matches()) {
            return true;
        }
        for (String segment : t.split("/")) {
            if (segment.equals("..")) {
                depth--;
                if (depth < 0) {
                    return true;
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                depth++;
            }
        }
        return false;
    }

    /**
     * The safe entries under the device root, sorted by path, with the folders their paths imply added; null when
     * no {@code private/var} is found.
     */
    Built<H> build() {
        String root = root();
        if (root == null) {
            return null;
        }
        TreeMap<String, DumpEntry> entries = new TreeMap<>();
        Map<String, Stored<H>> handles = new HashMap<>();
        long outside = 0;
        for (Raw<H> r : raw) {
            if (!r.name.startsWith(root) || r.name.length() == root.length()) {
                outside++;
                continue;
            }
            String path = r.name.substring(root.length());
            entries.put(path, new DumpEntry(path, r.type, r.size, r.modified));
            if (r.type == DumpEntry.Type.FILE) {
                handles.put(path, new Stored<>(r.size, r.modified, r.handle));
            } else {
                handles.remove(path);
            }
            for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
                entries.putIfAbsent(path.substring(0, slash),
                        new DumpEntry(path.substring(0, slash), DumpEntry.Type.FOLDER, 0, null));
            }
        }
        if (outside > 0 && !root.isEmpty()) {
            problem("Left out " + outside + " entries outside the dump's root folder \"" + root + "\"");
        }
        raw.clear();
        List<String> files = new ArrayList<>();
        entries.values().stream().filter(e -> e.type() == DumpEntry.Type.FILE).forEach(e -> files.add(e.path()));
        List<String> lines = new ArrayList<>(problems);
        if (problemCount > problems.size()) {
            lines.add("… and " + (problemCount - problems.size()) + " more entries left out or not followed");
        }
        return new Built<>(root, List.copyOf(entries.values()), Collections.unmodifiableList(files), handles,
                List.copyOf(lines));
    }

    private String root() {
        String best = null;
        for (Raw<H> r : raw) {
            String prefix = prefixOf(r.name);
            if (prefix != null && (best == null || prefix.length() < best.length()
                    || (prefix.length() == best.length() && prefix.compareTo(best) < 0))) {
                best = prefix;
            }
        }
        return best;
    }

    /** What comes before the first {@code private/var} segment pair of a name; null when there is none. */
    private static String prefixOf(String name) {
        String marker = "private/var";
        for (int i = name.indexOf(marker); i >= 0; i = name.indexOf(marker, i + 1)) {
            int end = i + marker.length();
            if ((i == 0 || name.charAt(i - 1) == '/') && (end == name.length() || name.charAt(end) == '/')) {
                return name.substring(0, i);
            }
        }
        return null;
    }

    /**
     * An index ready to serve.
     *
     * @param root the leading folder the device root was found under ({@code ""} or ending with {@code /})
     * @param entries every safe entry under the root, sorted by path
     * @param files the paths of the regular files, sorted
     * @param handles each file's size, modification time and how to find its content
     * @param problems what was left out or not followed, bounded
     */
    record Built<H>(String root, List<DumpEntry> entries, List<String> files, Map<String, Stored<H>> handles,
                    List<String> problems) {
    }

    /** A file's size, modification time (null when unknown) and how its container finds the content. */
    record Stored<H>(long size, Instant modified, H handle) {
    }
}
