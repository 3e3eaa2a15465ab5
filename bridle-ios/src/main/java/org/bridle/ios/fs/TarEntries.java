package org.bridle.ios.fs;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/** How a tar entry enters a {@link DumpIndex}, for both the seekable and the compressed tar. */
final class TarEntries {
    private TarEntries() {
    }

    static <H> void add(DumpIndex<H> index, TarArchiveEntry e, H handle) {
        String name = e.getName();
        if (e.isDirectory()) {
            index.add(name, DumpEntry.Type.FOLDER, 0, e.getLastModifiedTime().toInstant(), null, handle);
        } else if (e.isLink()) {
            index.addHardLink(name, e.getLastModifiedTime().toInstant(), e.getLinkName(), handle);
        } else if (e.isSymbolicLink()) {
            index.add(name, DumpEntry.Type.LINK, 0, e.getLastModifiedTime().toInstant(), e.getLinkName(), handle);
        } else if (e.isFile() && !e.isSparse()) {
            index.add(name, DumpEntry.Type.FILE, e.getRealSize(), e.getLastModifiedTime().toInstant(), null, handle);
        } else {
            index.problem("Left out \"" + name + "\": not a regular file, folder or link"
                    + (e.isSparse() ? " (a sparse file)" : ""));
        }
    }
}
