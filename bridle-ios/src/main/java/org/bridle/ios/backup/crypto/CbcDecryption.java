package org.bridle.ios.backup.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-CBC with a zero initial value, as backups encrypt Manifest.db and every file, decrypted as a stream: the
 * plaintext is cut at the size the backup records for the file or, without one, at its PKCS#7 padding.
 */
public final class CbcDecryption extends InputStream {
    private static final int CHUNK = 1 << 16;

    private final InputStream ciphertext;
    private final Cipher cipher;
    private final byte[] in = new byte[CHUNK];
    private byte[] out = new byte[0];
    private int outPos;
    private long remaining;
    private boolean finished;

    /**
     * @param ciphertext the encrypted content; closed with this stream
     * @param key the 32-byte file key
     * @param size the plaintext size, or -1 to strip the PKCS#7 padding instead
     */
    public CbcDecryption(InputStream ciphertext, byte[] key, long size) {
        this.ciphertext = ciphertext;
        this.remaining = size < 0 ? Long.MAX_VALUE : size;
        this.cipher = cipher(key, size < 0 ? "AES/CBC/PKCS5Padding" : "AES/CBC/NoPadding");
    }

    /** Decrypts a whole content without removing any padding (for Manifest.db, cut by its page size). */
    public static byte[] decryptAll(byte[] ciphertext, byte[] key) throws IOException {
        if (ciphertext.length % 16 != 0) {
            throw new IOException("its length, " + ciphertext.length + " bytes, is not a whole number of AES blocks");
        }
        try {
            return cipher(key, "AES/CBC/NoPadding").doFinal(ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IOException("it cannot be decrypted (" + e.getMessage() + ")", e);
        }
    }

    private static Cipher cipher(byte[] key, String transformation) {
        try {
            Cipher cipher = Cipher.getInstance(transformation);
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an AES key: " + key.length + " bytes", e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (remaining == 0) {
            return -1;
        }
        while (outPos >= out.length) {
            if (finished) {
                return -1;
            }
            fill();
        }
        int n = (int) Math.min(Math.min(len, out.length - outPos), remaining);
        System.arraycopy(out, outPos, b, off, n);
        outPos += n;
        remaining -= n;
        return n;
    }

    private void fill() throws IOException {
        int n = ciphertext.readNBytes(in, 0, CHUNK);
        try {
            byte[] plain = n > 0 ? cipher.update(in, 0, n) : null;
            if (n < CHUNK) {
                finished = true;
                byte[] last = cipher.doFinal();
                plain = plain == null ? last : concat(plain, last);
            }
            out = plain == null ? new byte[0] : plain;
            outPos = 0;
        } catch (GeneralSecurityException e) {
            throw new IOException("the encrypted content is cut off or damaged (" + e.getMessage() + ")", e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Override
    public void close() throws IOException {
        ciphertext.close();
    }
}
