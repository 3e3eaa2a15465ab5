package org.bridle.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.bridle.core.io.KeyedArchive;
import org.bridle.core.io.ScratchDirectory;
import org.bridle.core.io.SqliteEvidence;
import org.bridle.core.source.LocalEvidenceFile;
import org.bridle.ios.artifacts.MbFileFields;
import org.bridle.ios.artifacts.MbFileValues;
import org.junit.jupiter.api.Test;

/**
 * The {@code MBFile} blobs of a real backup's Manifest.db (iOS 14.3, written by Apple's archiver) have the plain
 * shape {@link MbFileFields} reads directly, and it reads from each what the general decoder does.
 */
class MbFileBlobsCorpusTest {
    @Test
    void everyBlobOfTheCorpusBackupIsReadDirectlyAsTheGeneralDecoderReadsIt() throws Exception {
        Path manifest = Corpus.iosBackup().resolve("Manifest.db");
        int[] blobs = {0};
        try (ScratchDirectory scratch = ScratchDirectory.create();
             SqliteEvidence db = SqliteEvidence.open(new LocalEvidenceFile("Manifest.db", "Manifest.db", manifest,
                     suffix -> Optional.empty()), scratch)) {
            db.query("SELECT file FROM Files WHERE file IS NOT NULL", row -> {
                byte[] blob = row.bytes("file");
                MbFileValues read = MbFileFields.read(blob);
                assertThat(read).isNotNull().isEqualTo(MbFileValues.of((Map<?, ?>) KeyedArchive.decode(blob)));
                blobs[0]++;
            });
        }
        assertThat(blobs[0]).isEqualTo(3721);
    }
}
