package org.bridle.ios.backup.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bridle.testkit.ios.BackupEncryption;
import org.junit.jupiter.api.Test;

/** The keybag is untrusted input: malformed records and unbounded iteration counts are refused with a reason. */
class KeyBagTest {
    private static final byte[] PASSWORD = "correct horse".getBytes(StandardCharsets.UTF_8);

    /** Writes keybag records: tag, then a 4-byte value for an Integer or the bytes as they are. */
    private static byte[] records(Object... tagsAndValues) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < tagsAndValues.length; i += 2) {
            byte[] value = tagsAndValues[i + 1] instanceof Integer n
                    ? new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) (int) n}
                    : (byte[]) tagsAndValues[i + 1];
            out.writeBytes(((String) tagsAndValues[i]).getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(new byte[] {(byte) (value.length >>> 24), (byte) (value.length >>> 16),
                (byte) (value.length >>> 8), (byte) value.length});
            out.writeBytes(value);
        }
        return out.toByteArray();
    }

    private static Object[] header(int iter, int dpic) {
        return new Object[] {"VERS", 3, "UUID", new byte[16], "SALT", new byte[20], "ITER", iter, "DPIC", dpic,
            "DPSL", new byte[20]};
    }

    private static byte[] withOneClass(Object[] header) {
        Object[] all = Arrays.copyOf(header, header.length + 10);
        System.arraycopy(new Object[] {"UUID", new byte[16], "CLAS", 3, "WRAP", 2, "KTYP", 0, "WPKY", new byte[40]},
                0, all, header.length, 10);
        return records(all);
    }

    @Test
    void readsTheTestKitKeyBagAndUnlocksItWithThePassword() throws Exception {
        KeyBag bag = KeyBag.parse(BackupEncryption.password("correct horse").keyBag());
        assertThat(bag.rounds()).isEqualTo(10);
        assertThat(bag.dataProtectionRounds()).isEqualTo(1000);
        assertThat(bag.classKeys()).hasSize(11);
        assertThat(bag.unlock(PASSWORD).classes()).hasSize(11);
        assertThatThrownBy(() -> bag.unlock("Correct horse".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(WrongPasswordException.class).hasMessage("the password is wrong");
    }

    @Test
    void aTruncatedKeyBagIsMalformed() {
        byte[] bag = BackupEncryption.password("x").keyBag();
        assertThatThrownBy(() -> KeyBag.parse(Arrays.copyOf(bag, bag.length - 7)))
                .isInstanceOf(KeyBagException.class).hasMessageContaining("WPKY").hasMessageContaining("but only");
        assertThatThrownBy(() -> KeyBag.parse(Arrays.copyOf(bag, 5)))
                .isInstanceOf(KeyBagException.class).hasMessage("it ends inside a record header at byte 0");
    }

    @Test
    void iterationCountsAreBounded() {
        assertThatThrownBy(() -> KeyBag.parse(withOneClass(header(10_000, KeyBag.MAX_ROUNDS + 1))))
                .isInstanceOf(KeyBagException.class).hasMessageContaining("DPIC asks for 50000001 iterations");
        assertThatThrownBy(() -> KeyBag.parse(withOneClass(header(-1, 10_000_000))))
                .isInstanceOf(KeyBagException.class).hasMessageContaining("ITER asks for 4294967295 iterations");
        assertThatThrownBy(() -> KeyBag.parse(withOneClass(header(0, 10_000_000))))
                .isInstanceOf(KeyBagException.class).hasMessageContaining("ITER asks for 0 iterations");
    }

    @Test
    void malformedRecordsAreRefusedWithAReason() {
        assertThatThrownBy(() -> KeyBag.parse(records(header(10, 10))))
                .isInstanceOf(KeyBagException.class).hasMessage("it holds no class keys");
        assertThatThrownBy(() -> KeyBag.parse(records("UUID", new byte[16], "ITER", 10, "UUID", new byte[16])))
                .isInstanceOf(KeyBagException.class).hasMessage("it lacks the SALT record");
        assertThatThrownBy(() -> KeyBag.parse(records("UUID", new byte[16], "SALT", new byte[20], "ITER", 10,
                "DPIC", 10, "UUID", new byte[16], "CLAS", 1, "WRAP", 2, "WPKY", new byte[40])))
                .isInstanceOf(KeyBagException.class).hasMessage("it has only one of DPSL and DPIC");
        Object[] shortKey = header(10, 10);
        byte[] bag = records(shortKey);
        byte[] classPart = records("UUID", new byte[16], "CLAS", 3, "WRAP", 2, "WPKY", new byte[39]);
        byte[] all = Arrays.copyOf(bag, bag.length + classPart.length);
        System.arraycopy(classPart, 0, all, bag.length, classPart.length);
        assertThatThrownBy(() -> KeyBag.parse(all))
                .isInstanceOf(KeyBagException.class).hasMessage("the wrapped key of class 3 has 39 bytes, not 40");
        byte[] garbage = "\0\0\0\0\0\0\0\0".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> KeyBag.parse(garbage))
                .isInstanceOf(KeyBagException.class).hasMessage("the record at byte 0 has no four-letter tag");
    }

    @Test
    void beforeIos102OnlyTheSha1RoundRuns() throws Exception {
        byte[] salt = "twenty bytes of salt".getBytes(StandardCharsets.US_ASCII);
        KeyBag bag = KeyBag.parse(records("UUID", new byte[16], "SALT", salt, "ITER", 10,
                "UUID", new byte[16], "CLAS", 1, "WRAP", 2, "KTYP", 0, "WPKY", new byte[40]));
        assertThat(bag.dataProtectionSalt()).isNull();
        assertThat(bag.passwordKey(PASSWORD)).isEqualTo(Pbkdf2.derive(Pbkdf2.HMAC_SHA1, PASSWORD, salt, 10, 32));
    }
}
