package org.bridle.core.source;

import java.nio.file.Path;
import java.util.List;
import org.bridle.core.artifact.Artifact;

/**
 * A kind of evidence bridle can check (an iOS backup, …), found at run time through {@link java.util.ServiceLoader},
 * so the command line knows no platform at compile time.
 */
public interface EvidenceKind {

    /** A stable id such as {@code ios-backup}. */
    String id();

    /** Opens the evidence at {@code input}; fails with one sentence when it is not this kind or cannot be read. */
    Source open(Path input) throws InputException;

    /**
     * Opens evidence that may be encrypted, asking {@code passwords} only when it is; kinds that are never
     * encrypted need not override this.
     */
    default Source open(Path input, PasswordSupplier passwords) throws InputException {
        return open(input);
    }

    /** Every artifact that can be looked for in this kind of evidence, in report order. */
    List<Artifact<?>> artifacts();
}
