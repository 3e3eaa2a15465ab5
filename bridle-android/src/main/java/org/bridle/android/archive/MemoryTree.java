package org.bridle.android.archive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A tar stream read once into memory (the payload of an {@code adb backup}, which can only be read from its
 * start), at most {@link Limits#MAX_IN_MEMORY_BYTES} in all.
 */
public final class MemoryTree implements EntryTree {
    private final Map<String, byte[]> files = new TreeMap<>();
    private final List<String> skipped = new ArrayList<>();

    private MemoryTree() {
    }

    /**
     * Reads every entry of a tar stream.
     *
     * @throws IOException when the stream is not a tar archive, is cut short, or holds too much
     */
    public static MemoryTree ofTar(InputStream in, String what) throws IOException {
        MemoryTree tree = new MemoryTree();
        InputStream bounded = Limits.bounded(in, Limits.MAX_IN_MEMORY_BYTES, what);
        TarArchiveInputStream tar = new TarArchiveInputStream(bounded);
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            String name = entry.getName();
            var hostile = EntryNames.hostility(name);
            if (hostile.isPresent()) {
                tree.skipped.add(name + ": " + hostile.get());
            } else if (entry.isSymbolicLink() || entry.isLink()) {
                tree.skipped.add(name + ": a link");
            } else if (entry.isFile()) {
                tree.files.putIfAbsent(EntryNames.normalize(name), tar.readAllBytes());
            }
        }
        return tree;
    }

    @Override public List<String> names() { return List.copyOf(files.keySet()); }
    @Override public boolean contains(String name) { return files.containsKey(name); }
    @Override public List<String> skipped() { return List.copyOf(skipped); }

    @Override
    public long size(String name) throws IOException {
        return content(name).length;
    }

    @Override
    public InputStream open(String name) throws IOException {
        return new ByteArrayInputStream(content(name));
    }

    private byte[] content(String name) throws IOException {
        byte[] content = files.get(name);
        if (content == null) {
            throw new IOException(name + " is not in the archive");
        }
        return content;
    }

    @Override
    public void close() {
    }
}
