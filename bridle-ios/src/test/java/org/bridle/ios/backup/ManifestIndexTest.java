package org.bridle.ios.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ManifestIndexTest {
    private static final String ID = "3d0d7e5fb2ce288813306e4d4636395e047a3d28";

    @Test
    void findsTheLastRecordOfADuplicateDomainAndPath() {
        ManifestIndex index = new ManifestIndex.Builder()
                .add(ID, "HomeDomain", "Library/a", 1)
                .add("first", "HomeDomain", "Library/dup", 1)
                .add("second", "HomeDomain", "Library/dup", 2)
                .add("third", "HomeDomain", "Library/dup", 1)
                .add(ID, "HomeDomain", "Library/z", 1)
                .build();
        assertThat(index.record(index.find("HomeDomain", "Library/dup")))
                .isEqualTo(new ManifestRecord("third", "HomeDomain", "Library/dup", 1));
        assertThat(index.find("HomeDomain", "Library/a")).isZero();
        assertThat(index.find("HomeDomain", "Library/z")).isEqualTo(4);
    }

    @Test
    void findsNothingForAbsentPathsAndDomains() {
        ManifestIndex index = new ManifestIndex.Builder()
                .add(ID, "HomeDomain", "Library/b", 1)
                .add(ID, "MediaDomain", "Library/b", 1)
                .build();
        assertThat(index.find("HomeDomain", "Library/a")).isEqualTo(-1);
        assertThat(index.find("HomeDomain", "Library/c")).isEqualTo(-1);
        assertThat(index.find("HomeDomain", "Library/b/")).isEqualTo(-1);
        assertThat(index.find("HomeDomain", "")).isEqualTo(-1);
        assertThat(index.find("CameraRollDomain", "Library/b")).isEqualTo(-1);
        assertThat(index.find("ZDomain", "Library/b")).isEqualTo(-1);
        assertThat(index.find("", "")).isEqualTo(-1);
        assertThat(new ManifestIndex.Builder().build().find("HomeDomain", "Library/b")).isEqualTo(-1);
    }

    @Test
    void keepsDomainsThatSortNextToEachOtherApart() {
        ManifestIndex index = new ManifestIndex.Builder()
                .add("ab", "AppDomain-ab", "x", 1)
                .add("a", "AppDomain-a", "x", 1)
                .add("a.b", "AppDomain-a.b", "x", 1)
                .add("a-", "AppDomain-a", "y", 1)
                .add("empty", "", "x", 1)
                .build();
        assertThat(index.record(index.find("AppDomain-a", "x")).fileId()).isEqualTo("a");
        assertThat(index.record(index.find("AppDomain-a", "y")).fileId()).isEqualTo("a-");
        assertThat(index.record(index.find("AppDomain-a.b", "x")).fileId()).isEqualTo("a.b");
        assertThat(index.record(index.find("AppDomain-ab", "x")).fileId()).isEqualTo("ab");
        assertThat(index.record(index.find("", "x")).fileId()).isEqualTo("empty");
        assertThat(index.find("AppDomain-ab", "y")).isEqualTo(-1);
        assertThat(index.positionsIn(d -> d.startsWith("AppDomain-a"))).containsExactly(0, 1, 2, 3);
        assertThat(index.positionsIn(d -> d.equals("AppDomain-a"))).containsExactly(1, 3);
        assertThat(index.positionsIn(d -> false)).isEmpty();
    }

    @Test
    void findsNonAsciiPaths() {
        ManifestIndex index = new ManifestIndex.Builder()
                .add("e", "HomeDomain", "Library/caf\u00e9.db", 1)
                .add("j", "HomeDomain", "Library/\u65e5\u672c.db", 1)
                .add("s", "HomeDomain", "Library/\ud83d\ude00.db", 1)
                .add("u", "HomeDomain", "Library/\uffff.db", 1)
                .add("z", "HomeDomain", "Library/\ud800", 1)
                .build();
        for (int p = 0; p < index.size(); p++) {
            assertThat(index.find("HomeDomain", index.relativePath(p))).isEqualTo(p);
        }
        assertThat(index.find("HomeDomain", "Library/cafe\u0301.db")).isEqualTo(-1);
    }

    @Test
    void answersAsAMapOfTheRecordsDoesOnManyRandomRecords() {
        Random random = new Random(4);
        ManifestIndex.Builder builder = new ManifestIndex.Builder();
        List<ManifestRecord> added = new ArrayList<>();
        Map<String, Map<String, ManifestRecord>> byDomain = new HashMap<>();
        for (int i = 0; i < 5000; i++) {
            ManifestRecord record = new ManifestRecord(String.format("%040x", random.nextLong() & Long.MAX_VALUE),
                    "AppDomain-" + random.nextInt(30), "p/" + random.nextInt(400), 1 + random.nextInt(2));
            builder.add(record.fileId(), record.domain(), record.relativePath(), record.flags());
            added.add(record);
            byDomain.computeIfAbsent(record.domain(), d -> new HashMap<>()).put(record.relativePath(), record);
        }
        ManifestIndex index = builder.build();
        assertThat(index.records()).isEqualTo(added);
        for (int d = 0; d < 32; d++) {
            for (int p = 0; p < 401; p++) {
                String domain = "AppDomain-" + d;
                String path = "p/" + p;
                int found = index.find(domain, path);
                ManifestRecord expected = byDomain.getOrDefault(domain, Map.of()).get(path);
                assertThat(found < 0 ? null : index.record(found)).as(domain + " " + path).isEqualTo(expected);
            }
        }
    }
}
