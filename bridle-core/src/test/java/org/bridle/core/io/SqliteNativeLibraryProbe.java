package org.bridle.core.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.bridle.core.source.LocalEvidenceFile;

/**
 * Run in a JVM of its own by {@link SqliteNativeLibraryTest}: opens the database named by its argument, and prints
 * its table {@code t}'s values, then {@code org.sqlite.lib.path}, {@code org.sqlite.lib.name} ({@code null} when
 * unset) and the files of that folder (one a line, sorted), while the driver's library is loaded.
 */
public final class SqliteNativeLibraryProbe {
    private SqliteNativeLibraryProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        try (ScratchDirectory scratch = ScratchDirectory.create();
             SqliteEvidence sql = SqliteEvidence.open(new LocalEvidenceFile("probe.db", "probe.db", db,
                     s -> Optional.empty()), scratch)) {
            sql.query("SELECT v FROM t", row -> System.out.println(row.string("v")));
        }
        String folder = System.getProperty(SqliteNativeLibrary.LIB_PATH);
        System.out.println(folder);
        System.out.println(System.getProperty(SqliteNativeLibrary.LIB_NAME));
        if (folder != null) {
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                files.map(f -> f.getFileName().toString()).sorted().forEach(System.out::println);
            }
        }
    }
}
