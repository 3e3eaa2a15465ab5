package org.bridle.ios.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bridle.core.io.EvidenceFormatException;
import org.bridle.testkit.ios.SmsDatabase;
import org.junit.jupiter.api.Test;

class TypedStreamTextTest {

    @Test
    void readsShortAndLongStrings() throws Exception {
        String longText = "x".repeat(40_000);
        assertThat(TypedStreamText.decode(SmsDatabase.attributedBody(""))).isEmpty();
        assertThat(TypedStreamText.decode(SmsDatabase.attributedBody("Hello"))).isEqualTo("Hello");
        assertThat(TypedStreamText.decode(SmsDatabase.attributedBody(longText))).isEqualTo(longText);
    }

    @Test
    void everyTruncationIsAFormatError() {
        byte[] blob = SmsDatabase.attributedBody("Hello, world");
        int stringEnd = latin1(blob).indexOf("Hello, world") + "Hello, world".length();
        for (int length = 0; length < stringEnd; length++) {
            byte[] truncated = Arrays.copyOf(blob, length);
            assertThatThrownBy(() -> TypedStreamText.decode(truncated)).isInstanceOf(EvidenceFormatException.class);
        }
    }

    @Test
    void refusesArchivesOfOtherObjects() {
        byte[] blob = SmsDatabase.attributedBody("Hello");
        byte[] renamed = latin1(blob).replace("NSAttributedString", "NSMutableDictionar")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> TypedStreamText.decode(renamed)).isInstanceOf(EvidenceFormatException.class)
                .hasMessageContaining("not an attributed string");
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
