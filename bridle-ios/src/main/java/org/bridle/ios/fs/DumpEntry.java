package org.bridle.ios.fs;

import java.time.Instant;
import java.util.Objects;

/**
 * One file, folder or link of a dump.
 *
 * @param path the path relative to the device root, without leading or trailing slash
 * @param type what it is
 * @param size the content's size in bytes (0 for folders and links)
 * @param modified when it was last modified; null when the dump does not say (a folder implied by its files)
 */
public record DumpEntry(String path, Type type, long size, Instant modified) {

    /** What a dump entry is. */
    public enum Type {
        FILE, FOLDER, LINK
    }

    public DumpEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
    }

    /** The last segment of the path. */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
