package org.bridle.android.backup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.InflaterInputStream;
import org.bridle.android.archive.EntryTree;
import org.bridle.android.archive.MemoryTree;
import org.bridle.core.source.InputException;
import org.bridle.core.source.PasswordSource;

/**
 * The {@code adb backup} file format: the lines {@code ANDROID BACKUP}, the version (1 to 5), {@code 1} or
 * {@code 0} for zlib compression and {@code none} or {@code AES-256}, then the payload, a tar archive.
 */
final class AbHeader {
    private static final int MAX_LINE = 4096;

    private AbHeader() {
    }

    /** Reads a whole {@code .ab} stream into a tree of its tar entries. */
    static EntryTree read(InputStream in, String what, PasswordSource passwords) throws InputException {
        try {
            if (!"ANDROID BACKUP".equals(line(in))) {
                throw new InputException(what + " is not an Android backup: it does not start with ANDROID BACKUP.");
            }
            String versionLine = line(in);
            int version = versionLine.matches("[1-5]") ? Integer.parseInt(versionLine) : -1;
            if (version < 0) {
                throw new InputException(what + " is an Android backup of version " + versionLine
                        + ", which bridle does not know (it reads versions 1 to 5).");
            }
            boolean compressed = "1".equals(line(in));
            String encryption = line(in);
            InputStream payload;
            if (encryption.equals("AES-256")) {
                payload = AbCipher.decrypt(in, version, what, passwords);
            } else if (encryption.equals("none")) {
                payload = in;
            } else {
                throw new InputException(what + " uses the encryption " + encryption + ", which bridle cannot read.");
            }
            return MemoryTree.ofTar(compressed ? new InflaterInputStream(payload) : payload, what);
        } catch (IOException e) {
            throw new InputException(what + " cannot be read: it is cut short or damaged (" + e.getMessage() + ").",
                    e);
        }
    }

    /** One header line, without its newline. */
    static String line(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("the header ends early");
            }
            if (out.size() >= MAX_LINE) {
                throw new IOException("a header line is too long");
            }
            out.write(b);
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
