package org.bridle.ios.backup.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import org.bridle.testkit.ios.BackupEncryption;
import org.junit.jupiter.api.Test;

/** Streamed AES-256-CBC decryption, cut at the recorded size or at the padding, across chunk boundaries. */
class CbcDecryptionTest {
    private static final byte[] KEY = new byte[32];

    static {
        Arrays.fill(KEY, (byte) 7);
    }

    private static byte[] decrypt(byte[] ciphertext, long size) throws IOException {
        try (InputStream in = new CbcDecryption(new ByteArrayInputStream(ciphertext), KEY, size)) {
            return in.readAllBytes();
        }
    }

    @Test
    void decryptsContentOfEverySizeAroundBlocksAndChunks() throws IOException {
        Random random = new Random(1);
        for (int length : new int[] {0, 1, 15, 16, 17, 65_535, 65_536, 65_537, 200_000}) {
            byte[] content = new byte[length];
            random.nextBytes(content);
            byte[] ciphertext = BackupEncryption.encrypt(KEY, content);
            assertThat(decrypt(ciphertext, length)).as("cut at the size, %d bytes", length).isEqualTo(content);
            assertThat(decrypt(ciphertext, -1)).as("cut at the padding, %d bytes", length).isEqualTo(content);
        }
    }

    @Test
    void aCutOffContentIsAnError() {
        byte[] ciphertext = BackupEncryption.encrypt(KEY, new byte[100]);
        assertThatThrownBy(() -> decrypt(Arrays.copyOf(ciphertext, 100), -1))
                .isInstanceOf(IOException.class).hasMessageStartingWith("the encrypted content is cut off or damaged");
        assertThatThrownBy(() -> CbcDecryption.decryptAll(Arrays.copyOf(ciphertext, 100), KEY))
                .isInstanceOf(IOException.class).hasMessageContaining("not a whole number of AES blocks");
    }
}
