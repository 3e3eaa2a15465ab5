package org.bridle.ios.backup;

import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.bridle.core.io.EvidenceFormatException;
import org.bridle.core.io.Hashing;
import org.bridle.core.io.Plists;
import org.bridle.core.io.ScratchDirectory;
import org.bridle.core.io.SqliteEvidence;
import org.bridle.core.io.SqliteRecovery;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;
import org.bridle.core.source.Glob;
import org.bridle.core.source.InputException;
import org.bridle.core.source.LocalEvidenceFile;
import org.bridle.core.source.PasswordSource;
import org.bridle.core.source.Source;

/**
 * An iOS backup folder as iTunes, Finder or libimobiledevice write it: Info.plist, Manifest.plist and Manifest.db,
 * and each file's content at {@code <xx>/<fileID>}. Device locations resolve through Manifest.db's domains (see
 * {@link BackupDomains}); the folder's own files through {@code @backup/<name>}. An encrypted backup (IsEncrypted in
 * Manifest.plist) is checked in place: its files are decrypted as they are read (see {@link EncryptedContent}), and
 * {@code @backup/Manifest.db} is the decrypted database, held in memory. In an unencrypted backup, an exact location
 * that Manifest.db does not list is still found when the folder holds its content under the file id iOS would give
 * it (the SHA-1 of {@code <domain>-<relative path>}), as some backups hold WhatsApp's LID.sqlite; an encrypted
 * backup cannot be read so, since the key of such a file would be in its missing Manifest.db record.
 */
public final class IosBackup implements Source {
    private final Path root;
    private final ManifestIndex index;
    private final BackupContent content;

    private IosBackup(Path root, ManifestIndex index, BackupContent content) {
        this.root = root;
        this.index = index;
        this.content = content;
    }

    /**
     * Opens an unencrypted backup folder, or a folder holding exactly one backup folder.
     *
     * @throws InputException when the folder is not a backup, is encrypted, or its Manifest.db cannot be read
     */
    public static IosBackup open(Path input) throws InputException {
        return open(input, PasswordSource.NONE);
    }

    /**
     * Opens a backup folder, or a folder holding exactly one backup folder, asking {@code passwords} only when the
     * backup is encrypted.
     *
     * @throws InputException when the folder is not a backup, its Manifest.db cannot be read, or it is encrypted and
     *                        the password is missing or wrong, or its keys are malformed
     */
    public static IosBackup open(Path input, PasswordSource passwords) throws InputException {
        Path root = locate(input);
        if (!isEncrypted(root)) {
            Path manifest = root.resolve("Manifest.db");
            try (ScratchDirectory scratch = ScratchDirectory.create();
                 SqliteEvidence db = openManifest(root, BackupContent.PLAIN.own("Manifest.db", manifest), scratch)) {
                return new IosBackup(root, readManifest(root, db), BackupContent.PLAIN);
            }
        }
        EncryptedContent encrypted = EncryptedContent.open(root, passwords);
        try {
            return new IosBackup(root, readManifest(root, encrypted.manifest()), encrypted);
        } catch (InputException | RuntimeException e) {
            encrypted.close();
            throw e;
        }
    }
    /** The backup folder itself (after looking into a parent folder). */
    public Path root() {
        return root;
    }

    /** Every Manifest.db record, in the order of the database (an unmodifiable list). */
    public List<ManifestRecord> records() {
        return index.records();
    }

