package org.bridle.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bridle.testkit.ios.BackupEncryption;
import org.bridle.testkit.ios.MbFile;

/**
 * Writes an iOS backup folder as iTunes/Finder do: {@code Info.plist}, {@code Manifest.plist}, {@code Status.plist},
 * {@code Manifest.db} (table {@code Files}: fileID, domain, relativePath, flags, file) and each file's content at
 * {@code <first two hex digits of fileID>/<fileID>}, where fileID is the SHA-1 of {@code "<domain>-<relativePath>"}.
 * Each {@code file} blob is an NSKeyedArchiver {@code MBFile} with sizes, times and mode. With
 * {@link #encryptedWith} the backup is truly encrypted: Manifest.plist holds the keybag and ManifestKey, Manifest.db
 * and every file's content are encrypted, and each blob holds its file's wrapped key (see {@link BackupEncryption}).
 */
public final class BackupBuilder {
    /** Manifest flags: 1 file, 2 directory, 4 symbolic link. */
    public static final int FILE = 1;
    public static final int DIRECTORY = 2;

    private final Path root;
    private final Map<String, Object> info = new LinkedHashMap<>();
    private final List<Object[]> rows = new ArrayList<>();
    private boolean encrypted;
    private BackupEncryption encryption;
    private int protectionClass = BackupEncryption.DEFAULT_CLASS;
    private Instant time = Instant.parse("2021-01-15T10:00:00Z");

    /** A builder that writes into {@code root} (created when missing). */
    public BackupBuilder(Path root) {
        this.root = root;
        info.put("Device Name", "Test iPhone");
        info.put("Display Name", "Test iPhone");
        info.put("Product Type", "iPhone12,1");
        info.put("Product Version", "14.3");
        info.put("Build Version", "18C66");
        info.put("Serial Number", "F00000000000");
        info.put("IMEI", "350000000000000");
        info.put("Unique Identifier", "00008030-0000000000000000");
        info.put("Last Backup Date", Instant.parse("2021-01-20T12:00:00Z"));
        info.put("iTunes Version", "12.11");
    }

    /** Sets (or, with null, removes) a key of Info.plist. */
    public BackupBuilder info(String key, Object value) {
        if (value == null) {
            info.remove(key);
        } else {
            info.put(key, value);
        }
        return this;
    }

    /**
     * Encrypts the backup: call before adding files, whose content is encrypted as it is added.
     */
    public BackupBuilder encryptedWith(BackupEncryption encryption) {
        this.encryption = encryption;
        return this;
    }

    /** The protection class of the files added after this call, in an encrypted backup. */
    public BackupBuilder protectionClass(int protectionClass) {
        this.protectionClass = protectionClass;
        return this;
    }

    /** Marks the backup as encrypted in Manifest.plist only, without a keybag (its files are written as given). */
    public BackupBuilder encrypted(boolean encrypted) {
        this.encrypted = encrypted;
        return this;
    }

    /** The modification time given to the files added after this call. */
    public BackupBuilder time(Instant time) {
        this.time = time;
        return this;
    }

    /** Adds a file with its content. */
    public BackupBuilder file(String domain, String relativePath, byte[] content) {
        return fileStoredAs(fileId(domain, relativePath), domain, relativePath, content);
    }

    /**
     * Adds a file with its content, listed and stored under {@code id} rather than the id iOS would give it (for
     * tests of odd or duplicate records).
     */
    public BackupBuilder fileStoredAs(String id, String domain, String relativePath, byte[] content) {
        MbFile metadata = MbFile.file(relativePath, content.length);
        byte[] stored = content;
        if (encryption != null) {
            BackupEncryption.StoredKey key = encryption.newKey(protectionClass);
            stored = BackupEncryption.encrypt(key.key(), content);
            metadata.protectionClass(protectionClass).encryptionKey(key.stored());
        }
        write(id, stored);
        rows.add(new Object[] {id, domain, relativePath, FILE, mbFile(metadata)});
        return this;
    }

