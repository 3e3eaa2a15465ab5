package org.bridle.ios.fs;

import java.nio.file.Path;
import java.util.List;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.source.EvidenceKind;
import org.bridle.core.source.InputException;
import org.bridle.core.source.PasswordSource;
import org.bridle.core.source.Source;
import org.bridle.ios.artifacts.IosArtifacts;

/** The iOS filesystem dump as a kind of evidence the command line can check ({@code ios-fs}). */
public final class IosFsKind implements EvidenceKind {
    @Override
    public String id() {
        return "ios-fs";
    }

    @Override
    public Source open(Path input, PasswordSource passwords) throws InputException {
        return IosFilesystemDump.open(input);
    }

    @Override
    public List<Artifact<?>> artifacts() {
        return IosArtifacts.forFilesystem();
    }
}
