package org.bridle.core.source;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where an artifact's file lives on the device: a path relative to the device root, or relative to a container.
 *
 * <p>Syntax: {@code private/var/mobile/Library/SMS/sms.db} is a path under the device root; a leading
 * {@code @app/ID/}, {@code @group/ID/}, {@code @plugin/ID/}, {@code @sysdata/ID/} or {@code @sysshared/ID/}
 * places the rest inside the data container of the app, app group, app extension or system container with that
 * bundle or group id; {@code @backup/NAME} names a file of the backup itself (Info.plist, Manifest.db);
 * {@code @listing/} names the list of every file and folder a file-system source holds, with sizes and modification
 * times, which that source writes as text (a source that keeps no such list resolves it to nothing).
 * In the id and in the path, {@code *} matches any characters within one path segment and {@code **} any number
 * of whole segments.
 *
 * @param container where the path starts
 * @param containerId the container's id or id pattern; empty for {@link Container#ROOT}, {@link Container#BACKUP}
 *     and {@link Container#LISTING}
 * @param path the path inside the container, without a leading slash
 */
public record DevicePath(Container container, String containerId, String path) {

    /** Where a device path starts. */
    public enum Container {
        ROOT(""), APP("@app"), GROUP("@group"), PLUGIN("@plugin"), SYSTEM_DATA("@sysdata"),
        SYSTEM_SHARED("@sysshared"), BACKUP("@backup"), LISTING("@listing");

        private final String prefix;

        Container(String prefix) { this.prefix = prefix; }

        /** The prefix that names this container in the path syntax. */
        public String prefix() { return prefix; }
    }

    public DevicePath {
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(containerId, "containerId");
        Objects.requireNonNull(path, "path");
    }

    /** Parses the syntax described on this type. */
    public static DevicePath of(String spec) {
        if (!spec.startsWith("@")) {
            return new DevicePath(Container.ROOT, "", stripSlash(spec));
        }
        int slash = spec.indexOf('/');
        String prefix = slash < 0 ? spec : spec.substring(0, slash);
        for (Container c : Container.values()) {
            if (c != Container.ROOT && c.prefix.equals(prefix)) {
                String rest = slash < 0 ? "" : spec.substring(slash + 1);
                if (c == Container.BACKUP || c == Container.LISTING) {
                    return new DevicePath(c, "", rest);
                }
                int idEnd = rest.indexOf('/');
                if (idEnd <= 0) {
                    throw new IllegalArgumentException("a container path needs an id and a path: " + spec);
                }
                return new DevicePath(c, rest.substring(0, idEnd), rest.substring(idEnd + 1));
            }
        }
        throw new IllegalArgumentException("unknown container in device path: " + spec);
    }

    /** True when the id or the path uses {@code *}. */
    public boolean isPattern() {
        return containerId.contains("*") || path.contains("*");
    }

    /** Compiles a glob of this syntax ({@code *} within a segment, {@code **} across segments) to a regex. */
    public static Pattern globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (c == '*') {
                if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    boolean slashFollows = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                    regex.append(slashFollows ? "(?:.*/)?" : ".*");
                    i += slashFollows ? 3 : 2;
                    continue;
                }
                regex.append("[^/]*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    @Override
    public String toString() {
        return switch (container) {
            case ROOT -> path;
            case BACKUP, LISTING -> container.prefix + "/" + path;
            default -> container.prefix + "/" + containerId + "/" + path;
        };
    }

    private static String stripSlash(String s) {
        return s.startsWith("/") ? s.substring(1) : s;
    }
}
