package org.bridle.ios.backup;

import com.dd.plist.BinaryPropertyListWriter;
import com.dd.plist.NSDictionary;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.bridle.core.io.EvidenceFormatException;
import org.bridle.core.io.Plists;
import org.bridle.core.source.CopiedFile;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;
import org.bridle.core.source.InputException;
import org.bridle.core.source.PasswordSource;

/**
 * Writes a decrypted copy of an encrypted backup, in the same layout: the folder's own files copied (Manifest.plist
 * marked unencrypted, without its ManifestKey), Manifest.db decrypted, and every file Manifest.db lists and the backup
 * holds decrypted at {@code <xx>/<fileID>}. A file that cannot be read or decrypted is left out, with why, and the
 * copy goes on; a failure to write the copy stops it.
 */
final class DecryptedCopy {
    private DecryptedCopy() {
    }

    /** Copies the encrypted backup at {@code input} into the existing empty folder {@code destination}. */
    static List<CopiedFile> write(Path input, Path destination, PasswordSource passwords)
            throws InputException, IOException {
        Path root = IosBackup.locate(input);
        if (!IosBackup.isEncrypted(root)) {
            throw new InputException("The backup at " + root + " is not encrypted: there is nothing to decrypt.");
        }
        List<CopiedFile> copied = new ArrayList<>();
        try (IosBackup backup = IosBackup.open(root, passwords)) {
            List<Path> own;
            try (Stream<Path> children = Files.list(root)) {
                own = children.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : own) {
                String name = file.getFileName().toString();
                if (name.equals("Manifest.plist")) {
                    copied.add(write(destination, name, unencryptedManifestPlist(file)));
                } else {
                    copied.add(copy(backup.resolve(DevicePath.of("@backup/" + name)).get(0),
                            destination, name));
                }
            }
            for (ManifestRecord record : backup.records()) {
                EvidenceFile file = record.isFile() ? backup.evidence(record) : null;
                if (file != null && file.present()) {
                    String id = record.fileId().toLowerCase(Locale.ROOT);
                    copied.add(copyOrLeaveOut(file, destination, id.substring(0, 2) + "/" + id));
                }
            }
        }
        return copied;
    }

    private static byte[] unencryptedManifestPlist(Path file) throws IOException, InputException {
        try {
            NSDictionary plist = Plists.parseDictionary(Files.readAllBytes(file));
            plist.put("IsEncrypted", false);
            plist.remove("ManifestKey");
            return BinaryPropertyListWriter.writeToArray(plist);
        } catch (EvidenceFormatException e) {
            throw new InputException("Manifest.plist of " + file.getParent() + " cannot be read: " + e.getMessage()
                    + ".", e);
        }
    }

    private static CopiedFile write(Path destination, String path, byte[] content) throws IOException {
        try (InputStream in = new ByteArrayInputStream(content)) {
            return copy(in, destination, path);
        }
    }

    private static CopiedFile copy(EvidenceFile file, Path destination, String path) throws IOException {
        try (InputStream in = file.open()) {
            return copy(in, destination, path);
        }
    }

    /** Copies one file; when reading or decrypting it fails, removes what was written and records why. */
    private static CopiedFile copyOrLeaveOut(EvidenceFile file, Path destination, String path) throws IOException {
        InputStream content;
        try {
            content = file.open();
        } catch (IOException e) {
            return CopiedFile.failed(path, file.origin() + ": " + e.getMessage());
        }
        try (InputStream in = new ReadFailures(content)) {
            return copy(in, destination, path);
        } catch (ReadFailure e) {
            Files.deleteIfExists(destination.resolve(path));
            return CopiedFile.failed(path, file.origin() + ": " + e.getCause().getMessage());
        }
    }

    /** A failure to read the evidence, as opposed to a failure to write the copy. */
    private static final class ReadFailure extends IOException {
        ReadFailure(IOException cause) {
            super(cause);
        }
    }

    /** Marks the exceptions of reading the evidence, so they are told apart from those of writing the copy. */
    private static final class ReadFailures extends java.io.FilterInputStream {
        ReadFailures(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw new ReadFailure(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                throw new ReadFailure(e);
            }
        }
    }

    private static CopiedFile copy(InputStream in, Path destination, String path) throws IOException {
        Path target = destination.resolve(path);
        Files.createDirectories(target.getParent());
        MessageDigest sha256 = sha256();
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target, StandardOpenOption.CREATE_NEW),
                sha256)) {
            in.transferTo(out);
        }
        return CopiedFile.written(path, HexFormat.of().formatHex(sha256.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