    /** Adds a text file. */
    public BackupBuilder file(String domain, String relativePath, String content) {
        return file(domain, relativePath, content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes a file's content under its file id without listing it in Manifest.db (as backups hold WhatsApp's
     * LID.sqlite).
     */
    public BackupBuilder unlistedFile(String domain, String relativePath, byte[] content) {
        write(fileId(domain, relativePath), content);
        return this;
    }

    private void write(String id, byte[] content) {
        try {
            Path target = root.resolve(id.substring(0, 2)).resolve(id);
            Files.createDirectories(target.getParent());
            Files.write(target, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lists a file in Manifest.db without writing its content (as in a backup that lost it). */
    public BackupBuilder listedOnly(String domain, String relativePath, long size) {
        rows.add(new Object[] {fileId(domain, relativePath), domain, relativePath, FILE,
            mbFile(MbFile.file(relativePath, size))});
        return this;
    }

    /** Adds a directory record. */
    public BackupBuilder directory(String domain, String relativePath) {
        rows.add(new Object[] {fileId(domain, relativePath), domain, relativePath, DIRECTORY,
            mbFile(MbFile.directory(relativePath))});
        return this;
    }

    /** Adds a Manifest.db record with a raw (possibly malformed) file blob, for tests of bad input. */
    public BackupBuilder rawRecord(String domain, String relativePath, int flags, byte[] blob) {
        rows.add(new Object[] {fileId(domain, relativePath), domain, relativePath, flags, blob});
        return this;
    }

    /** Writes Info.plist, Manifest.plist, Status.plist and Manifest.db; returns the backup folder. */
    public Path build() {
        try {
            Files.createDirectories(root);
            Files.write(root.resolve("Info.plist"), PlistFixture.xml(info));
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("IsEncrypted", encrypted || encryption != null);
            BackupEncryption.StoredKey manifestKey = null;
            if (encryption != null) {
                manifestKey = encryption.newKey(BackupEncryption.MANIFEST_CLASS);
                manifest.put("BackupKeyBag", encryption.keyBag());
                if (encryption.hasManifestKey()) {
                    manifest.put("ManifestKey", manifestKey.stored());
                }
            }
            manifest.put("Version", "10.0");
            manifest.put("Date", info.getOrDefault("Last Backup Date", time));
            manifest.put("Lockdown", Map.of("ProductVersion", info.getOrDefault("Product Version", "14.3"),
                    "BuildVersion", info.getOrDefault("Build Version", "18C66")));
            Files.write(root.resolve("Manifest.plist"), PlistFixture.binary(manifest));
            Files.write(root.resolve("Status.plist"), PlistFixture.binary(Map.of(
                    "IsFullBackup", false, "Version", "3.3", "BackupState", "new", "SnapshotState", "finished")));
            Path db = root.resolve("Manifest.db");
            Files.deleteIfExists(db);
            try (SqliteFixture manifestDb = SqliteFixture.create(db)) {
                manifestDb.execute("CREATE TABLE Files (fileID TEXT PRIMARY KEY, domain TEXT, relativePath TEXT, "
                        + "flags INTEGER, file BLOB)");
                manifestDb.execute("CREATE INDEX FilesDomainIdx ON Files(domain)");
                manifestDb.execute("CREATE TABLE Properties (key TEXT PRIMARY KEY, value BLOB)");
                manifestDb.insert("INSERT INTO Files VALUES (?, ?, ?, ?, ?)", rows);
            }
            if (manifestKey != null) {
                Files.write(db, BackupEncryption.encrypt(manifestKey.key(), Files.readAllBytes(db)));
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The backup file id of a domain and relative path: SHA-1 of {@code "<domain>-<relativePath>"}, in hex. */
    public static String fileId(String domain, String relativePath) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(sha1.digest((domain + "-" + relativePath).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] mbFile(MbFile file) {
        return file.inode(1000L + rows.size()).times(time, time, time).bytes();
    }
}
