package org.bridle.android.androidqf;

import java.nio.file.Path;
import java.util.List;
import org.bridle.android.artifacts.AndroidArtifacts;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.source.EvidenceKind;
import org.bridle.core.source.InputException;
import org.bridle.core.source.PasswordSource;
import org.bridle.core.source.Source;

/** The AndroidQF acquisition as a kind of evidence ({@code android-androidqf}). */
public final class AndroidQfKind implements EvidenceKind {
    @Override
    public String id() {
        return "android-androidqf";
    }

    @Override
    public Source open(Path input, PasswordSource passwords) throws InputException {
        return AndroidQf.open(input, passwords);
    }

    @Override
    public List<Artifact<?>> artifacts() {
        return AndroidArtifacts.forAndroidQf();
    }
}
