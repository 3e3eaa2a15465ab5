package org.bridle.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dd.plist.UID;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bridle.core.io.BinaryPlist.Kind;
import org.bridle.testkit.PlistFixture;
import org.junit.jupiter.api.Test;

class BinaryPlistTest {
    @Test
    void readsWhatDdPlistWrites() throws Exception {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("small", 7L);
        root.put("twoBytes", 40_000L);
        root.put("fourBytes", 3_000_000_000L);
        root.put("negative", -5L);
        root.put("large", Long.MAX_VALUE);
        root.put("real", 2.5);
        root.put("ascii", "plain text");
        root.put("unicode", "naïve ☃");
        root.put("data", new byte[] {1, 2, 3});
        root.put("flag", true);
        root.put("date", Instant.parse("2021-01-15T10:00:00Z"));
        root.put("uid", new UID("u", new byte[] {1, 2}));
        root.put("list", List.of("a", 1L));
        BinaryPlist plist = BinaryPlist.of(PlistFixture.binary(root));

        Map<String, Integer> values = entries(plist, plist.top());
        assertThat(values.keySet()).containsExactlyInAnyOrderElementsOf(root.keySet());
        assertThat(plist.integer(values.get("small"))).isEqualTo(7L);
        assertThat(plist.integer(values.get("twoBytes"))).isEqualTo(40_000L);
        assertThat(plist.integer(values.get("fourBytes"))).isEqualTo(3_000_000_000L);
        assertThat(plist.integer(values.get("negative"))).isEqualTo(-5L);
        assertThat(plist.integer(values.get("large"))).isEqualTo(Long.MAX_VALUE);
        assertThat(plist.real(values.get("real"))).isEqualTo(2.5);
        assertThat(plist.kind(values.get("ascii"))).isEqualTo(Kind.ASCII_STRING);
        assertThat(plist.string(values.get("ascii"))).isEqualTo("plain text");
        assertThat(plist.kind(values.get("unicode"))).isEqualTo(Kind.UTF16_STRING);
        assertThat(plist.isString(values.get("unicode"), "naïve ☃")).isTrue();
        assertThat(plist.data(values.get("data"))).containsExactly(1, 2, 3);
        assertThat(plist.kind(values.get("flag"))).isEqualTo(Kind.BOOLEAN);
        assertThat(plist.kind(values.get("date"))).isEqualTo(Kind.DATE);
        assertThat(AppleTime.fromCocoaSeconds(plist.real(values.get("date"))))
                .isEqualTo(Instant.parse("2021-01-15T10:00:00Z"));
        assertThat(plist.uid(values.get("uid"))).isEqualTo(0x102L);
        int list = values.get("list");
        assertThat(plist.size(list)).isEqualTo(2);
        assertThat(plist.string(plist.element(list, 0))).isEqualTo("a");
        assertThat(plist.integer(plist.element(list, 1))).isEqualTo(1L);
    }

    @Test
    void readsContainersAndStringsWhoseLengthFollowsTheMarker() throws Exception {
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            items.add("item " + i);
        }
        String longText = "x".repeat(300);
        BinaryPlist plist = BinaryPlist.of(PlistFixture.binary(Map.of("items", items, "text", longText)));

