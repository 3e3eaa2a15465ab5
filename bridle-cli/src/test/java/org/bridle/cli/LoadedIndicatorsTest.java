package org.bridle.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bridle.core.indicators.BuiltinIndicators;
import org.bridle.core.indicators.IndicatorFile;
import org.bridle.core.source.InputException;
import org.bridle.report.RunInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in feeds load beside the given files; the set keeps the built-in feeds first whatever ends first. */
class LoadedIndicatorsTest {
    @TempDir
    Path dir;

    @Test
    void holdsTheBuiltInFeedsThenTheGivenFilesInOrderWithoutRepeatedContent() throws Exception {
        Path first = Evidence.stix(dir, "first.stix2", "FirstSpy", "first.example", "firstd");
        Path second = Evidence.stix(dir, "second.stix2", "SecondSpy", "second.example", "secondd");
        List<IndicatorFile> shipped = BuiltinIndicators.files();
        BuiltinIndicators.Feed feed = BuiltinIndicators.feeds().get(0);
        Path copy = Files.write(dir.resolve("copy-of-a-builtin.stix2"), BuiltinIndicators.content(feed));

        LoadedIndicators loaded = LoadedIndicators.load(List.of(first, copy, second), true);

        List<String> expected = new ArrayList<>();
        shipped.forEach(f -> expected.add(f.location()));
        expected.add(first.toAbsolutePath().toString());
        expected.add(second.toAbsolutePath().toString());
        assertThat(loaded.files()).extracting(RunInfo.IndicatorFile::path).containsExactlyElementsOf(expected);
        assertThat(LoadedIndicators.load(List.of(second, first), false).files())
                .extracting(RunInfo.IndicatorFile::name).containsExactly("second.stix2", "first.stix2");
    }

    @Test
    void aGivenFileThatCannotBeReadFailsTheLoad() {
        Path missing = dir.resolve("missing.stix2");

        assertThatThrownBy(() -> LoadedIndicators.load(List.of(missing), true))
                .isInstanceOf(InputException.class).hasMessageContaining("does not exist");
    }
}
