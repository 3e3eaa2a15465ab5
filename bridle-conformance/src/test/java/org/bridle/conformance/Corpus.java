package org.bridle.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the conformance corpus: the folder named by {@code BRIDLE_CORPUS}, else {@code shared/corpus} beside the
 * repository (tests run in the module folder, so {@code ../../shared/corpus}). A missing corpus fails the test when
 * {@code CI} is set, and skips it with the reason otherwise.
 */
final class Corpus {
    private Corpus() {
    }

    /** MVT's iOS backup ({@code mvt/ios_backup}). */
    static Path iosBackup() {
        return require(root().resolve("mvt").resolve("ios_backup"));
    }

    /** A file or folder of MVT's test artifacts, such as {@code android_data/dumpsys_appops.txt}. */
    static Path mvt(String relative) {
        Path path = root().resolve("mvt").resolve(relative);
        return java.nio.file.Files.exists(path) ? path : require(path);
    }

    private static Path root() {
        String configured = System.getenv("BRIDLE_CORPUS");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of("..", "..", "shared", "corpus");
    }

    private static Path require(Path folder) {
        if (Files.isDirectory(folder)) {
            return folder;
        }
        String reason = "the conformance corpus is not at " + folder.toAbsolutePath().normalize()
                + " (set BRIDLE_CORPUS to its folder)";
        String ci = System.getenv("CI");
        if (ci != null && !ci.isBlank()) {
            throw new AssertionError(reason);
        }
        return Assumptions.abort(reason);
    }
}
