package org.bridle.core.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CompiledIndicatorsTest {
    private static byte[] compiled;

    @BeforeAll
    static void readTheResource() throws IOException {
        try (InputStream in = CompiledIndicators.class.getResourceAsStream(CompiledIndicators.RESOURCE)) {
            assertThat(in).as("the build writes " + CompiledIndicators.RESOURCE).isNotNull();
            compiled = in.readAllBytes();
        }
    }

    @Test
    void theCompiledFeedsAreTheShippedFeedsParsedRecordForRecord() {
        List<IndicatorFile> compiledFiles = BuiltinIndicators.files();
        List<BuiltinIndicators.Feed> feeds = BuiltinIndicators.feeds();

        assertThat(compiledFiles).hasSize(feeds.size());
        for (int i = 0; i < feeds.size(); i++) {
            IndicatorFile parsed = BuiltinIndicators.parse(feeds.get(i));
            IndicatorFile read = compiledFiles.get(i);
            assertThat(read.location()).isEqualTo(feeds.get(i).location());
            assertThat(read.indicators()).as(read.name()).containsExactlyElementsOf(parsed.indicators());
            assertThat(read.problems()).as(read.name()).containsExactlyElementsOf(parsed.problems());
            assertThat(read).as(read.name()).isEqualTo(parsed);
        }
        assertThat(compiledFiles).flatExtracting(IndicatorFile::indicators).hasSizeGreaterThan(8_000);
    }

    @Test
    void writingThenReadingGivesTheSameFilesAnObjectIdOrNot() throws IOException {
        List<IndicatorFile> files = List.of(
                new IndicatorFile("a.stix2", "/tmp/a.stix2", ContentDigest.known("00ff", 2), List.of(
                        new Indicator(IndicatorType.DOMAIN, "example.com", "Fam", "a.stix2", null),
                        new Indicator(IndicatorType.ANDROID_PROPERTY, "ro.x", "Fam", "a.stix2", "indicator--1"),
                        new Indicator(IndicatorType.URL, "https://\u00e9x.example/\ud83d\ude00", "F\u00e4m",
                                "a.stix2", "")),
                        List.of(new Problem("a.stix2", "objects[3]", "has no pattern"))),
                new IndicatorFile("empty.yaml", "builtin:x/empty.yaml", ContentDigest.known("", 0), List.of(),
                        List.of()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompiledIndicators.write(files, out);

        assertThat(CompiledIndicators.read(new ByteArrayInputStream(out.toByteArray()))).isEqualTo(files);
        assertThat(CompiledIndicators.read(new ByteArrayInputStream(bytes(List.of())))).isEmpty();
    }

    @Test
    void aTruncatedResourceIsOneClearError() {
        for (int length : new int[] {0, 3, 4, 7, 8, 11, 12, 100, compiled.length / 2, compiled.length - 5,
                compiled.length - 1}) {
            assertThatThrownBy(() -> CompiledIndicators.read(new ByteArrayInputStream(Arrays.copyOf(compiled, length))))
                    .as("the first %d bytes", length)
                    .isInstanceOf(IllegalStateException.class).hasNoCause()
                    .hasMessage("The compiled built-in indicators (resource builtin/compiled-indicators.bin) are "
                            + "damaged (truncated): build bridle with Maven (./mvnw package), which compiles them "
                            + "from the shipped feeds.");
        }
    }

    @Test
    void aWrongMagicVersionOrLengthIsOneClearError() {
        byte[] magic = compiled.clone();
        magic[0] = '{';
        assertThatThrownBy(() -> CompiledIndicators.read(new ByteArrayInputStream(magic)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The compiled built-in indicators (resource builtin/compiled-indicators.bin) are not in "
                        + "the compiled indicator format: build bridle with Maven (./mvnw package), which compiles "
                        + "them from the shipped feeds.");
        byte[] version = compiled.clone();
        ByteBuffer.wrap(version).putInt(4, 1);
        assertThatThrownBy(() -> CompiledIndicators.read(new ByteArrayInputStream(version)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("have format version 1, not 2: build bridle with Maven (./mvnw package)");
        byte[] longer = Arrays.copyOf(compiled, compiled.length + 1);
        assertThatThrownBy(() -> CompiledIndicators.read(new ByteArrayInputStream(longer)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("are damaged (bytes after their end): build bridle with Maven");
        byte[] count = compiled.clone();
        ByteBuffer.wrap(count).putInt(8, -7);
        assertThatThrownBy(() -> CompiledIndicators.read(new ByteArrayInputStream(count)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("are damaged (a count of -7): build bridle with Maven");
    }

    @Test
    void aStringNumberOutsideTheTableIsOneClearError() throws IOException {
        byte[] bytes = bytes(List.of(new IndicatorFile("a", "b", ContentDigest.known("c", 1), List.of(), List.of())));
        // magic, version, 3 strings of 1 byte each (4 + 1 bytes), 1 file, then the file's name
        ByteBuffer.wrap(bytes).putInt(4 + 4 + 4 + 3 * 5 + 4, 3);

        assertThatThrownBy(() -> CompiledIndicators.read(new ByteArrayInputStream(bytes)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("are damaged (string number 3 of 3): build bridle with Maven");
    }

    private static byte[] bytes(List<IndicatorFile> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompiledIndicators.write(files, out);
        return out.toByteArray();
    }
}
