package org.bridle.android.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bridle.core.source.Glob;
import org.bridle.core.source.InputException;

/** Opening a folder or zip input as a tree, and finding entries in it. */
public final class Trees {
    private Trees() {
    }

    /**
     * Opens a folder, or a zip file, as a tree.
     *
     * @param what what the input should be, for the sentence when it is not, such as {@code an Android bugreport}
     */
    public static EntryTree open(Path input, String what) throws InputException {
        try {
            if (Files.isDirectory(input)) {
                return FolderTree.of(input);
            }
            if (!Files.isRegularFile(input)) {
                throw new InputException(input + " does not exist: give " + what + " (a zip file or its folder).");
            }
        } catch (IOException e) {
            throw new InputException(input + " cannot be read: " + e.getMessage() + ".", e);
        }
        try {
            return ZipTree.open(input);
        } catch (IOException e) {
            throw new InputException(input + " is not " + what + ": it is neither a folder nor a readable zip"
                    + " archive (" + e.getMessage() + ").", e);
        }
    }

    /** The names under {@code prefix} (empty or ending with {@code /}) whose rest matches a device-path glob. */
    public static List<String> glob(EntryTree tree, String prefix, String glob) {
        Glob pattern = Glob.of(glob);
        return tree.names().stream()
                .filter(n -> n.startsWith(prefix) && pattern.matches(n.substring(prefix.length())))
                .toList();
    }
}
