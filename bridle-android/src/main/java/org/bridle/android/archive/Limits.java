package org.bridle.android.archive;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** The bounds that keep a hostile archive (a zip bomb) from exhausting memory or time. */
public final class Limits {
    /** The most bytes one archive entry may decompress to. */
    public static final long MAX_ENTRY_BYTES = 4L << 30;
    /** The most bytes bridle holds in memory for one file or one nested archive. */
    public static final int MAX_IN_MEMORY_BYTES = 256 << 20;

    private Limits() {
    }

    /** Wraps a stream so that reading more than {@code max} bytes fails with a sentence naming {@code what}. */
    public static InputStream bounded(InputStream in, long max, String what) {
        return new FilterInputStream(in) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            private void count(long n) throws IOException {
                read += n;
                if (read > max) {
                    throw tooLarge(what, max);
                }
            }
        };
    }

    /** The failure of content larger than {@code max} bytes. */
    static TooLargeException tooLarge(String what, long max) {
        return new TooLargeException(what + " decompresses to more than " + (max >> 20)
                + " MiB, more than any real evidence holds (a zip bomb?)");
    }

    /** Reads a whole stream, failing once it passes {@code max} bytes. */
    public static byte[] readBounded(InputStream in, int max, String what) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        bounded(in, max, what).transferTo(out);
        return out.toByteArray();
    }

    /** Content larger than a bound. */
    public static final class TooLargeException extends IOException {
        TooLargeException(String message) {
            super(message);
        }
    }
}
