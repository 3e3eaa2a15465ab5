package org.bridle.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.bridle.core.io.Hashing;
import org.bridle.core.source.EvidenceFile;
import org.bridle.core.source.Source;
import org.bridle.report.RunInfo;

/** The SHA-256 of every file of the evidence ({@code --hashes}), hashed on several threads, in the source's order. */
final class EvidenceHashes {
    private EvidenceHashes() {
    }

    static List<RunInfo.FileHash> all(Source source) throws IOException {
        List<EvidenceFile> files = new ArrayList<>();
        source.forEachFile(files::add);
        try {
            return files.parallelStream().filter(EvidenceFile::present).map(EvidenceHashes::hash).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static RunInfo.FileHash hash(EvidenceFile file) {
        try (InputStream in = file.open()) {
            return new RunInfo.FileHash(file.devicePath(), file.origin(), Hashing.sha256(in));
        } catch (IOException e) {
            return new RunInfo.FileHash(file.devicePath(), file.origin(), "unreadable: " + e.getMessage());
        }
    }
}
