package org.bridle.ios.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.source.CopiedFile;
import org.bridle.core.source.EvidenceKind;
import org.bridle.core.source.InputException;
import org.bridle.core.source.PasswordSource;
import org.bridle.core.source.Source;
import org.bridle.ios.artifacts.IosArtifacts;

/** The iOS backup, encrypted or not, as a kind of evidence the command line can check ({@code ios-backup}). */
public final class IosBackupKind implements EvidenceKind {
    @Override
    public String id() {
        return "ios-backup";
    }

    @Override
    public Source open(Path input, PasswordSource passwords) throws InputException {
        return IosBackup.open(input, passwords);
    }

    @Override
    public List<CopiedFile> decryptCopy(Path input, Path destination, PasswordSource passwords)
            throws InputException, IOException {
        return DecryptedCopy.write(input, destination, passwords);
    }

    @Override
    public List<Artifact<?>> artifacts() {
        return IosArtifacts.forBackup();
    }
}
