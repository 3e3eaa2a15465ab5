package org.bridle.core.artifact;

import java.util.List;
import org.bridle.core.model.Observable;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * One kind of device file: where it lives, how to parse it into typed entries, and what each entry carries.
 *
 * <p>An artifact never knows which source it reads from, and never checks indicators itself: the scan engine
 * matches the {@link #observables(Object) observables} of every entry. Implementations are stateless and
 * thread-safe; state of one parse lives in local variables of {@link #parse}.
 *
 * @param <E> the entry type, a Java record whose components become the fields of {@code <id>.json}
 */
public interface Artifact<E> {

    /** A snake_case id that names the report files ({@code sms.json}) and the artifact in the timeline. */
    String id();

    /** One line saying what this artifact reads, for {@code --list-artifacts}. */
    String description();

    /** Where the file lives on the device; a source resolves each to zero or more evidence files. */
    List<DevicePath> locations();

    /**
     * Parses one evidence file, handing each entry to {@code out} as it is read (never all at once).
     *
     * @throws Exception when the file is corrupt or not what was expected; the engine records it as a failure
     *     of this artifact on this file, keeps the entries already emitted, and goes on
     */
    void parse(EvidenceFile file, ParseContext context, Emitter<E> out) throws Exception;

    /** The values of an entry to check against indicators. */
    default List<Observable> observables(E entry) {
        return List.of();
    }

    /** The timeline events an entry produces. */
    default List<TimelineEvent> timeline(E entry) {
        return List.of();
    }
}
