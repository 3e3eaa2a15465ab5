package org.bridle.conformance;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;
import org.bridle.core.source.LocalEvidenceFile;
import org.bridle.core.source.Source;

/**
 * A source holding one file of the corpus, as the answer to one device location, under the given device path.
 */
record OneFileSource(DevicePath location, String devicePath, Path file) implements Source {
    @Override
    public String description() {
        return file + " as " + location;
    }

    @Override
    public List<EvidenceFile> resolve(DevicePath asked) {
        return asked.equals(location) ? List.of(evidence()) : List.of();
    }

    private EvidenceFile evidence() {
        return new LocalEvidenceFile(devicePath, file.getFileName().toString(), file,
                suffix -> Optional.empty());
    }

    @Override
    public void forEachFile(Consumer<EvidenceFile> visitor) {
        visitor.accept(evidence());
    }

    @Override
    public void close() {
    }
}
