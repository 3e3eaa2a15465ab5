package org.bridle.conformance;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the conformance corpus: the folder named by the environment variable {@code BRIDLE_CORPUS}, else
 * {@code ../shared/corpus} beside the repository (tests run in a module folder, hence {@code ../../}). When it is
 * absent a test fails under CI (environment variable {@code CI} set) and is skipped elsewhere, saying why.
 */
final class Corpus {
    private Corpus() {
    }

    /** The corpus folder. */
    static Path root() {
        String configured = System.getenv("BRIDLE_CORPUS");
        Path root = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of("..", "..", "shared", "corpus");
        return require(root);
    }

    /** MVT's iOS backup in the corpus. */
    static Path iosBackup() {
        return require(root().resolve("mvt").resolve("ios_backup"));
    }

    private static Path require(Path folder) {
        if (!Files.isDirectory(folder)) {
            String reason = "the conformance corpus is not at " + folder.toAbsolutePath().normalize()
                    + " (set BRIDLE_CORPUS to its folder)";
            if (System.getenv("CI") != null) {
                fail(reason);
            }
            assumeTrue(false, reason);
        }
        return folder;
    }
}
