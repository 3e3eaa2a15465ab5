package org.bridle.android.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import org.bridle.core.source.EvidenceFile;

/**
 * A file of an entry tree as evidence.
 *
 * @param devicePath the file's path on the device, or the location it answers
 * @param origin where it is in the evidence, for people
 * @param tree the tree that holds it
 * @param name its name in the tree
 */
public record TreeFile(String devicePath, String origin, EntryTree tree, String name) implements EvidenceFile {
    @Override public boolean present() { return tree.contains(name); }
    @Override public long size() throws IOException { return tree.size(name); }
    @Override public InputStream open() throws IOException { return tree.open(name); }

    @Override
    public Optional<Path> localPath() {
        return tree instanceof FolderTree folder ? Optional.of(folder.path(name)) : Optional.empty();
    }

    @Override
    public Optional<EvidenceFile> sidecar(String suffix) {
        return tree.contains(name + suffix)
                ? Optional.of(new TreeFile(devicePath + suffix, origin + suffix, tree, name + suffix))
                : Optional.empty();
    }

    @Override public String toString() { return devicePath + " (" + origin + ")"; }
}
