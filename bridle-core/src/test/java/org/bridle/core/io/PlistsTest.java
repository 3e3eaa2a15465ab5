package org.bridle.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.bridle.testkit.PlistFixture;
import org.junit.jupiter.api.Test;

class PlistsTest {
    @Test
    void readsBinaryAndXml() throws Exception {
        assertThat(PlistValues.toJava(Plists.parseDictionary(PlistFixture.binary(Map.of("k", "v")))))
                .isEqualTo(Map.of("k", "v"));
        assertThat(PlistValues.toJava(Plists.parseDictionary(PlistFixture.xml(Map.of("n", 3L)))))
                .isEqualTo(Map.of("n", 3L));
    }

    @Test
    void everyMalformedInputIsOneCheckedException() {
        byte[] binary = PlistFixture.binary(Map.of("key", "value", "other", 12L));
        for (byte[] bad : new byte[][] {
            "<plist><dict><key>unclosed".getBytes(StandardCharsets.UTF_8),
            Arrays.copyOf(binary, binary.length / 2),
            "bplist00garbage".getBytes(StandardCharsets.UTF_8),
            new byte[0],
            "{ unbalanced = ( ".getBytes(StandardCharsets.UTF_8)}) {
            assertThatThrownBy(() -> Plists.parse(bad)).isInstanceOf(EvidenceFormatException.class);
        }
        assertThatThrownBy(() -> Plists.parseDictionary(PlistFixture.binary(java.util.List.of(1L))))
                .isInstanceOf(EvidenceFormatException.class).hasMessageContaining("not a dictionary");
    }

    @Test
    void externalEntitiesAreNeverResolved() throws Exception {
        String hostile = "<?xml version=\"1.0\"?><!DOCTYPE plist [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
                + "<plist version=\"1.0\"><dict><key>k</key><string>&x;</string></dict></plist>";
        assertThat(Plists.parseMap(hostile.getBytes(StandardCharsets.UTF_8))).isEqualTo(Map.of("k", ""));
    }
}
