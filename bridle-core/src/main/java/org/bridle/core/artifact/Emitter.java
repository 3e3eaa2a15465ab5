package org.bridle.core.artifact;

/**
 * Receives what an artifact reads from one file. Called from the thread that runs the artifact.
 *
 * @param <E> the artifact's entry type
 */
public interface Emitter<E> {

    /** An entry read from the file. */
    void entry(E entry);

    /** An entry that a heuristic of the artifact flags. */
    void entry(E entry, Finding finding);

    /** A heuristic detection about the file as a whole rather than one entry. */
    void alert(Finding finding);

    /** Something the report should say about this file that is neither an entry nor a detection. */
    void note(String message);
}
