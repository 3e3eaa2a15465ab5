package org.bridle.ios.fs;

import java.util.List;

/**
 * A dump tree served from the index built in its one indexing pass; subclasses only say how to read a file.
 *
 * @param <H> what the index keeps to find a file's content again (a path, an offset, an archive entry)
 */
abstract class IndexedTree<H> implements DumpTree {
    /** The index of the dump's entries. */
    protected final DumpIndex.Built<H> index;

    IndexedTree(DumpIndex.Built<H> index) {
        this.index = index;
    }

    @Override
    public final List<String> paths() {
        return index.files();
    }

    @Override
    public final List<DumpEntry> entries() {
        return index.entries();
    }

    @Override
    public final List<String> problems() {
        return index.problems();
    }
}
