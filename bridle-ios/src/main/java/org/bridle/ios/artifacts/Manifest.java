package org.bridle.ios.artifacts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.io.EvidenceFormatException;
import org.bridle.core.io.KeyedArchive;
import org.bridle.core.io.SqlRow;
import org.bridle.core.io.SqliteEvidence;
import org.bridle.core.model.Observable;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;
import org.bridle.ios.artifacts.MbFileValues.Field;
import org.bridle.ios.backup.BackupDomains;

/**
 * {@code manifest}: every file and folder a backup lists in Manifest.db, with the size, mode, owner and times of its
 * {@code MBFile} metadata. File paths are checked against file indicators, and the web origins that WebKit names its
 * website-data files after ({@code https_<domain>_0.localstorage}) against domain indicators.
 */
public final class Manifest implements Artifact<Manifest.BackupFile> {
    /** A path segment WebKit names after a web origin: scheme, host and port joined by underscores. */
    private static final Pattern ORIGIN = Pattern.compile(
            "https?_([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)_\\d+(?:\\..*)?", Pattern.CASE_INSENSITIVE);
    /** The name of a timeline event, by which times fall on it: modified 4, status changed 2, born 1. */
    private static final String[] MACB = {"----", "---B", "--C-", "--CB", "M---", "M--B", "M-C-", "M-CB"};

    /**
     * One Manifest.db record; metadata its blob lacks (or that cannot be decoded) is null.
     *
     * @param fileId the SHA-1 the content is stored under
     * @param domain the backup domain
     * @param relativePath the path inside the domain
     * @param flags 1 file, 2 folder, 4 symbolic link
     * @param created when the file was created (birth)
     * @param modified when its content was last modified
     * @param statusChanged when its metadata last changed
     * @param mode the file mode in octal, as MVT writes it ({@code 0o100644})
     * @param owner the owner's user id
     * @param group the owner's group id
     * @param size the size in bytes
     * @param inode the inode number on the device
     */
    public record BackupFile(String fileId, String domain, String relativePath, Long flags, Instant created,
                             Instant modified, Instant statusChanged, String mode, Long owner, Long group, Long size,
                             Long inode) {
    }

    @Override
    public String id() {
        return "manifest";
    }

    @Override
    public String description() {
        return "Every file a backup lists, with its metadata, from Manifest.db";
    }

    @Override
    public List<DevicePath> locations() {
        return List.of(DevicePath.of("@backup/Manifest.db"));
    }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<BackupFile> out) throws Exception {
        try (SqliteEvidence db = context.database(file, out)) {
            if (!db.hasTable("Files")) {
                out.note("Manifest.db has no Files table");
                return;
            }
            long[] undecodable = {0};
            db.scan("Files", row -> {
                byte[] blob = row.bytes("file");
                MbFileValues metadata = metadata(blob);
                if (metadata == null && blob != null) {
                    undecodable[0]++;
                }
                out.entry(record(row, metadata == null ? MbFileValues.NONE : metadata));
            });
            if (undecodable[0] > 0) {
                out.note(undecodable[0] + " record(s) have a metadata blob that cannot be decoded; their times, "
                        + "mode, owner and size are left empty");
            }
        }
    }

    /**
     * The fields of an MBFile blob, or null when there is no blob or it is not a keyed archive of an object. The
     * plain blobs iOS writes are read directly ({@link MbFileFields}); others go through {@link KeyedArchive}.
     */
    private static MbFileValues metadata(byte[] blob) {
        if (blob == null) {
            return null;
        }
        MbFileValues plain = MbFileFields.read(blob);
        if (plain != null) {
            return plain;
        }
        try {
            return KeyedArchive.decode(blob) instanceof Map<?, ?> map ? MbFileValues.of(map) : null;
        } catch (EvidenceFormatException e) {
            return null;
        }
    }

    private static BackupFile record(SqlRow row, MbFileValues metadata) throws Exception {
        Long mode = metadata.number(Field.MODE);
        return new BackupFile(row.string("fileID"), row.string("domain"), row.string("relativePath"),
                row.integer("flags"), metadata.time(Field.BIRTH), metadata.time(Field.LAST_MODIFIED),
                metadata.time(Field.LAST_STATUS_CHANGE), mode == null ? null : "0o" + Long.toOctalString(mode),
                metadata.number(Field.USER_ID), metadata.number(Field.GROUP_ID), metadata.number(Field.SIZE),
                metadata.number(Field.INODE_NUMBER));
    }

    /**
     * The file's path on the device (absolute under the device root, {@code @app/<id>/…} in a container), the path
     * inside its domain with a leading slash (as MVT checks it), and the domains of web origins in the path.
     */
    @Override
    public List<Observable> observables(BackupFile file) {
        String relativePath = file.relativePath();
        if (relativePath == null || relativePath.isEmpty()) {
            return List.of();
        }
        String devicePath = BackupDomains.devicePath(file.domain() == null ? "" : file.domain(), relativePath);
        List<Observable> observables = new ArrayList<>(2);
        addOnce(observables, Observable.filePath(devicePath.startsWith("@") ? devicePath : "/" + devicePath));
        addOnce(observables, Observable.filePath("/" + relativePath));
        for (int start = 0; start < relativePath.length(); ) {
            int end = relativePath.indexOf('/', start);
            end = end < 0 ? relativePath.length() : end;
            if (relativePath.regionMatches(true, start, "http", 0, 4)) {
                Matcher origin = ORIGIN.matcher(relativePath).region(start, end);
                if (origin.matches()) {
                    addOnce(observables, Observable.domain(origin.group(1).toLowerCase(Locale.ROOT)));
                }
            }
            start = end + 1;
        }
        return observables;
    }

    private static void addOnce(List<Observable> observables, Observable observable) {
        if (!observables.contains(observable)) {
            observables.add(observable);
        }
    }

    /**
     * One event per distinct time, named by the times that fall on it, as MVT does: {@code M} modified, {@code C}
     * status changed, {@code B} born (created); the access time is not recorded ({@code -}).
     */
    @Override
    public List<TimelineEvent> timeline(BackupFile file) {
        Instant[] times = {file.created(), file.modified(), file.statusChanged()};
        String relativePath = String.valueOf(file.relativePath());
        String domain = String.valueOf(file.domain());
        // sized at once: the concatenation's builder would grow, copying
        String description = new StringBuilder(relativePath.length() + 3 + domain.length()).append(relativePath)
                .append(" - ").append(domain).toString();
        List<TimelineEvent> timeline = new ArrayList<>(times.length);
        for (int i = 0; i < times.length; i++) {
            Instant time = times[i];
            if (time != null && !earlier(times, i)) {
                int macb = (time.equals(file.modified()) ? 4 : 0) + (time.equals(file.statusChanged()) ? 2 : 0)
                        + (time.equals(file.created()) ? 1 : 0);
                timeline.add(new TimelineEvent(time, id(), MACB[macb], description));
            }
        }
        return timeline;
    }

    /** True when {@code times[i]} is also one of the times before it. */
    private static boolean earlier(Instant[] times, int i) {
        for (int j = 0; j < i; j++) {
            if (times[i].equals(times[j])) {
                return true;
            }
        }
        return false;
    }
}
