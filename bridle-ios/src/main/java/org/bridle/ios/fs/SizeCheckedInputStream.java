package org.bridle.ios.fs;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes at most {@code limit} bytes through; when {@code strict}, more bytes than that fail the read with a clear
 * message (an archive entry that decompresses to more than it declared: a decompression bomb), else the stream
 * simply ends there.
 */
final class SizeCheckedInputStream extends FilterInputStream {
    private final long limit;
    private final boolean strict;
    private final String what;
    private long read;

    SizeCheckedInputStream(InputStream in, long limit, boolean strict, String what) {
        super(in);
        this.limit = limit;
        this.strict = strict;
        this.what = what;
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
            if (strict && super.read() >= 0) {
                throw new IOException(what + " holds more than the " + limit + " bytes it declares");
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
