package org.bridle.android.backup;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.bridle.android.archive.EntryTree;
import org.bridle.android.archive.FolderTree;
import org.bridle.android.archive.TreeFile;
import org.bridle.android.archive.Trees;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;
import org.bridle.core.source.InputException;
import org.bridle.core.source.PasswordSource;
import org.bridle.core.source.Source;

/**
 * An {@code adb backup}: a {@code .ab} file (read once into memory, never extracted) or its unpacked folder. Its
 * entries answer {@code @backup/} locations, such as {@code @backup/apps/PACKAGE/d_f/NAME}.
 */
public final class AndroidBackup implements Source {
    private final EntryTree tree;
    private final String originPrefix;
    private final String description;

    private AndroidBackup(EntryTree tree, String originPrefix, String description) {
        this.tree = tree;
        this.originPrefix = originPrefix;
        this.description = description;
    }

    /** Opens a {@code .ab} file or an unpacked backup folder (one holding {@code apps/}). */
    public static AndroidBackup open(Path input, PasswordSource passwords) throws InputException {
        if (Files.isDirectory(input)) {
            if (!Files.isDirectory(input.resolve("apps"))) {
                throw new InputException(input + " is not an unpacked Android backup: it has no apps folder.");
            }
            try {
                return new AndroidBackup(FolderTree.of(input), "", "unpacked Android backup at " + input);
            } catch (IOException e) {
                throw new InputException(input + " cannot be read: " + e.getMessage() + ".", e);
            }
        }
        if (!Files.isRegularFile(input)) {
            throw new InputException(input + " does not exist: give an Android backup (.ab) or its folder.");
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(input))) {
            return new AndroidBackup(AbHeader.read(in, "the backup " + input, passwords), "",
                    "Android backup at " + input);
        } catch (IOException e) {
            throw new InputException(input + " cannot be read: " + e.getMessage() + ".", e);
        }
    }

    /**
     * Reads a {@code .ab} nested in other evidence.
     *
     * @param name its name in that evidence, used in origins and messages
     */
    public static AndroidBackup read(InputStream in, String name, PasswordSource passwords, String description)
            throws InputException {
        return new AndroidBackup(AbHeader.read(new BufferedInputStream(in), "the backup " + name, passwords),
                name + "!", description);
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<EvidenceFile> resolve(DevicePath location) {
        if (location.container() != DevicePath.Container.BACKUP) {
            return List.of();
        }
        return Trees.glob(tree, "", location.path()).stream()
                .map(name -> (EvidenceFile) new TreeFile(location.container().prefix() + "/" + name,
                        originPrefix + name, tree, name))
                .toList();
    }

    @Override
    public void forEachFile(Consumer<EvidenceFile> visitor) {
        for (String name : tree.names()) {
            visitor.accept(new TreeFile("@backup/" + name, originPrefix + name, tree, name));
        }
    }

    @Override
    public List<String> notes() {
        return tree.skipped().stream().map(s -> "skipped the entry " + originPrefix + s).toList();
    }

    @Override
    public void close() {
        tree.close();
    }
}
