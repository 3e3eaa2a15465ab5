package org.bridle.ios.backup;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.bridle.core.source.EvidenceFile;
import org.bridle.core.source.LocalEvidenceFile;

/** How a backup folder stores content: as it is, or encrypted. */
interface BackupContent extends AutoCloseable {

    /**
     * The evidence file of a Manifest.db record whose content is stored at {@code stored}.
     *
     * @param sidecars finds the file recorded under this one's path plus a suffix
     */
    EvidenceFile file(ManifestRecord record, String devicePath, String origin, Path stored,
                      Function<String, Optional<EvidenceFile>> sidecars);

    /** The evidence file of one of the folder's own files ({@code Info.plist}, {@code Manifest.db}…). */
    EvidenceFile own(String name, Path stored);

    /** Releases what the content holds; never throws. */
    @Override
    void close();

    /** An unencrypted backup: every file is read where it is. */
    BackupContent PLAIN = new BackupContent() {
        @Override
        public EvidenceFile file(ManifestRecord record, String devicePath, String origin, Path stored,
                                 Function<String, Optional<EvidenceFile>> sidecars) {
            return new LocalEvidenceFile(devicePath, origin, stored, sidecars);
        }

        @Override
        public EvidenceFile own(String name, Path stored) {
            return new LocalEvidenceFile("@backup/" + name, name, stored, s -> Optional.empty());
        }

        @Override
        public void close() {
            // nothing is held open
        }
    };
}
