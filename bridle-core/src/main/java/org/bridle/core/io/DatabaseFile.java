package org.bridle.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An SQLite database file opened for reading its pages, never for writing: the header's facts (page size, reserved
 * bytes, text encoding) and positional reads of whole pages. Pages are counted from 1, as SQLite counts them; the
 * file's size bounds them (a trailing partial page is not one). Format: https://www.sqlite.org/fileformat2.html.
 */
final class DatabaseFile implements AutoCloseable {
    static final int UTF8 = 1;
    static final int UTF16LE = 2;
    static final int UTF16BE = 3;
    private static final int HEADER = 100;

    private final FileChannel channel;
    private final long size;
    final int pageSize;
    /** The usable size of a page: its size less the bytes reserved at its end. */
    final int usable;
    /** 1 UTF-8, 2 UTF-16le, 3 UTF-16be. */
    final int encoding;
    final long pageCount;

    private DatabaseFile(FileChannel channel, long size, int pageSize, int usable, int encoding) {
        this.channel = channel;
        this.size = size;
        this.pageSize = pageSize;
        this.usable = usable;
        this.encoding = encoding;
        this.pageCount = size / pageSize;
    }

    /**
     * Opens a database file read-only and reads its header.
     *
     * @throws EvidenceFormatException when the header is not one of a readable SQLite database
     */
    static DatabaseFile open(Path path) throws IOException, EvidenceFormatException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            long size = channel.size();
            byte[] header = new byte[HEADER];
            if (size < HEADER || read(channel, 0, header, HEADER) < HEADER) {
                throw SqliteDamage.damage("the file is shorter than its header");
            }
            int rawPageSize = ((header[16] & 0xff) << 8) | (header[17] & 0xff);
            int pageSize = rawPageSize == 1 ? 65536 : rawPageSize;
            if (pageSize < 512 || pageSize > 65536 || Integer.bitCount(pageSize) != 1) {
                throw SqliteDamage.damage("page size " + rawPageSize);
            }
            int usable = pageSize - (header[20] & 0xff);
            if (usable < 480) {
                throw SqliteDamage.damage("usable page size " + usable);
            }
            int encoding = readInt(header, 56);
            if (encoding < UTF8 || encoding > UTF16BE) {
                throw SqliteDamage.damage("text encoding " + encoding);
            }
            return new DatabaseFile(channel, size, pageSize, usable, encoding);
        } catch (IOException | EvidenceFormatException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The file's size in bytes. */
    long size() {
        return size;
    }

    /**
     * Reads page {@code page} into {@code into} (at least {@link #pageSize} long).
     *
     * @throws EvidenceFormatException when the page is not in the file
     */
    void readPage(long page, byte[] into) throws IOException, EvidenceFormatException {
        if (page < 1 || page > pageCount) {
            throw SqliteDamage.damage("page " + page + " is outside the file's " + pageCount + " pages");
        }
        if (read(channel, (page - 1) * pageSize, into, pageSize) < pageSize) {
            throw SqliteDamage.damage("page " + page + " cannot be read whole");
        }
    }

    private static int read(FileChannel channel, long position, byte[] into, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(into, 0, length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                break;
            }
        }
        return buffer.position();
    }

    /** The big-endian 4-byte unsigned number at {@code at}, as an int (callers treat it as unsigned). */
    static int readInt(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
