package org.bridle.core.io;

import java.io.IOException;
import java.util.BitSet;

/**
 * Walks a table b-tree of a {@link DatabaseFile} from its root page and hands each row's rowid and record (its whole
 * payload, overflow pages joined) in b-tree order, which is rowid order.
 *
 * <p>The file may be crafted: every page number, cell pointer, cell, payload size and overflow chain is checked
 * against the file and the page before it is used, a page met twice (in the tree or in an overflow chain) or a tree
 * deeper than {@link #MAX_DEPTH} is damage, and no allocation is larger than the file. Damage raises
 * {@link EvidenceFormatException}; no other exception comes from the bytes.
 */
final class TableBTree {
    /** SQLite's own bound on the depth of a b-tree. */
    static final int MAX_DEPTH = 20;
    private static final int INTERIOR_TABLE = 0x05;
    private static final int LEAF_TABLE = 0x0D;

    /** Receives the rows of a table. */
    interface RowConsumer {
        /** One row: its rowid and its record, {@code length} bytes of {@code payload} from {@code offset}. */
        void row(long rowid, byte[] payload, int offset, int length) throws Exception;
    }

    private final DatabaseFile file;
    private final int usable;
    private final BitSet seen = new BitSet();
    private final byte[][] pages;
    private final int[] cellIndex = new int[MAX_DEPTH];
    /** Where each level's b-tree page header starts: 100 on page 1 (after the database header), else 0. */
    private final int[] headers = new int[MAX_DEPTH];
    private byte[] overflowPage;
    private byte[] payload = new byte[0];
    private final Varint varint = new Varint();

    private TableBTree(DatabaseFile file) {
        this.file = file;
        this.usable = file.usable;
        this.pages = new byte[MAX_DEPTH][];
    }

    /** Hands every row of the table whose root page is {@code root} to {@code consumer}, in rowid order. */
    static void scan(DatabaseFile file, long root, RowConsumer consumer) throws Exception {
        new TableBTree(file).walk(root, consumer);
    }

    private void walk(long root, RowConsumer consumer) throws Exception {
        int depth = 0;
        visit(root, depth++);
        while (depth > 0) {
            byte[] page = pages[depth - 1];
            int header = headers[depth - 1];
            int count = cellCount(page, header);
            if ((page[header] & 0xff) == LEAF_TABLE) {
                for (int i = 0; i < count; i++) {
                    leafCell(page, cellOffset(page, header, 8, i), consumer);
                }
                depth--;
                continue;
            }
            int i = cellIndex[depth - 1]++;
            long child;
            if (i < count) {
                int cell = cellOffset(page, header, 12, i);
                if (cell + 4 > usable) {
                    throw SqliteDamage.damage("a cell runs past its page");
                }
                child = DatabaseFile.readInt(page, cell) & 0xffffffffL;
            } else if (i == count) {
                child = DatabaseFile.readInt(page, header + 8) & 0xffffffffL;
            } else {
                depth--;
                continue;
            }
            if (depth == MAX_DEPTH) {
                throw SqliteDamage.damage("a table b-tree deeper than " + MAX_DEPTH);
            }
            visit(child, depth++);
        }
    }

    /** Reads a b-tree page into level {@code depth} and checks its header. */
    private void visit(long page, int depth) throws IOException, EvidenceFormatException {
        markSeen(page);
        if (pages[depth] == null) {
            pages[depth] = new byte[file.pageSize];
        }
        byte[] bytes = pages[depth];
        file.readPage(page, bytes);
        cellIndex[depth] = 0;
        int header = page == 1 ? 100 : 0;
        headers[depth] = header;
        int type = bytes[header] & 0xff;
        if (type != LEAF_TABLE && type != INTERIOR_TABLE) {
            throw SqliteDamage.damage("page " + page + " is not a table b-tree page (type " + type + ")");
        }
        int headerSize = type == LEAF_TABLE ? 8 : 12;
        if (header + headerSize + 2 * cellCount(bytes, header) > usable) {
            throw SqliteDamage.damage("page " + page + " has more cells than fit in it");
        }
    }

    private void markSeen(long page) throws EvidenceFormatException {
        if (page < 1 || page > file.pageCount) {
            throw SqliteDamage.damage("page " + page + " is outside the file's " + file.pageCount + " pages");
        }
        if (seen.get((int) page)) {
            throw SqliteDamage.damage("page " + page + " is used twice");
        }
        seen.set((int) page);
    }


    private static int cellCount(byte[] page, int header) {
        return ((page[header + 3] & 0xff) << 8) | (page[header + 4] & 0xff);
    }

    private int cellOffset(byte[] page, int header, int headerSize, int i) throws EvidenceFormatException {
        int at = header + headerSize + 2 * i;
        int cell = ((page[at] & 0xff) << 8) | (page[at + 1] & 0xff);
        if (cell < header + headerSize || cell >= usable) {
            throw SqliteDamage.damage("a cell pointer points outside its page");
        }
        return cell;
    }

    /** Reads a leaf cell at {@code cell}: payload size, rowid, local payload, then the overflow chain. */
    private void leafCell(byte[] page, int cell, RowConsumer consumer) throws Exception {
        long size = varint.read(page, cell, usable, "its page");
        long rowid = varint.read(page, varint.end(), usable, "its page");
        int local = varint.end();
        if (size < 0 || size > file.size() || size > Integer.MAX_VALUE - 16) {
            throw SqliteDamage.damage("a payload of " + Long.toUnsignedString(size) + " bytes");
        }
        int p = (int) size;
        int maxLocal = usable - 35;
        if (p <= maxLocal) {
            if (local + p > usable) {
                throw SqliteDamage.damage("a cell runs past its page");
            }
            consumer.row(rowid, page, local, p);
            return;
        }
        int minLocal = ((usable - 12) * 32 / 255) - 23;
        int k = minLocal + ((p - minLocal) % (usable - 4));
        int inPage = k <= maxLocal ? k : minLocal;
        if (local + inPage + 4 > usable) {
            throw SqliteDamage.damage("a cell runs past its page");
        }
        if (payload.length < p) {
            payload = new byte[p];
        }
        System.arraycopy(page, local, payload, 0, inPage);
        long next = DatabaseFile.readInt(page, local + inPage) & 0xffffffffL;
        int filled = inPage;
        if (overflowPage == null) {
            overflowPage = new byte[file.pageSize];
        }
        while (filled < p) {
            if (next == 0) {
                throw SqliteDamage.damage("an overflow chain ends early");
            }
            markSeen(next);
            file.readPage(next, overflowPage);
            int n = Math.min(p - filled, usable - 4);
            System.arraycopy(overflowPage, 4, payload, filled, n);
            filled += n;
            next = DatabaseFile.readInt(overflowPage, 0) & 0xffffffffL;
        }
        consumer.row(rowid, payload, 0, p);
    }
}
