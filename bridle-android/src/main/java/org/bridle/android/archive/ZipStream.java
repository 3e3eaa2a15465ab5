package org.bridle.android.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

/**
 * A zip read once from a stream, entry by entry, never extracted: for an archive that is itself a file inside the
 * evidence (an intrusion-log zip in an AndroidQF folder). Directory entries are passed over; entries that are
 * links, or whose names are absolute or climb out with {@code ..}, are skipped and reported; each entry's content
 * is bounded by {@link Limits#MAX_IN_MEMORY_BYTES}, as such entries are small files read whole or line by line.
 */
public final class ZipStream {
    private ZipStream() {
    }

    /** Receives one safe entry; the stream is the entry's content, valid until {@code accept} returns. */
    @FunctionalInterface
    public interface EntryVisitor {
        void accept(String name, InputStream content) throws IOException;
    }

    /**
     * Reads every entry of the zip in {@code in} (which the caller closes).
     *
     * @param origin where the zip is, to name its entries in sentences ({@code origin!entry})
     * @param skipped receives each hostile entry, as {@code origin!name: reason}
     * @throws IOException when the stream is not a zip, is truncated, or an entry passes the bound
     */
    public static void forEach(InputStream in, String origin, EntryVisitor visitor, Consumer<String> skipped)
            throws IOException {
        ZipArchiveInputStream zip = new ZipArchiveInputStream(in);
        boolean any = false;
        for (ZipArchiveEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            any = true;
            String name = entry.getName();
            var hostile = EntryNames.hostility(name);
            if (hostile.isPresent() || entry.isUnixSymlink()) {
                skipped.accept(origin + "!" + name + ": " + hostile.orElse("a symbolic link"));
            } else if (!entry.isDirectory()) {
                if (!zip.canReadEntryData(entry)) {
                    throw new IOException(origin + "!" + name
                            + " uses a zip feature bridle cannot read (encryption or an unknown method)");
                }
                visitor.accept(EntryNames.normalize(name), unclosable(
                        Limits.bounded(zip, Limits.MAX_IN_MEMORY_BYTES, origin + "!" + name)));
            }
        }
        if (!any) {
            throw new IOException(origin + " is not a zip archive, or holds no entry");
        }
    }

    private static InputStream unclosable(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public void close() {
                // the zip stream goes on to the next entry
            }
        };
    }
}
