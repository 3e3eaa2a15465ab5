package org.bridle.core.source;

import java.io.IOException;
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

    /**
     * Opens the evidence at {@code input}, asking {@code passwords} only if it is encrypted (kinds that are never
     * encrypted do not ask); fails with one sentence when it is not this kind, cannot be read, or the password is
     * wrong.
     */
    Source open(Path input, PasswordSource passwords) throws InputException;

    /**
     * Writes a decrypted copy of encrypted evidence into the empty folder {@code destination}, in the evidence's own
     * layout, and lists what was written. Kinds that are never encrypted refuse.
     *
     * @throws InputException when the evidence cannot be read or decrypted (one sentence)
     * @throws IOException when the copy cannot be written
     */
    default List<CopiedFile> decryptCopy(Path input, Path destination, PasswordSource passwords)
            throws InputException, IOException {
        throw new InputException("Evidence of the kind " + id() + " is never encrypted: there is nothing to decrypt.");
    }

    /** Every artifact that can be looked for in this kind of evidence, in report order. */
    List<Artifact<?>> artifacts();
}
