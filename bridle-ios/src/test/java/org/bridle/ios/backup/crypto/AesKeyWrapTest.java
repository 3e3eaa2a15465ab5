package org.bridle.ios.backup.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The test vectors of RFC 3394 section 4, and a failed integrity check. */
class AesKeyWrapTest {
    private static final HexFormat HEX = HexFormat.of();

    private static String unwrap(String kek, String wrapped) {
        return AesKeyWrap.unwrap(HEX.parseHex(kek), HEX.parseHex(wrapped)).map(HEX::formatHex).orElse("integrity failure");
    }

    @Test
    void rfc3394Vectors() {
        assertThat(unwrap("000102030405060708090a0b0c0d0e0f", "1fa68b0a8112b447aef34bd8fb5a7b829d3e862371d2cfe5"))
                .isEqualTo("00112233445566778899aabbccddeeff");
        assertThat(unwrap("000102030405060708090a0b0c0d0e0f1011121314151617",
                "96778b25ae6ca435f92b5b97c050aed2468ab8a17ad84e5d")).isEqualTo("00112233445566778899aabbccddeeff");
        assertThat(unwrap("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
                "64e8c3f9ce0f5ba263e9777905818a2a93c8191e7d6e8ae7")).isEqualTo("00112233445566778899aabbccddeeff");
        assertThat(unwrap("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
                "28c9f404c4b810f4cbccb35cfb87f8263f5786e2d80ed326cbc7f0e71a99f43bfb988b9b7a02dd21"))
                .isEqualTo("00112233445566778899aabbccddeeff000102030405060708090a0b0c0d0e0f");
    }

    @Test
    void aWrongKeyFailsTheIntegrityCheck() {
        assertThat(unwrap("000102030405060708090a0b0c0d0e0e", "1fa68b0a8112b447aef34bd8fb5a7b829d3e862371d2cfe5"))
                .isEqualTo("integrity failure");
        assertThat(unwrap("000102030405060708090a0b0c0d0e0f", "1fa68b0a8112b447")).isEqualTo("integrity failure");
    }
}
