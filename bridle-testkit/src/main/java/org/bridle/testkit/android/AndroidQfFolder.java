package org.bridle.testkit.android;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes an AndroidQF acquisition folder: an {@code acquisition.json}, as every acquisition has, and the given
 * files by their relative names ({@code String} content as UTF-8, {@code byte[]} as it is), folders made as needed.
 */
public final class AndroidQfFolder {
    private AndroidQfFolder() {
    }

    /** Writes the acquisition into {@code folder} (made if needed) and returns it. */
    public static Path write(Path folder, Map<String, ?> files) throws IOException {
        Files.createDirectories(folder);
        if (!files.containsKey("acquisition.json")) {
            Files.writeString(folder.resolve("acquisition.json"), "{}");
        }
        for (var file : files.entrySet()) {
            Path path = folder.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.write(path, AndroidArchives.content(file.getValue()));
        }
        return folder;
    }
}
