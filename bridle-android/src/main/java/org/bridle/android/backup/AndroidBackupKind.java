package org.bridle.android.backup;

import java.nio.file.Path;
import java.util.List;
import org.bridle.android.artifacts.AndroidArtifacts;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.source.EvidenceKind;
import org.bridle.core.source.InputException;
import org.bridle.core.source.PasswordSource;
import org.bridle.core.source.Source;

/** The {@code adb backup} as a kind of evidence ({@code android-backup}). */
public final class AndroidBackupKind implements EvidenceKind {
    @Override
    public String id() {
        return "android-backup";
    }

    @Override
    public Source open(Path input, PasswordSource passwords) throws InputException {
        return AndroidBackup.open(input, passwords);
    }

    @Override
    public List<Artifact<?>> artifacts() {
        return AndroidArtifacts.forBackup();
    }
}
