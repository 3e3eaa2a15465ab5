package org.bridle.ios.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FileIdsTest {
    @Test
    void givesBackEveryIdExactlyAsItWasAdded() {
        List<String> ids = new ArrayList<>(List.of(
                "0000000000000000000000000000000000000000",
                "ffffffffffffffffffffffffffffffffffffffff",
                "8000000000000000800000000000000080000000",
                "3d0d7e5fb2ce288813306e4d4636395e047a3d28",
                "3D0D7E5FB2CE288813306E4D4636395E047A3D28",
                "3d0d7e5fb2ce288813306e4d4636395e047a3D28",
                "3d0d7e5fb2ce288813306e4d4636395e047a3d2",
                "3d0d7e5fb2ce288813306e4d4636395e047a3d280",
                "3d0d7e5fb2ce288813306e4d4636395e047a3dg8",
                "3d0d7e5fb2ce288813306e4d4636395e047a3d2\u0661",
                "+d0d7e5fb2ce288813306e4d4636395e047a3d28",
                "null",
                ""));
        Random random = new Random(6);
        for (int i = 0; i < 1000; i++) {
            StringBuilder id = new StringBuilder();
            for (int c = 0; c < 40; c++) {
                id.append("0123456789abcdef".charAt(random.nextInt(16)));
            }
            ids.add(id.toString());
        }
        FileIds fileIds = new FileIds();
        ids.forEach(fileIds::add);
        for (int p = 0; p < ids.size(); p++) {
            assertThat(fileIds.get(p)).as("position %d", p).isEqualTo(ids.get(p));
        }
    }

    @Test
    void keepsIdsOfOtherFormsAddedAfterManyHexOnes() {
        FileIds fileIds = new FileIds();
        for (int i = 0; i < 100; i++) {
            fileIds.add(String.format("%040x", i));
        }
        fileIds.add("not a sha1");
        fileIds.add(String.format("%040x", 100));
        assertThat(fileIds.get(99)).isEqualTo(String.format("%040x", 99));
        assertThat(fileIds.get(100)).isEqualTo("not a sha1");
        assertThat(fileIds.get(101)).isEqualTo(String.format("%040x", 100));
    }

    @Test
    void tellsTheFormOfIosFileIds() {
        String id = "3d0d7e5fb2ce288813306e4d4636395e047a3d28";
        assertThat(FileIds.isFileId(id)).isTrue();
        assertThat(FileIds.isFileId(id.toUpperCase(Locale.ROOT))).isFalse();
        assertThat(FileIds.isFileId(id.substring(1))).isFalse();
        assertThat(FileIds.isFileId(id + "0")).isFalse();
        assertThat(FileIds.isFileId(id.replace('e', 'g'))).isFalse();
        assertThat(FileIds.isFileId(id.replace('e', '\u00e9'))).isFalse();
        assertThat(FileIds.isFileId("")).isFalse();
    }
}
