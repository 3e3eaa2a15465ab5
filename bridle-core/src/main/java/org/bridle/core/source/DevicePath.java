package org.bridle.core.source;

import java.util.Objects;

/**
 * Where an artifact's file lives on the device: a path relative to the device root, or relative to a container.
 *
 * <p>Syntax: {@code private/var/mobile/Library/SMS/sms.db} is a path under the device root; a leading
 * {@code @app/ID/}, {@code @group/ID/}, {@code @plugin/ID/}, {@code @sysdata/ID/} or {@code @sysshared/ID/}
 * places the rest inside the data container of the app, app group, app extension or system container with that
 * bundle or group id; {@code @backup/NAME} names a file of the backup itself (Info.plist, Manifest.db; an Android
 * {@code .ab} backup's {@code apps/PACKAGE/...} entries); {@code @listing/} names the list of every file and folder
 * a file-system source holds, with sizes and modification times, which that source writes as text (a source that
 * keeps no such list resolves it to nothing).
 *
 * <p>Android evidence holds the output of commands run on the device rather than files, so three containers name
 * those: {@code @dumpsys/SERVICE} is the section of {@code dumpsys} output for one service (it has an id and no
 * path); {@code @command/NAME} is the whole output of a shell command such as {@code getprop} or {@code ps}; and
 * {@code @androidqf/NAME} is a file that only an AndroidQF acquisition writes, such as {@code packages.json}.
 * Files copied from the device's file system (a bugreport's {@code FS/} entries, tombstones) are root paths such
 * as {@code data/tombstones/tombstone_*}.
 *
 * <p>In the id and in the path, {@code *} matches any characters within one path segment and {@code **} any number
 * of whole segments ({@link Glob}).
 *
 * @param container where the path starts
 * @param containerId the container's id or id pattern; empty for containers without an id
 * @param path the path inside the container, without a leading slash; empty for {@link Container#DUMPSYS}
 */
public record DevicePath(Container container, String containerId, String path) {

    /** Where a device path starts. */
    public enum Container {
        ROOT("", false, true), APP("@app", true, true), GROUP("@group", true, true), PLUGIN("@plugin", true, true),
        SYSTEM_DATA("@sysdata", true, true), SYSTEM_SHARED("@sysshared", true, true), BACKUP("@backup", false, true),
        LISTING("@listing", false, true), DUMPSYS("@dumpsys", true, false), COMMAND("@command", false, true),
        ANDROIDQF("@androidqf", false, true);

        private final String prefix;
        private final boolean hasId;
        private final boolean hasPath;

        Container(String prefix, boolean hasId, boolean hasPath) {
            this.prefix = prefix;
            this.hasId = hasId;
            this.hasPath = hasPath;
        }

        /** The prefix that names this container in the path syntax. */
        public String prefix() { return prefix; }

        /** Whether a location in this container names the container by an id. */
        public boolean hasId() { return hasId; }
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
                if (!c.hasId) {
                    return new DevicePath(c, "", rest);
                }
                if (!c.hasPath) {
                    if (rest.isEmpty() || rest.contains("/")) {
                        throw new IllegalArgumentException("a " + c.prefix + " path is one id: " + spec);
                    }
                    return new DevicePath(c, rest, "");
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

    @Override
    public String toString() {
        if (container == Container.ROOT) {
            return path;
        }
        if (!container.hasId) {
            return container.prefix + "/" + path;
        }
        return container.hasPath ? container.prefix + "/" + containerId + "/" + path
                : container.prefix + "/" + containerId;
    }

    private static String stripSlash(String s) {
        return s.startsWith("/") ? s.substring(1) : s;
    }
}
