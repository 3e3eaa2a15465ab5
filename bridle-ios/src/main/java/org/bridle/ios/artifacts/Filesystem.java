package org.bridle.ios.artifacts;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.model.Observable;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;
import org.bridle.ios.fs.DumpEntry;
import org.bridle.ios.fs.DumpListing;

/**
 * {@code filesystem}: every file, folder and link of a filesystem dump, from the dump's file listing. Each path is
 * checked against file-path and file-name indicators, and each entry's name against process indicators: as the
 * listing holds every folder on the way to a file, every path component is checked once, as the name of its own
 * entry (rather than again in each path below it). Modification times go on the timeline. The entries the dump
 * source left out as unsafe (hostile archive entries) become notes.
 */
public final class Filesystem implements Artifact<Filesystem.Entry> {

    /**
     * One file, folder or link.
     *
     * @param path its absolute path on the device, such as {@code /private/var/db/x}
     * @param type {@code file}, {@code folder} or {@code link}
     * @param size the content's size in bytes (0 for folders and links)
     * @param modified when it was last modified; null when the dump does not say
     */
    public record Entry(String path, String type, long size, Instant modified) {
    }

    @Override
    public String id() {
        return "filesystem";
    }

    @Override
    public String description() {
        return "Every path of a filesystem dump with its modification time, checked as file paths and process names";
    }

    @Override
    public List<DevicePath> locations() {
        return List.of(DevicePath.of("@listing/"));
    }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<Entry> out) throws Exception {
        try (InputStream in = file.open()) {
            DumpListing.read(in, new DumpListing.Visitor() {
                @Override
                public void entry(DumpEntry e) {
                    out.entry(new Entry("/" + e.path(), e.type().name().toLowerCase(Locale.ROOT), e.size(),
                            e.modified()));
                }

                @Override
                public void problem(String text) {
                    out.note(text);
                }
            });
        }
    }

    @Override
    public List<Observable> observables(Entry entry) {
        String name = entry.path().substring(entry.path().lastIndexOf('/') + 1);
        return List.of(Observable.filePath(entry.path()), Observable.process(name));
    }

    @Override
    public List<TimelineEvent> timeline(Entry entry) {
        return entry.modified() == null ? List.of()
                : List.of(new TimelineEvent(entry.modified(), id(), "entry_modified", entry.path()));
    }
}
