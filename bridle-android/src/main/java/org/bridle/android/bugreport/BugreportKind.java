package org.bridle.android.bugreport;

import java.nio.file.Path;
import java.util.List;
import org.bridle.android.artifacts.AndroidArtifacts;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.source.EvidenceKind;
import org.bridle.core.source.InputException;
import org.bridle.core.source.PasswordSource;
import org.bridle.core.source.Source;

/** The Android bugreport as a kind of evidence ({@code android-bugreport}). */
public final class BugreportKind implements EvidenceKind {
    @Override
    public String id() {
        return "android-bugreport";
    }

    @Override
    public Source open(Path input, PasswordSource passwords) throws InputException {
        return Bugreport.open(input);
    }

    @Override
    public List<Artifact<?>> artifacts() {
        return AndroidArtifacts.forBugreport();
    }
}