        Map<String, Integer> values = entries(plist, plist.top());
        assertThat(plist.size(values.get("items"))).isEqualTo(40);
        assertThat(plist.string(plist.element(values.get("items"), 39))).isEqualTo("item 39");
        assertThat(plist.string(values.get("text"))).isEqualTo(longText);
        assertThatThrownBy(() -> plist.element(values.get("items"), 40)).isInstanceOf(EvidenceFormatException.class);
        assertThatThrownBy(() -> plist.value(plist.top(), 2)).isInstanceOf(EvidenceFormatException.class);
        assertThatThrownBy(() -> plist.key(values.get("items"), 0)).isInstanceOf(EvidenceFormatException.class);
    }

    @Test
    void refusesWhatIsNotABinaryPropertyList() {
        assertThatThrownBy(() -> BinaryPlist.of(PlistFixture.xml(Map.of("a", 1))))
                .isInstanceOf(EvidenceFormatException.class).hasMessageContaining("not a bplist00");
        assertThatThrownBy(() -> BinaryPlist.of("bplist00".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(EvidenceFormatException.class);
    }

    @Test
    void refusesTruncatedObjectsAndBrokenTrailers() throws Exception {
        byte[] good = PlistFixture.binary(Map.of("text", "a string of some length"));
        byte[] noTable = good.clone();
        noTable[noTable.length - 1] = (byte) 0xff;
        assertThatThrownBy(() -> BinaryPlist.of(noTable)).isInstanceOf(EvidenceFormatException.class)
                .hasMessageContaining("trailer");

        byte[] longer = good.clone();
        int marker = indexOf(good, (byte) 0x5f);
        longer[marker + 2] = (byte) 0x7f;
        assertThatThrownBy(() -> BinaryPlist.of(longer)).isInstanceOf(EvidenceFormatException.class)
                .hasMessageContaining("runs past");
    }

    @Test
    void refusesAContainerThatContainsItself() throws Exception {
        byte[] single = PlistFixture.binary(List.of(List.of()));
        byte[] cyclic = single.clone();
        int inner = indexOf(cyclic, (byte) 0xa0);
        // the outer array (0xa1) refers to the empty inner one (0xa0); make it refer to itself
        int outer = indexOf(cyclic, (byte) 0xa1);
        assertThat(outer).isPositive();
        assertThat(inner).isPositive();
        int top = BinaryPlist.of(single).top();
        cyclic[outer + 1] = (byte) top;
        assertThatThrownBy(() -> BinaryPlist.of(cyclic)).isInstanceOf(EvidenceFormatException.class)
                .hasMessageContaining("not in order");
    }

    @Test
    void comparesStringsInPlaceAsTheyDecode() throws Exception {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("ascii", "Size");
        root.put("prefix", "Siz");
        root.put("unicode", "Siz\u00e9");
        root.put("number", 1L);
        root.put("high", "hiq");
        root.put("otherHigh", "hiw");
        byte[] data = PlistFixture.binary(root);
        data[indexOf(data, (byte) 0xe9)] = 'e'; // the UTF-16 string now reads "Size"
        data[indexOf(data, (byte) 'q')] = (byte) 0x80;
        data[indexOf(data, (byte) 'w')] = (byte) 0x81;
        BinaryPlist plist = BinaryPlist.of(data);
        Map<String, Integer> values = entries(plist, plist.top());
        BinaryPlist.AsciiStrings candidates = new BinaryPlist.AsciiStrings(List.of("Si", "Size", "Siz"));

        assertThat(plist.kind(values.get("unicode"))).isEqualTo(Kind.UTF16_STRING);
        assertThat(plist.indexOfString(values.get("ascii"), candidates)).isEqualTo(1);
        assertThat(plist.indexOfString(values.get("prefix"), candidates)).isEqualTo(2);
        assertThat(plist.indexOfString(values.get("unicode"), candidates)).isEqualTo(1);
        assertThat(plist.indexOfString(values.get("number"), candidates)).isEqualTo(-1);
        assertThat(plist.sameString(values.get("ascii"), values.get("unicode"))).isTrue();
        assertThat(plist.sameString(values.get("ascii"), values.get("prefix"))).isFalse();
        assertThat(plist.sameString(values.get("high"), values.get("otherHigh")))
                .isEqualTo(plist.string(values.get("high")).equals(plist.string(values.get("otherHigh")))).isTrue();
        assertThat(plist.startsWith(values.get("unicode"), "Siz")).isTrue();
        assertThat(plist.startsWith(values.get("prefix"), "Size")).isFalse();
        assertThat(plist.startsWith(values.get("number"), "")).isFalse();
        assertThatThrownBy(() -> new BinaryPlist.AsciiStrings(List.of("\u00e9")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, Integer> entries(BinaryPlist plist, int dictionary) throws EvidenceFormatException {
        Map<String, Integer> entries = new LinkedHashMap<>();
        for (int i = 0; i < plist.size(dictionary); i++) {
            entries.put(plist.string(plist.key(dictionary, i)), plist.value(dictionary, i));
        }
        return entries;
    }

    private static int indexOf(byte[] data, byte value) {
        for (int i = 8; i < data.length; i++) {
            if (data[i] == value) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aDictionaryKeyMustBeAString() throws Exception {
        byte[] data = PlistFixture.binary(Map.of("k", 5L));
        byte[] numberKey = Arrays.copyOf(data, data.length);
        int key = indexOf(numberKey, (byte) 0x51);
        numberKey[key] = 0x10;
        assertThatThrownBy(() -> BinaryPlist.of(numberKey)).isInstanceOf(EvidenceFormatException.class)
                .hasMessageContaining("key is not a string");
    }
}
