package org.bridle.android.abx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bridle.testkit.android.AbxWriter;
import org.junit.jupiter.api.Test;

class AbxReaderTest {
    @Test
    void readsEveryAttributeTypeTextAndInternedNames() throws Exception {
        byte[] abx = new AbxWriter().start("keyStore").attribute("version", 2, false)
                .comment("not kept")
                .start("adbKey").attribute("key", "QUFB user@host").attribute("lastConnection", 1700000000000L, false)
                .end("adbKey")
                .start("adbKey").attributeInterned("key", "QkJC").attribute("flags", 255, true)
                .attribute("id", 4096L, true).attribute("ratio", 0.5f).attribute("weight", 0.25d)
                .attribute("trusted", true).attribute("revoked", false)
                .attribute("hex", new byte[] {1, (byte) 0xab}, false)
                .attribute("b64", "hi".getBytes(StandardCharsets.UTF_8), true).attributeNull("gone")
                .text("some ").text("text").end("adbKey")
                .end("keyStore").bytes();
        AbxElement root = AbxReader.read(abx, 0);
        assertThat(root.name()).isEqualTo("keyStore");
        assertThat(root.attributes()).containsExactly(java.util.Map.entry("version", "2"));
        assertThat(root.descendants("adbKey")).hasSize(2);
        AbxElement first = root.children().get(0);
        assertThat(first.attribute("key")).contains("QUFB user@host");
        assertThat(first.attribute("lastConnection")).contains("1700000000000");
        AbxElement second = root.children().get(1);
        assertThat(second.attributes()).containsExactly(java.util.Map.entry("key", "QkJC"),
                java.util.Map.entry("flags", "ff"), java.util.Map.entry("id", "1000"),
                java.util.Map.entry("ratio", "0.5"), java.util.Map.entry("weight", "0.25"),
                java.util.Map.entry("trusted", "true"), java.util.Map.entry("revoked", "false"),
                java.util.Map.entry("hex", "01ab"), java.util.Map.entry("b64", "aGk="));
        assertThat(second.text()).isEqualTo("some text");
        assertThat(root.text()).isEmpty();
    }

    @Test
    void readsADocumentEmbeddedInOtherBytesAndIgnoresWhatFollows() throws Exception {
        byte[] abx = new AbxWriter().start("a").end("a").bytes();
        byte[] dump = new byte[abx.length + 10];
        System.arraycopy("keystore=".getBytes(StandardCharsets.US_ASCII), 0, dump, 0, 9);
        System.arraycopy(abx, 0, dump, 9, abx.length);
        dump[dump.length - 1] = '\n';
        assertThat(AbxReader.isAbx(dump, 9)).isTrue();
        assertThat(AbxReader.isAbx(dump, 0)).isFalse();
        assertThat(AbxReader.read(dump, 9).name()).isEqualTo("a");
    }

    @Test
    void malformedDocumentsAreOneClearSentence() {
        byte[] whole = new AbxWriter().start("a").attribute("k", "value").end("a").bytes();
        assertThatThrownBy(() -> AbxReader.read(Arrays.copyOf(whole, whole.length - 4), 0))
                .isInstanceOf(AbxFormatException.class).hasMessageContaining("cut short");
        assertThatThrownBy(() -> AbxReader.read("<?xml version='1.0'?>".getBytes(StandardCharsets.UTF_8), 0))
                .isInstanceOf(AbxFormatException.class).hasMessageContaining("magic");
        assertThatThrownBy(() -> AbxReader.read(new AbxWriter().start("a").end("b").bytes(), 0))
                .hasMessageContaining("closes <b> out of order");
        assertThatThrownBy(() -> AbxReader.read(new AbxWriter().start("a").bytes(), 0))
                .hasMessageContaining("ends inside <a>");
        assertThatThrownBy(() -> AbxReader.read(new AbxWriter().start("a").raw(0x0c).end("a").bytes(), 0))
                .hasMessageContaining("unknown token 0xc");
        assertThatThrownBy(() -> AbxReader.read(new AbxWriter().start("a").raw(0xe4).end("a").bytes(), 0))
                .hasMessageContaining("unknown data type 14");
        assertThatThrownBy(() -> AbxReader.read(new AbxWriter().bytes(), 0)).hasMessageContaining("no element");
    }

    @Test
    void nestingIsBounded() {
        AbxWriter deep = new AbxWriter();
        for (int i = 0; i <= AbxReader.MAX_DEPTH; i++) {
            deep.start("d");
        }
        assertThatThrownBy(() -> AbxReader.read(deep.bytes(), 0)).isInstanceOf(AbxFormatException.class)
                .hasMessageContaining("deeper than " + AbxReader.MAX_DEPTH);
    }
}
