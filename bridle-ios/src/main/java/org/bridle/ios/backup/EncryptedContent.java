package org.bridle.ios.backup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.bridle.core.io.EvidenceFormatException;
import org.bridle.core.io.Plists;
import org.bridle.core.io.ScratchDirectory;
import org.bridle.core.io.SqliteEvidence;
import org.bridle.core.source.EvidenceFile;
import org.bridle.core.source.InputException;
import org.bridle.core.source.LocalEvidenceFile;
import org.bridle.core.source.MemoryEvidenceFile;
import org.bridle.core.source.PasswordSource;
import org.bridle.ios.backup.crypto.CbcDecryption;
import org.bridle.ios.backup.crypto.ClassKeys;
import org.bridle.ios.backup.crypto.KeyBag;
import org.bridle.ios.backup.crypto.KeyBagException;
import org.bridle.ios.backup.crypto.WrongPasswordException;

/**
 * The content of an encrypted backup. Opening it parses the keybag, asks for the password, derives the password key
 * once, unwraps the class keys, and decrypts Manifest.db into memory (AES-256-CBC, zero IV, under the key stored in
 * Manifest.plist's {@code ManifestKey}); the database stays open in memory for the files' keys. Each file is then
 * decrypted as it is read (see {@link DecryptedEvidenceFile}); nothing decrypted is written anywhere.
 */
final class EncryptedContent implements BackupContent {
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private final ClassKeys keys;
    private final MemoryEvidenceFile manifestFile;
    private final ScratchDirectory scratch;
    private final SqliteEvidence manifest;

    private EncryptedContent(ClassKeys keys, MemoryEvidenceFile manifestFile, ScratchDirectory scratch,
                             SqliteEvidence manifest) {
        this.keys = keys;
        this.manifestFile = manifestFile;
        this.scratch = scratch;
        this.manifest = manifest;
    }

    /** Unlocks the backup at {@code root}; every failure is one sentence. */
    static EncryptedContent open(Path root, PasswordSource passwords) throws InputException {
        Map<String, Object> plist = manifestPlist(root);
        if (!(plist.get("BackupKeyBag") instanceof byte[] keyBagBytes)) {
            throw new InputException("The backup at " + root + " is encrypted, but its Manifest.plist holds no keybag "
                    + "(BackupKeyBag): the backup is incomplete or damaged.");
        }
        KeyBag keyBag;
        try {
            keyBag = KeyBag.parse(keyBagBytes);
        } catch (KeyBagException e) {
            throw new InputException("The keybag of the encrypted backup at " + root
                    + " (BackupKeyBag in Manifest.plist) is malformed: " + e.getMessage() + ".", e);
        }
        byte[] stored = read(root.resolve("Manifest.db"), root);
        byte[] manifestKey = plist.get("ManifestKey") instanceof byte[] k ? k : null;
        if (manifestKey == null && !hasSqliteMagic(stored)) {
            throw new InputException("The encrypted backup at " + root + " has no ManifestKey in its Manifest.plist, "
                    + "so its Manifest.db cannot be decrypted: the backup is incomplete or damaged.");
        }
        ClassKeys keys = unlock(keyBag, passwords, root);
        byte[] database = manifestKey == null ? stored : decryptManifest(keys, manifestKey, stored, root);
        MemoryEvidenceFile manifestFile = new MemoryEvidenceFile("@backup/Manifest.db", "Manifest.db (decrypted)",
                database);
        ScratchDirectory scratch = ScratchDirectory.create();
        try {
            return new EncryptedContent(keys, manifestFile, scratch, IosBackup.openManifest(root, manifestFile, scratch));
        } catch (InputException e) {
            scratch.close();
            throw e;
        }
    }

    private static Map<String, Object> manifestPlist(Path root) throws InputException {
        try {
            return Plists.parseMap(read(root.resolve("Manifest.plist"), root));
        } catch (EvidenceFormatException e) {
            throw new InputException("Manifest.plist of the backup at " + root + " cannot be read: " + e.getMessage()
                    + ".", e);
        }
    }

    private static byte[] read(Path file, Path root) throws InputException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException(file.getFileName() + " of the backup at " + root + " cannot be read: "
                    + e.getMessage() + ".", e);
        }
    }

    private static ClassKeys unlock(KeyBag keyBag, PasswordSource passwords, Path root) throws InputException {
        char[] password = passwords.password("the encrypted backup at " + root);
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] utf8 = Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
        Arrays.fill(password, '\0');
        Arrays.fill(encoded.array(), (byte) 0);
        try {
            if (utf8.length == 0) {
                throw new InputException("The password of the encrypted backup at " + root + " is empty.");
            }
            return keyBag.unlock(utf8);
        } catch (WrongPasswordException e) {
            throw new InputException("The backup at " + root + " cannot be decrypted: the password is wrong.", e);
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
    }

    /** Decrypts Manifest.db and cuts the padding by the page size its header gives. */
    private static byte[] decryptManifest(ClassKeys keys, byte[] manifestKey, byte[] stored, Path root)
            throws InputException {
        try {
            byte[] key = keys.unwrap(manifestKey);
            byte[] plain = CbcDecryption.decryptAll(stored, key);
            Arrays.fill(key, (byte) 0);
            if (!hasSqliteMagic(plain)) {
                throw new IOException("it does not decrypt to an SQLite database");
            }
            int pageSize = ((plain[16] & 0xff) << 8) | (plain[17] & 0xff);
            pageSize = pageSize == 1 ? 65536 : pageSize;
            int length = pageSize >= 512 ? plain.length - plain.length % pageSize : plain.length;
            return length == plain.length ? plain : Arrays.copyOf(plain, length);
        } catch (IOException e) {
            throw new InputException("Manifest.db of the encrypted backup at " + root + " cannot be decrypted: "
                    + e.getMessage() + " (the backup is damaged).", e);
        }
    }

    private static boolean hasSqliteMagic(byte[] data) {
        return data.length >= SQLITE_MAGIC.length
                && Arrays.equals(data, 0, SQLITE_MAGIC.length, SQLITE_MAGIC, 0, SQLITE_MAGIC.length);
    }

    /** The decrypted Manifest.db, open in memory. */
    SqliteEvidence manifest() {
        return manifest;
    }

    /** The record's {@code file} blob (an NSKeyedArchiver MBFile), if it has one. */
    synchronized Optional<byte[]> metadata(String fileId) throws IOException {
        byte[][] blob = new byte[1][];
        try {
            manifest.query("SELECT file FROM Files WHERE fileID = ?", row -> blob[0] = row.bytes("file"), fileId);
        } catch (Exception e) {
            throw new IOException("its record in Manifest.db cannot be read (" + e.getMessage() + ")", e);
        }
        return Optional.ofNullable(blob[0]);
    }

    ClassKeys keys() {
        return keys;
    }

    @Override
    public EvidenceFile file(ManifestRecord record, String devicePath, String origin, Path stored,
                             Function<String, Optional<EvidenceFile>> sidecars) {
        return new DecryptedEvidenceFile(devicePath, origin + " (encrypted)", stored, record.fileId(), this, sidecars);
    }

    @Override
    public EvidenceFile own(String name, Path stored) {
        return name.equals("Manifest.db") ? manifestFile
                : new LocalEvidenceFile("@backup/" + name, name, stored, s -> Optional.empty());
    }

    @Override
    public void close() {
        manifest.close();
        scratch.close();
    }
}
