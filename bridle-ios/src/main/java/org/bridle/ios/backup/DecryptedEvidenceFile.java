package org.bridle.ios.backup;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.bridle.core.io.EvidenceFormatException;
import org.bridle.core.io.KeyedArchive;
import org.bridle.core.io.PlistValues;
import org.bridle.core.source.EvidenceFile;
import org.bridle.ios.backup.crypto.CbcDecryption;

/**
 * A file of an encrypted backup, decrypted as it is read: its key is the {@code EncryptionKey} of its record's MBFile
 * metadata, unwrapped with its protection class's key; its plaintext is cut at the record's {@code Size} (or, without
 * one, at the PKCS#7 padding). It has no local path, so nothing reads it in place.
 */
final class DecryptedEvidenceFile implements EvidenceFile {
    private final String devicePath;
    private final String origin;
    private final Path stored;
    private final String fileId;
    private final EncryptedContent content;
    private final Function<String, Optional<EvidenceFile>> sidecars;
    private Map<String, Object> metadata;

    DecryptedEvidenceFile(String devicePath, String origin, Path stored, String fileId, EncryptedContent content,
                          Function<String, Optional<EvidenceFile>> sidecars) {
        this.devicePath = devicePath;
        this.origin = origin;
        this.stored = stored;
        this.fileId = fileId;
        this.content = content;
        this.sidecars = sidecars;
    }

    @Override public String devicePath() { return devicePath; }
    @Override public String origin() { return origin; }
    @Override public boolean present() { return Files.isRegularFile(stored); }
    @Override public Optional<Path> localPath() { return Optional.empty(); }
    @Override public Optional<EvidenceFile> sidecar(String suffix) { return sidecars.apply(suffix); }

    /** The recorded plaintext size, or the stored size when the record has none. */
    @Override
    public long size() throws IOException {
        Long size = PlistValues.number(metadata(), "Size");
        return size != null && size >= 0 ? size : Files.size(stored);
    }

    @Override
    public InputStream open() throws IOException {
        Map<String, Object> fields = metadata();
        if (!(fields.get("EncryptionKey") instanceof byte[] storedKey)) {
            throw new IOException("The file cannot be decrypted: its record in Manifest.db has no EncryptionKey");
        }
        byte[] key;
        try {
            key = content.keys().unwrap(storedKey);
        } catch (IOException e) {
            throw new IOException("The file cannot be decrypted: " + e.getMessage(), e);
        }
        Long size = PlistValues.number(fields, "Size");
        InputStream in = new BufferedInputStream(Files.newInputStream(stored), 1 << 16);
        try {
            return new CbcDecryption(in, key, size == null || size < 0 ? -1 : size);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private synchronized Map<String, Object> metadata() throws IOException {
        if (metadata == null) {
            byte[] blob = content.metadata(fileId).orElseThrow(() -> new IOException(
                    "The file cannot be decrypted: its record in Manifest.db has no metadata"));
            try {
                if (!(KeyedArchive.decode(blob) instanceof Map<?, ?> decoded)) {
                    throw new IOException("The file cannot be decrypted: its metadata in Manifest.db is not an MBFile");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = (Map<String, Object>) decoded;
                metadata = fields;
            } catch (EvidenceFormatException e) {
                throw new IOException("The file cannot be decrypted: its metadata in Manifest.db cannot be read ("
                        + e.getMessage() + ")", e);
            }
        }
        return metadata;
    }

    @Override public String toString() { return devicePath + " (" + origin + ")"; }
}
