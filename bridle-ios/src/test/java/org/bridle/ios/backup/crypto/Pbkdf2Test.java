package org.bridle.ios.backup.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

/** Published PBKDF2 test vectors: RFC 6070 (HMAC-SHA1) and RFC 7914 section 11 (HMAC-SHA256). */
class Pbkdf2Test {
    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String sha1(String password, String salt, int rounds, int length) {
        return HexFormat.of().formatHex(Pbkdf2.derive(Pbkdf2.HMAC_SHA1, ascii(password), ascii(salt), rounds, length));
    }

    @Test
    void rfc6070() {
        assertThat(sha1("password", "salt", 1, 20)).isEqualTo("0c60c80f961f0e71f3a9b524af6012062fe037a6");
        assertThat(sha1("password", "salt", 2, 20)).isEqualTo("ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957");
        assertThat(sha1("password", "salt", 4096, 20)).isEqualTo("4b007901b765489abead49d926f721d065a429c1");
        assertThat(sha1("passwordPASSWORDpassword", "saltSALTsaltSALTsaltSALTsaltSALTsalt", 4096, 25))
                .isEqualTo("3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038");
        assertThat(HexFormat.of().formatHex(Pbkdf2.derive(Pbkdf2.HMAC_SHA1, "pass\0word".getBytes(StandardCharsets.US_ASCII),
                "sa\0lt".getBytes(StandardCharsets.US_ASCII), 4096, 16))).isEqualTo("56fa6aa75548099dcc37d7f03425e0c3");
    }

    @Test
    void rfc7914() {
        assertThat(HexFormat.of().formatHex(Pbkdf2.derive(Pbkdf2.HMAC_SHA256, ascii("passwd"), ascii("salt"), 1, 64)))
                .isEqualTo("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                        + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
        assertThat(HexFormat.of().formatHex(Pbkdf2.derive(Pbkdf2.HMAC_SHA256, ascii("Password"), ascii("NaCl"), 80000, 64)))
                .isEqualTo("4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
                        + "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d");
    }

    @Test
    void agreesWithTheJdkOnAUnicodePassword() throws Exception {
        String password = "pässwörd 密码 🔐";
        byte[] salt = ascii("a salt of twenty byt");
        byte[] jdk = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 1000, 256)).getEncoded();
        assertThat(Pbkdf2.derive(Pbkdf2.HMAC_SHA256, password.getBytes(StandardCharsets.UTF_8), salt, 1000, 32))
                .isEqualTo(jdk);
    }
}
