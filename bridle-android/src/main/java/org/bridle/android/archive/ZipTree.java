package org.bridle.android.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/** A zip archive, on disk or in memory, read in place: entries are decompressed as they are read, never extracted. */
public final class ZipTree implements EntryTree {
    private final ZipFile zip;
    private final Map<String, ZipArchiveEntry> entries = new TreeMap<>();
    private final List<String> skipped = new ArrayList<>();

    private ZipTree(ZipFile zip) {
        this.zip = zip;
        for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
            String name = entry.getName();
            if (entry.isDirectory()) {
                continue;
            }
            var hostile = EntryNames.hostility(name);
            if (hostile.isPresent()) {
                skipped.add(name + ": " + hostile.get());
            } else if (entry.isUnixSymlink()) {
                skipped.add(name + ": a symbolic link");
            } else {
                entries.putIfAbsent(EntryNames.normalize(name), entry);
            }
        }
    }

    /**
     * Opens a zip file.
     *
     * @throws IOException when it is not a zip archive or its central directory cannot be read (truncated)
     */
    public static ZipTree open(Path file) throws IOException {
        return new ZipTree(ZipFile.builder().setPath(file).get());
    }

    /** Opens a zip archive held in memory (one nested in another container). */
    public static ZipTree open(byte[] content) throws IOException {
        SeekableByteChannel channel = new SeekableInMemoryByteChannel(content);
        return new ZipTree(ZipFile.builder().setSeekableByteChannel(channel).get());
    }

    @Override public List<String> names() { return List.copyOf(entries.keySet()); }
    @Override public boolean contains(String name) { return entries.containsKey(name); }
    @Override public List<String> skipped() { return List.copyOf(skipped); }

    @Override
    public long size(String name) throws IOException {
        return entry(name).getSize();
    }

    @Override
    public InputStream open(String name) throws IOException {
        ZipArchiveEntry entry = entry(name);
        if (!zip.canReadEntryData(entry)) {
            throw new IOException(name + " uses a zip feature bridle cannot read (encryption or an unknown method)");
        }
        return Limits.bounded(zip.getInputStream(entry), Limits.MAX_ENTRY_BYTES, name);
    }

    private ZipArchiveEntry entry(String name) throws IOException {
        ZipArchiveEntry entry = entries.get(name);
        if (entry == null) {
            throw new IOException(name + " is not in the archive");
        }
        return entry;
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            // only read from: nothing to lose
        }
    }
}
