package org.bridle.core.io;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A folder that lasts across runs and only this user can write in, for files bridle keeps between runs.
 *
 * <p>Where the file system has POSIX permissions, the folder is created owner-only ({@code rwx------}), and one that
 * already exists is refused unless it is a real folder (not a link) owned by this user ({@code user.name}) that
 * neither its group nor others can write in. Elsewhere (Windows) it is created in place, and an existing one is
 * refused only if it is not a real folder: the folder is meant to sit in the user's own temporary folder, which
 * Windows keeps private to the user.
 */
final class PrivateFolder {
    private PrivateFolder() {
    }

    /**
     * Creates the folder, or checks the one already there.
     *
     * @throws IOException when it cannot be created, or exists but is not private to this user
     */
    static Path open(Path folder) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        try {
            if (posix) {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectory(folder);
            }
        } catch (FileAlreadyExistsException existing) {
            // checked below, as a folder just created is
        }
        if (posix) {
            checkPosix(folder);
        } else if (!Files.readAttributes(folder, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isDirectory()) {
            throw new IOException(folder + " is not a folder");
        }
        return folder;
    }

    private static void checkPosix(Path folder) throws IOException {
        PosixFileAttributes attributes = Files.readAttributes(folder, PosixFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isDirectory()) {
            throw new IOException(folder + " is not a folder");
        }
        if (!attributes.owner().getName().equals(System.getProperty("user.name"))) {
            throw new IOException(folder + " belongs to " + attributes.owner().getName());
        }
        if (attributes.permissions().contains(PosixFilePermission.GROUP_WRITE)
                || attributes.permissions().contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new IOException(folder + " can be written by others ("
                    + PosixFilePermissions.toString(attributes.permissions()) + ")");
        }
    }
}
