package org.bridle.ios.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.dd.plist.UID;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bridle.core.io.KeyedArchive;
import org.bridle.testkit.PlistFixture;
import org.bridle.testkit.ios.MbFile;
import org.junit.jupiter.api.Test;

class MbFileFieldsTest {
    private static final Instant BORN = Instant.parse("2020-03-01T10:00:00Z");
    private static final Instant MODIFIED = Instant.parse("2020-04-01T10:00:00Z");

    @Test
    void readsTheFieldsOfTheBlobsIosWritesAsTheGeneralDecoderDoes() throws Exception {
        List<byte[]> blobs = List.of(
                MbFile.file("Library/SMS/sms.db", 28_672).bytes(),
                MbFile.directory("Library").bytes(),
                MbFile.file("Media/a.jpg", 5_000_000_000L).owner(0, 0).inode(Long.MAX_VALUE)
                        .times(BORN, MODIFIED, MODIFIED).bytes(),
                MbFile.file("Library/Keychains/x", 12).encryptionKey(new byte[] {3, 0, 0, 0, 9, 9}).bytes());

        for (byte[] blob : blobs) {
            Map<String, Object> read = MbFileFields.read(blob);
            assertThat(read).isNotNull().isEqualTo(generalFields(blob));
        }
        assertThat(MbFileFields.read(blobs.get(2))).containsEntry("Size", 5_000_000_000L)
                .containsEntry("InodeNumber", Long.MAX_VALUE).containsEntry("Birth", BORN.getEpochSecond());
    }

    @Test
    void followsReferencesToNumbersNullsArchivedDatesAndWrappedValues() throws Exception {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("Size", uid(2));
        root.put("Mode", uid(0));
        root.put("Birth", uid(3));
        root.put("LastModified", uid(4));
        root.put("UserID", 2.0);
        root.put("GroupID", uid(5));
        root.put("RelativePath", uid(6));
        root.put("$class", uid(7));
        byte[] blob = archive(List.of("$null", root, 4096L,
                Map.of("NS.time", 604_800.5, "$class", uid(7)),
                Map.of("NS.time", 86_400L),
                Map.of("NS.data", 20L, "$class", uid(7)),
                "Library/file",
                Map.of("$classname", "MBFile", "$classes", List.of("MBFile", "NSObject"))));

        Map<String, Object> read = MbFileFields.read(blob);

        assertThat(read).isEqualTo(generalFields(blob)).containsEntry("Size", 4096L)
                .containsEntry("Birth", Instant.parse("2001-01-08T00:00:00.500Z"))
                .containsEntry("LastModified", Instant.parse("2001-01-02T00:00:00Z"))
                .containsEntry("UserID", 2.0).containsEntry("GroupID", 20L).doesNotContainKey("Mode");
    }

    @Test
    void leavesOtherShapesToTheGeneralDecoder() throws Exception {
        Map<String, Object> nested = Map.of("Size", uid(2), "$class", uid(3));
        byte[] nestedObject = archive(List.of("$null", nested, Map.of("Inner", 1L, "$class", uid(3)),
                Map.of("$classname", "MBFile")));
        byte[] selfReference = archive(List.of("$null", Map.of("Size", uid(1))));
        byte[] brokenReference = archive(List.of("$null", Map.of("Size", uid(9))));
        byte[] dictionaryRoot = archive(List.of("$null", Map.of("NS.keys", List.of(), "NS.objects", List.of())));
        byte[] plainDate = archive(List.of("$null", Map.of("Birth", BORN)));
        byte[] notAnArchive = PlistFixture.binary(Map.of("Size", 1L));
        byte[] xml = PlistFixture.xml(Map.of("$archiver", "NSKeyedArchiver"));

        for (byte[] blob : List.of(nestedObject, selfReference, brokenReference, dictionaryRoot, plainDate,
                notAnArchive, xml)) {
            assertThat(MbFileFields.read(blob)).isNull();
        }
        assertThat(MbFileFields.read(new byte[] {1, 2, 3})).isNull();
    }

    @Test
    void aTimeOutOfRangeFailsAsWithTheGeneralDecoder() {
        byte[] blob = archive(List.of("$null", Map.of("Birth", uid(2)), Map.of("NS.time", 1e300)));

        Throwable general = catchThrowable(() -> KeyedArchive.decode(blob));

        assertThat(general).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> MbFileFields.read(blob)).isExactlyInstanceOf(general.getClass());
    }

    @Test
    void looksAtTheKeysAndTheClassBeforeResolvingAnyField() throws Exception {
        Map<String, Object> wrapper = new LinkedHashMap<>();
        wrapper.put("Birth", uid(2));
        wrapper.put("NS.string", "not an MBFile");
        byte[] wrapped = archive(List.of("$null", wrapper, Map.of("NS.time", 1e300)));
        Map<String, Object> brokenClass = new LinkedHashMap<>();
        brokenClass.put("Birth", uid(2));
        brokenClass.put("$class", uid(9));
        byte[] unknownClass = archive(List.of("$null", brokenClass, Map.of("NS.time", 1e300)));

        assertThat(KeyedArchive.decode(wrapped)).isEqualTo("not an MBFile");
        assertThat(MbFileFields.read(wrapped)).isNull();
        assertThatThrownBy(() -> KeyedArchive.decode(unknownClass)).hasMessageContaining("refers to object 9");
        assertThat(MbFileFields.read(unknownClass)).isNull();
    }

    /** The fields Manifest reads, as the general decoder gives them: numbers and times only. */
    private static Map<String, Object> generalFields(byte[] blob) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> all = (Map<String, Object>) KeyedArchive.decode(blob);
        Map<String, Object> fields = new HashMap<>();
        all.forEach((key, value) -> {
            if (MbFileFields.FIELDS.contains(key) && (value instanceof Number || value instanceof Instant)) {
                fields.put(key, value);
            }
        });
        return fields;
    }

    private static byte[] archive(List<Object> objects) {
        Map<String, Object> archive = new LinkedHashMap<>();
        archive.put("$version", 100_000L);
        archive.put("$archiver", "NSKeyedArchiver");
        archive.put("$top", Map.of("root", uid(1)));
        archive.put("$objects", objects);
        return PlistFixture.binary(archive);
    }

    private static UID uid(int index) {
        return new UID("u", new byte[] {(byte) index});
    }
}
