package org.bridle.ios.backup;

import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
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
    private static final Pattern FILE_ID = Pattern.compile("[0-9a-f]{40}");

    private final Path root;
    private final List<ManifestRecord> records;
    private final Map<String, Map<String, ManifestRecord>> byDomain;
    private final BackupContent content;

    private IosBackup(Path root, List<ManifestRecord> records, BackupContent content) {
        this.root = root;
        this.records = records;
        this.content = content;
        this.byDomain = new HashMap<>();
        for (ManifestRecord r : records) {
            byDomain.computeIfAbsent(r.domain(), d -> new HashMap<>()).put(r.relativePath(), r);
        }
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

    /** Every Manifest.db record, in the order of the database. */
    public List<ManifestRecord> records() {
        return records;
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

    private static List<ManifestRecord> readManifest(Path root, SqliteEvidence db) throws InputException {
        List<ManifestRecord> records = new ArrayList<>();
        // a backup has hundreds of domains for hundreds of thousands of records: each record keeps the one copy
        Map<String, String> domains = new HashMap<>();
        try {
            SqliteEvidence.RowHandler read = row -> {
                String domain = Objects.requireNonNullElse(row.string("domain"), "");
                String shared = domains.putIfAbsent(domain, domain);
                String relativePath = row.string("relativePath");
                Long flags = row.integer("flags");
                records.add(new ManifestRecord(String.valueOf(row.string("fileID")), shared != null ? shared : domain,
                        relativePath == null ? "" : relativePath, flags == null ? 0 : flags.intValue()));
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
        return List.copyOf(records);
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
        for (ManifestRecord record : records) {
            if (record.isFile() && glob.mayMatchEnding(record.relativePath())
                    && BackupDomains.folderOf(record.domain()).isPresent()
                    && glob.matches(BackupDomains.devicePath(record.domain(), record.relativePath()))) {
                found.add(evidence(record));
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
        Set<String> domains = new HashSet<>();
        for (String domain : byDomain.keySet()) {
            if (domain.startsWith(prefix) && id.matches(domain.substring(prefix.length()))) {
                domains.add(domain);
            }
        }
        if (domains.isEmpty()) {
            return List.of();
        }
        Glob path = Glob.of(location.path());
        List<EvidenceFile> found = new ArrayList<>();
        for (ManifestRecord record : records) {
            if (record.isFile() && domains.contains(record.domain()) && path.matches(record.relativePath())) {
                found.add(evidence(record));
            }
        }
        return found;
    }

    /**
     * The file at a domain path: its Manifest.db record, else (unencrypted backups only) unlisted content stored
     * under its file id.
     */
    private Optional<EvidenceFile> exact(String domain, String relativePath) {
        ManifestRecord record = byDomain.getOrDefault(domain, Map.of()).get(relativePath);
        if (record != null) {
            return record.isFile() ? Optional.of(evidence(record)) : Optional.empty();
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
        Path stored = FILE_ID.matcher(id).matches()
                ? root.resolve(id.substring(0, 2)).resolve(id)
                : root.resolve("invalid-file-id");
        return content.file(record, BackupDomains.devicePath(record.domain(), record.relativePath()),
                id.substring(0, Math.min(2, id.length())) + "/" + id + " (" + record.domain() + ", "
                        + record.relativePath() + ")",
                stored, suffix -> sidecar(record, suffix));
    }

    private Optional<EvidenceFile> sidecar(ManifestRecord record, String suffix) {
        ManifestRecord sidecar = byDomain.getOrDefault(record.domain(), Map.of()).get(record.relativePath() + suffix);
        return sidecar != null && sidecar.isFile() ? Optional.of(evidence(sidecar)) : Optional.empty();
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
        records.stream().filter(ManifestRecord::isFile).map(this::evidence).forEach(visitor);
    }

    @Override
    public void close() {
        content.close();
    }
}
