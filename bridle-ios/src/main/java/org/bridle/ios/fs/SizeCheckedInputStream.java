package org.bridle.ios.fs;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes at most {@code limit} bytes through. With an {@code overflow} message, more bytes than that fail the read
 * with it (an archive entry or archive that decompresses to more than it may: a decompression bomb); without one,
 * the stream simply ends there.
 */
final class SizeCheckedInputStream extends FilterInputStream {
    private final long limit;
    private final String overflow;
    private long read;

    /** @param overflow the message of the error when more than {@code limit} bytes come; null to end there */
    SizeCheckedInputStream(InputStream in, long limit, String overflow) {
        super(in);
        this.limit = limit;
        this.overflow = overflow;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (read >= limit) {
            if (overflow != null && super.read() >= 0) {
                throw new IOException(overflow);
            }
            return -1;
        }
        int n = super.read(b, off, (int) Math.min(len, limit - read));
        if (n > 0) {
            read += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, Math.max(0, limit - read)));
        read += skipped;
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(super.available(), limit - read);
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