    static Path locate(Path input) throws InputException {
        if (!Files.exists(input)) {
            throw new InputException(input + " does not exist.");
        }
        if (!Files.isDirectory(input)) {
            throw new InputException(input + " is a file, not a backup folder: give the folder that holds Manifest.db and Info.plist.");
        }
        if (isBackup(input)) {
            return input;
        }
        List<Path> candidates;
        try (Stream<Path> children = Files.list(input)) {
            candidates = children.filter(Files::isDirectory).filter(IosBackup::isBackup).sorted().toList();
        } catch (IOException e) {
            throw new InputException("The folder " + input + " cannot be read: " + e.getMessage() + ".", e);
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (candidates.isEmpty()) {
            throw new InputException(input + " is not an iOS backup: it holds no Manifest.db and Info.plist, nor does any folder directly inside it.");
        }
        throw new InputException(input + " holds " + candidates.size() + " backups; name one of them: "
                + String.join(", ", candidates.stream().map(p -> p.getFileName().toString()).toList()) + ".");
    }

    private static boolean isBackup(Path folder) {
        return Files.isRegularFile(folder.resolve("Manifest.db")) && Files.isRegularFile(folder.resolve("Info.plist"));
    }

    /** True when Manifest.plist says the backup is encrypted; an unreadable Manifest.plist says nothing. */
    static boolean isEncrypted(Path root) {
        Path manifestPlist = root.resolve("Manifest.plist");
        if (!Files.isRegularFile(manifestPlist)) {
            return false;
        }
        try {
            NSObject parsed = Plists.parse(Files.readAllBytes(manifestPlist));
            return parsed instanceof NSDictionary d && d.get("IsEncrypted") instanceof NSNumber n && n.boolValue();
        } catch (IOException | EvidenceFormatException e) {
            return false;
        }
    }

    /**
     * Opens a backup's Manifest.db, checking that it has a Files table. A damaged manifest is the whole input's
     * problem: salvaging part of it would hide files silently, so it is never recovered.
     */
    static SqliteEvidence openManifest(Path root, EvidenceFile manifest, ScratchDirectory scratch)
            throws InputException {
        try {
            SqliteEvidence db = SqliteEvidence.open(manifest, scratch, SqliteRecovery.none());
            if (!db.hasTable("Files")) {
                db.close();
                throw new InputException("Manifest.db in " + root + " has no Files table: it is not the manifest of an iOS backup.");
            }
            return db;
        } catch (EvidenceFormatException e) {
            throw new InputException("Manifest.db in " + root + " cannot be read: " + e.getMessage()
                    + " (a backup that is incomplete or damaged looks like this).", e);
        } catch (IOException | java.sql.SQLException e) {
            throw new InputException("Manifest.db in " + root + " cannot be read: " + e.getMessage() + ".", e);
        }
    }

    private static ManifestIndex readManifest(Path root, SqliteEvidence db) throws InputException {
        ManifestIndex.Builder records = new ManifestIndex.Builder();
        try {
            SqliteEvidence.RowHandler read = row -> {
                String relativePath = row.string("relativePath");
                Long flags = row.integer("flags");
                records.add(String.valueOf(row.string("fileID")), Objects.requireNonNullElse(row.string("domain"), ""),
                        relativePath == null ? "" : relativePath, flags == null ? 0 : flags.intValue());
            };
            if (db.columns("Files").containsAll(List.of("fileID", "domain", "relativePath", "flags"))) {
                db.scan("Files", read);
            } else {
                // fails as it always has, naming the missing column
                db.query("SELECT fileID, domain, relativePath, flags FROM Files ORDER BY rowid", read);
            }
        } catch (Exception e) {
            throw new InputException("Manifest.db in " + root + " cannot be read: " + e.getMessage() + ".", e);
        }
        return records.build();
    }

    @Override
    public String description() {
        return (content == BackupContent.PLAIN ? "iOS backup at " : "encrypted iOS backup at ") + root;
    }

    @Override
    public List<EvidenceFile> resolve(DevicePath location) {
        return switch (location.container()) {
            case BACKUP -> backupFile(location.path());
            case LISTING -> List.of();
            case ROOT -> location.isPattern() ? rootPattern(location.path()) : rootExact(location.path());
            default -> container(location);
        };
    }

    private List<EvidenceFile> backupFile(String name) {
        Path file = root.resolve(name).normalize();
        if (name.contains("/") || !file.startsWith(root) || !Files.isRegularFile(file)) {
            return List.of();
        }
        return List.of(content.own(name, file));
    }

    private List<EvidenceFile> rootExact(String devicePath) {
        List<EvidenceFile> found = new ArrayList<>();
        for (BackupDomains.DomainPath dp : BackupDomains.forRootPath(devicePath)) {
            exact(dp.domain(), dp.relativePath()).ifPresent(found::add);
        }
        return found;
    }

    private List<EvidenceFile> rootPattern(String pattern) {
        Glob glob = Glob.of(pattern);
        List<EvidenceFile> found = new ArrayList<>();
        for (int p = 0; p < index.size(); p++) {
            if (index.isFile(p) && glob.mayMatchEnding(index.relativePath(p))
                    && BackupDomains.folderOf(index.domain(p)).isPresent()
                    && glob.matches(BackupDomains.devicePath(index.domain(p), index.relativePath(p)))) {
                found.add(evidence(index.record(p)));
            }
        }
        return found;
    }

    private List<EvidenceFile> container(DevicePath location) {
        String prefix = BackupDomains.containerPrefix(location.container());
        if (!location.isPattern()) {
            return exact(prefix + location.containerId(), location.path()).stream().toList();
        }
        Glob id = Glob.of(location.containerId());
        int[] inDomains = index.positionsIn(
                domain -> domain.startsWith(prefix) && id.matches(domain.substring(prefix.length())));
        if (inDomains.length == 0) {
            return List.of();
        }
        Glob path = Glob.of(location.path());
        List<EvidenceFile> found = new ArrayList<>();
        for (int p : inDomains) {
            if (index.isFile(p) && path.matches(index.relativePath(p))) {
                found.add(evidence(index.record(p)));
            }
        }
        return found;
    }

    /**
     * The file at a domain path: its Manifest.db record, else (unencrypted backups only) unlisted content stored
     * under its file id.
     */
    private Optional<EvidenceFile> exact(String domain, String relativePath) {
        int position = index.find(domain, relativePath);
        if (position >= 0) {
            return index.isFile(position) ? Optional.of(evidence(index.record(position))) : Optional.empty();
        }
        if (content != BackupContent.PLAIN) {
            return Optional.empty();
        }
        String id = Hashing.hex("SHA-1", (domain + "-" + relativePath).getBytes(StandardCharsets.UTF_8));
        Path stored = root.resolve(id.substring(0, 2)).resolve(id);
        if (!Files.isRegularFile(stored)) {
            return Optional.empty();
        }
        return Optional.of(new LocalEvidenceFile(BackupDomains.devicePath(domain, relativePath),
                id.substring(0, 2) + "/" + id + " (" + domain + ", " + relativePath + ", not listed in Manifest.db)",
                stored, suffix -> Optional.empty()));
    }

    /** The evidence file of a record (decrypted as it is read, in an encrypted backup). */
    EvidenceFile evidence(ManifestRecord record) {
        String id = record.fileId().toLowerCase(java.util.Locale.ROOT);
        Path stored = FileIds.isFileId(id)
                ? root.resolve(id.substring(0, 2)).resolve(id)
                : root.resolve("invalid-file-id");
        return content.file(record, BackupDomains.devicePath(record.domain(), record.relativePath()),
                id.substring(0, Math.min(2, id.length())) + "/" + id + " (" + record.domain() + ", "
                        + record.relativePath() + ")",
                stored, suffix -> sidecar(record, suffix));
    }

    private Optional<EvidenceFile> sidecar(ManifestRecord record, String suffix) {
        int sidecar = index.find(record.domain(), record.relativePath() + suffix);
        return sidecar >= 0 && index.isFile(sidecar) ? Optional.of(evidence(index.record(sidecar))) : Optional.empty();
    }

    /**
     * Visits the backup folder's own files ({@code Info.plist}, {@code Manifest.plist}, {@code Status.plist},
     * {@code Manifest.db}…, as {@code @backup/<name>}, by name), then every file Manifest.db lists.
     */
    @Override
    public void forEachFile(Consumer<EvidenceFile> visitor) throws IOException {
        List<Path> own;
        try (Stream<Path> children = Files.list(root)) {
            own = children.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : own) {
            String name = file.getFileName().toString();
            visitor.accept(content.own(name, file));
        }
        for (int p = 0; p < index.size(); p++) {
            if (index.isFile(p)) {
                visitor.accept(evidence(index.record(p)));
            }
        }
    }

    @Override
    public void close() {
        content.close();
    }
}
