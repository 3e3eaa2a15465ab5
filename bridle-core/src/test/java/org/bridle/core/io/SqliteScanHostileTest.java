package org.bridle.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.bridle.testkit.SqliteFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file-format reader on crafted and damaged files: it always ends, and the only exception it raises is
 * {@link EvidenceFormatException} ("the database is malformed (…)").
 */
class SqliteScanHostileTest {
    private static final int PAGE = 1024;
    private static final byte FILL = 0x5A;

    @TempDir
    Path dir;
    private byte[] intact;
    private TableLayout layout;

    @BeforeEach
    void writeDatabase() throws Exception {
        Path db = dir.resolve("intact.db");
        try (SqliteFixture f = SqliteFixture.create(db)) {
            f.execute("PRAGMA page_size = " + PAGE);
            SqliteScanTest.writeRandom(f, "r", new Random(11), 1500, 3000);
            byte[] big = new byte[PAGE * 6];
            Arrays.fill(big, FILL);
            f.insert("INSERT INTO r (id, b) VALUES (?, ?)", 1_000_000L, big);
        }
        intact = Files.readAllBytes(db);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            layout = TableLayout.read(c, "r");
        }
        assertThat(layout).isNotNull();
        assertThat(scan(intact)).as("rows of the intact file").isEqualTo(1501);
    }

    /** Scans the table in {@code content} reading every value of every row; returns the number of rows. */
    private int scan(byte[] content) throws Exception {
        Path file = Files.write(dir.resolve("damaged.db"), content);
        int[] rows = {0};
        try (DatabaseFile database = DatabaseFile.open(file)) {
            RecordValues values = new RecordValues(layout, database.encoding,
                    real -> Double.toString(real).getBytes(StandardCharsets.UTF_8));
            SqlRow row = new SqlRow(values, layout.labels());
            TableBTree.scan(database, layout.rootPage(), (rowid, payload, offset, length) -> {
                values.set(rowid, payload, offset, length);
                for (String label : layout.labels()) {
                    row.string(label);
                    row.integer(label);
                    row.real(label);
                    row.bytes(label);
                    row.value(label);
                }
                rows[0]++;
            });
        }
        return rows[0];
    }

    /** Scans damaged content: it ends in time, and fails only as malformed. */
    private void scanDamaged(byte[] content) {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try {
                scan(content);
            } catch (EvidenceFormatException malformed) {
                assertThat(malformed).hasMessageStartingWith("the database is malformed (");
            }
        });
    }

    private long rootPage() {
        return layout.rootPage();
    }

    private int offset(long page) {
        return (int) ((page - 1) * PAGE);
    }

    @Test
    void aChildPointingBackAtItsParentIsMalformed() {
        byte[] content = intact.clone();
        int root = offset(rootPage());
        assertThat(content[root]).as("an interior root").isEqualTo((byte) 0x05);
        writeInt(content, root + 8, (int) rootPage());
        assertThatThrownBy(() -> scan(content)).isInstanceOf(EvidenceFormatException.class)
                .hasMessageContaining("used twice");
    }

    @Test
    void aChildOutsideTheFileIsMalformed() {
        byte[] content = intact.clone();
        writeInt(content, offset(rootPage()) + 8, intact.length / PAGE + 5);
        assertThatThrownBy(() -> scan(content)).isInstanceOf(EvidenceFormatException.class)
                .hasMessageContaining("outside the file");
    }

    @Test
    void anOverflowChainThatLoopsIsMalformed() {
        byte[] content = intact.clone();
        int looped = 0;
        for (int page = 2; page <= content.length / PAGE; page++) {
            int at = offset(page);
            byte[] body = Arrays.copyOfRange(content, at + 4, at + PAGE);
            byte[] fill = new byte[body.length];
            Arrays.fill(fill, FILL);
            if (Arrays.equals(body, fill)) {
                writeInt(content, at, page);
                looped++;
                break;
            }
        }
        assertThat(looped).as("an overflow page of the big blob").isEqualTo(1);
        assertThatThrownBy(() -> scan(content)).isInstanceOf(EvidenceFormatException.class)
                .hasMessageContaining("used twice");
    }

    @Test
    void aHugePayloadSizeIsMalformed() throws Exception {
        for (byte[] size : List.of(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff,
                (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}, new byte[] {(byte) 0x87, (byte) 0xff, (byte) 0xff,
                (byte) 0xff, 0x7f})) {
            byte[] content = intact.clone();
            int leaf = firstLeaf(content);
            int cell = offset(leaf) + (((content[offset(leaf) + 8] & 0xff) << 8) | (content[offset(leaf) + 9] & 0xff));
            System.arraycopy(size, 0, content, cell, size.length);
            assertThatThrownBy(() -> scan(content)).isInstanceOf(EvidenceFormatException.class)
                    .hasMessageContaining("malformed");
        }
    }

    private int firstLeaf(byte[] content) {
        long page = rootPage();
        while (content[offset(page)] == 0x05) {
            int at = offset(page);
            int cell = at + (((content[at + 12] & 0xff) << 8) | (content[at + 13] & 0xff));
            page = DatabaseFile.readInt(content, cell) & 0xffffffffL;
        }
        return (int) page;
    }

    @Test
    void aTruncatedFileEndsOrIsMalformed() {
        for (int length : new int[] {0, 50, 99, 100, 512, PAGE, PAGE + 1, 3 * PAGE, intact.length / 2,
                intact.length - PAGE, intact.length - 1}) {
            scanDamaged(Arrays.copyOf(intact, length));
        }
        assertThatThrownBy(() -> scan(Arrays.copyOf(intact, intact.length / 2)))
                .isInstanceOf(EvidenceFormatException.class);
    }

    @Test
    void randomByteFlipsEndOrAreMalformed() {
        int malformed = 0;
        for (int seed = 0; seed < 300; seed++) {
            Random random = new Random(seed);
            byte[] content = intact.clone();
            int flips = 1 + random.nextInt(seed % 3 == 0 ? 200 : 8);
            for (int i = 0; i < flips; i++) {
                int at = seed % 5 == 0 ? random.nextInt(content.length)
                        : offset(2 + random.nextInt(content.length / PAGE - 1)) + random.nextInt(64);
                content[at] = (byte) (seed % 2 == 0 ? random.nextInt(256) : content[at] ^ (1 << random.nextInt(8)));
            }
            try {
                scanOrFail(content);
            } catch (EvidenceFormatException expected) {
                malformed++;
            }
        }
        assertThat(malformed).as("damage found in some of the files").isPositive();
    }

    private void scanOrFail(byte[] content) throws EvidenceFormatException {
        EvidenceFormatException[] found = {null};
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try {
                scan(content);
            } catch (EvidenceFormatException malformed) {
                assertThat(malformed).hasMessageStartingWith("the database is malformed (");
                found[0] = malformed;
            }
        });
        if (found[0] != null) {
            throw found[0];
        }
    }

    private static void writeInt(byte[] b, int at, int value) {
        b[at] = (byte) (value >>> 24);
        b[at + 1] = (byte) (value >>> 16);
        b[at + 2] = (byte) (value >>> 8);
        b[at + 3] = (byte) value;
    }
}
