package org.bridle.testkit.ios;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bridle.testkit.PlistFixture;

/**
 * Writes the {@code file} blob of a backup's Manifest.db record: an NSKeyedArchiver {@code MBFile} with the file's
 * size, mode, owner, inode and times (Unix seconds), and in an encrypted backup its key, as iOS backups since
 * iOS 10 store it.
 */
public final class MbFile {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    private MbFile(String relativePath, long size, int mode) {
        Instant time = Instant.parse("2021-01-15T10:00:00Z");
        fields.put("RelativePath", relativePath);
        fields.put("Size", size);
        fields.put("Mode", mode);
        fields.put("UserID", 501);
        fields.put("GroupID", 501);
        fields.put("InodeNumber", 1000L);
        fields.put("Flags", 0);
        fields.put("ProtectionClass", 3);
        fields.put("Birth", time.getEpochSecond());
        fields.put("LastModified", time.getEpochSecond());
        fields.put("LastStatusChange", time.getEpochSecond());
    }

    /** A regular file (mode 0100644) of {@code size} bytes. */
    public static MbFile file(String relativePath, long size) {
        return new MbFile(relativePath, size, 0100644);
    }

    /** A directory (mode 040755). */
    public static MbFile directory(String relativePath) {
        return new MbFile(relativePath, 0, 040755);
    }

    /** Sets the three times: birth (created), last modification and last status change. */
    public MbFile times(Instant birth, Instant modified, Instant statusChanged) {
        fields.put("Birth", birth.getEpochSecond());
        fields.put("LastModified", modified.getEpochSecond());
        fields.put("LastStatusChange", statusChanged.getEpochSecond());
        return this;
    }

    /** Sets the owner's user and group ids. */
    public MbFile owner(int userId, int groupId) {
        fields.put("UserID", userId);
        fields.put("GroupID", groupId);
        return this;
    }

    /** Sets the data-protection class. */
    public MbFile protectionClass(int protectionClass) {
        fields.put("ProtectionClass", protectionClass);
        return this;
    }

    /** Sets the stored key of an encrypted backup's file: 4-byte little-endian class and wrapped key. */
    public MbFile encryptionKey(byte[] stored) {
        fields.put("EncryptionKey", stored);
        return this;
    }

    /** Sets the inode number. */
    public MbFile inode(long inode) {
        fields.put("InodeNumber", inode);
        return this;
    }

    /** The archived blob. */
    public byte[] bytes() {
        return PlistFixture.keyedArchive("MBFile", fields);
    }
}
