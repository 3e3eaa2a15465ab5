package org.bridle.ios.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.dd.plist.UID;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bridle.core.io.KeyedArchive;
import org.bridle.ios.artifacts.MbFileValues.Field;
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
            MbFileValues read = MbFileFields.read(blob);
            assertThat(read).isNotNull().isEqualTo(generalFields(blob));
        }
        MbFileValues large = MbFileFields.read(blobs.get(2));
        assertThat(large.number(Field.SIZE)).isEqualTo(5_000_000_000L);
        assertThat(large.number(Field.INODE_NUMBER)).isEqualTo(Long.MAX_VALUE);
        assertThat(large.number(Field.BIRTH)).isEqualTo(BORN.getEpochSecond());
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

        MbFileValues read = MbFileFields.read(blob);

        assertThat(read).isEqualTo(generalFields(blob)).isEqualTo(MbFileValues.of(Map.of("Size", 4096L,
                "Birth", Instant.parse("2001-01-08T00:00:00.500Z"),
                "LastModified", Instant.parse("2001-01-02T00:00:00Z"),
                "UserID", 2.0, "GroupID", 20L)));
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

    @Test
    void tellsKeysApartByAllTheirCharacters() throws Exception {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("Siz", 1L);
        root.put("SizeOnDisk", 2L);
        root.put("Birthday", 3L);
        root.put("Mode", 4L);
        root.put("mode", 5L);
        byte[] blob = archive(List.of("$null", root));

        assertThat(MbFileFields.read(blob)).isEqualTo(generalFields(blob)).isEqualTo(MbFileValues.of(Map.of("Mode", 4L)));
    }

    @Test
    void readsAKeyWrittenInUtf16AsTheSameKey() throws Exception {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("Siz\u00e9", 7L);
        root.put("Mode", 8L);
        root.put("Fl\u00e4gs", uid(2));
        byte[] blob = utf16ToAscii(utf16ToAscii(archive(List.of("$null", root, 9L)), "z\u00e9", 'e'), "l\u00e4", 'a');

        assertThat(MbFileFields.read(blob)).isEqualTo(generalFields(blob))
                .isEqualTo(MbFileValues.of(Map.of("Size", 7L, "Mode", 8L)));
    }

    @Test
    void leavesDuplicateKeysToTheGeneralDecoder() throws Exception {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("Size", 1L);
        field.put("Sizf", 2L);
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("Flags", 1L);
        other.put("Mode", 3L);
        other.put("Flagt", 2L);
        Map<String, Object> encodings = new LinkedHashMap<>();
        encodings.put("Size", 1L);
        encodings.put("Siz\u00e9", 2L);
        Map<String, Object> otherEncodings = new LinkedHashMap<>();
        otherEncodings.put("Flags", 1L);
        otherEncodings.put("Mode", 3L);
        otherEncodings.put("Flag\u00e9", 2L);
        List<byte[]> blobs = List.of(replaced(archive(List.of("$null", field)), "Sizf", "Size"),
                replaced(archive(List.of("$null", other)), "Flagt", "Flags"),
                utf16ToAscii(archive(List.of("$null", encodings)), "z\u00e9", 'e'),
                utf16ToAscii(archive(List.of("$null", otherEncodings)), "g\u00e9", 's'));

        for (byte[] blob : blobs) {
            assertThat(KeyedArchive.decode(blob)).isInstanceOf(Map.class);
            assertThat(MbFileFields.read(blob)).isNull();
        }
    }

    /** The blob with the ASCII string {@code from} replaced by {@code to}, of the same length. */
    private static byte[] replaced(byte[] blob, String from, String to) {
        return replaced(blob, from.getBytes(StandardCharsets.US_ASCII), to.getBytes(StandardCharsets.US_ASCII));
    }

    /** The blob with the last character of the UTF-16 string {@code from} replaced by the ASCII {@code to}. */
    private static byte[] utf16ToAscii(byte[] blob, String from, char to) {
        byte[] bytes = from.getBytes(StandardCharsets.UTF_16BE);
        byte[] replacement = bytes.clone();
        replacement[bytes.length - 1] = (byte) to;
        return replaced(blob, bytes, replacement);
    }

    private static byte[] replaced(byte[] blob, byte[] from, byte[] to) {
        byte[] copy = blob.clone();
        for (int at = 0; at + from.length <= copy.length; at++) {
            if (Arrays.equals(copy, at, at + from.length, from, 0, from.length)) {
                System.arraycopy(to, 0, copy, at, to.length);
                return copy;
            }
        }
        throw new AssertionError("no " + Arrays.toString(from) + " in the blob");
    }

    /** The fields Manifest reads, as the general decoder gives them. */
    private static MbFileValues generalFields(byte[] blob) throws Exception {
        return MbFileValues.of((Map<?, ?>) KeyedArchive.decode(blob));
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
