package org.bridle.android.artifacts;

import java.util.List;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.model.Observable;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * The device logs AndroidQF copies into {@code logs/} ({@code /data/anr/}, {@code /data/log/},
 * {@code /sdcard/log/}, {@code uiderrors.txt}, kernel and pstore logs), each under its device path: an inventory
 * whose paths are checked as file paths.
 *
 * <p>MVT's {@code aqf_log_timestamps} puts these files' modification times on the timeline, but AndroidQF copies
 * them with {@code adb pull} without {@code -a} (which alone keeps the device's times) or streams them into its
 * zip stamped with the time of copying, so those times are the acquisition's, not the device's: they are not put
 * on the timeline.
 */
public final class Logs implements Artifact<Logs.LogFile> {
    private static final String FOLDER = "@androidqf/logs/";

    /** One copied log: its path on the device and its size in bytes. */
    public record LogFile(String path, long size) {
    }

    @Override public String id() { return "logs"; }
    @Override public String description() { return "Device logs AndroidQF copied (logs/)"; }
    @Override public List<DevicePath> locations() { return List.of(DevicePath.of(FOLDER + "**")); }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<LogFile> out) throws Exception {
        out.entry(new LogFile("/" + file.devicePath().substring(FOLDER.length()), file.size()));
    }

    @Override
    public List<Observable> observables(LogFile f) {
        return List.of(Observable.filePath(f.path()));
    }
}
