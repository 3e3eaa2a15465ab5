package org.bridle.ios.backup;

import java.nio.file.Path;
import java.util.List;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.source.EvidenceKind;
import org.bridle.core.source.InputException;
import org.bridle.core.source.Source;
import org.bridle.ios.artifacts.IosArtifacts;

/** The iOS backup as a kind of evidence the command line can check ({@code ios-backup}). */
public final class IosBackupKind implements EvidenceKind {
    @Override
    public String id() {
        return "ios-backup";
    }

    @Override
    public Source open(Path input) throws InputException {
        return IosBackup.open(input);
    }

    @Override
    public List<Artifact<?>> artifacts() {
        return IosArtifacts.forBackup();
    }
}
