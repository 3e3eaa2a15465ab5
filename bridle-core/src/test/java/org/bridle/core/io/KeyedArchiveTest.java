package org.bridle.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bridle.testkit.PlistFixture;
import org.junit.jupiter.api.Test;

class KeyedArchiveTest {
    @Test
    void decodesAnArchivedObjectWithStringsDataAndNumbers() throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("RelativePath", "Library/SMS/sms.db");
        fields.put("Size", 28672L);
        fields.put("EncryptionKey", "key".getBytes(StandardCharsets.UTF_8));
        byte[] archive = PlistFixture.keyedArchive("MBFile", fields);

        @SuppressWarnings("unchecked")
        Map<String, Object> decoded = (Map<String, Object>) KeyedArchive.decode(archive);

        assertThat(decoded).containsEntry("$classname", "MBFile")
                .containsEntry("RelativePath", "Library/SMS/sms.db")
                .containsEntry("Size", 28672L);
        assertThat((byte[]) decoded.get("EncryptionKey")).isEqualTo("key".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void refusesWhatIsNotAnArchive() {
        assertThatThrownBy(() -> KeyedArchive.decode(PlistFixture.binary(Map.of("a", 1))))
                .isInstanceOf(EvidenceFormatException.class).hasMessageContaining("not an NSKeyedArchiver");
        assertThatThrownBy(() -> KeyedArchive.decode("garbage".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EvidenceFormatException.class);
    }

    @Test
    void refusesBrokenAndCyclicReferences() {
        Map<String, Object> cyclic = Map.of(
                "$archiver", "NSKeyedArchiver",
                "$top", Map.of("root", new com.dd.plist.UID("r", new byte[] {1})),
                "$objects", List.of("$null", Map.of("self", new com.dd.plist.UID("s", new byte[] {1}))));
        assertThatThrownBy(() -> KeyedArchive.decode(PlistFixture.binary(cyclic)))
                .isInstanceOf(EvidenceFormatException.class).hasMessageContaining("cycle");
        Map<String, Object> broken = Map.of(
                "$archiver", "NSKeyedArchiver",
                "$top", Map.of("root", new com.dd.plist.UID("r", new byte[] {9})),
                "$objects", List.of("$null"));
        assertThatThrownBy(() -> KeyedArchive.decode(PlistFixture.binary(broken)))
                .isInstanceOf(EvidenceFormatException.class).hasMessageContaining("refers to object 9");
    }
}
