package org.bridle.testkit;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Writes a filesystem dump as a {@code .tar}, {@code .tar.gz} or {@code .zip}, as extraction tools ship them: the
 * files of a dump folder (such as one {@link DumpBuilder} wrote) under an optional leading folder, plus any entries a
 * test adds by their raw names, hostile ones included ({@code ../x}, {@code /etc/x}, links pointing outside, a
 * large file of zeros that is written as it is streamed, never held in memory).
 */
public final class DumpArchive {
    /** The archive formats. */
    public enum Format { TAR, TAR_GZ, ZIP }

    private sealed interface Item permits FileItem, LinkItem, ZerosItem {
    }

    private record FileItem(String name, Path source, byte[] content, FileTime modified) implements Item {
    }

    private record LinkItem(String name, String target, boolean hard) implements Item {
    }

    private record ZerosItem(String name, long size) implements Item {
    }

    private final List<Item> items = new ArrayList<>();

    /** The files and folders of a dump folder, each named {@code prefix + relative path}. */
    public DumpArchive folder(Path dump, String prefix) {
        try {
            Files.walkFileTree(dump, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = prefix + dump.relativize(file).toString().replace('\\', '/');
                    items.add(new FileItem(name, file, null, attrs.lastModifiedTime()));
                    return FileVisitResult.CONTINUE;
                }
            });
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file under a raw entry name, as is. */
    public DumpArchive file(String name, byte[] content) {
        items.add(new FileItem(name, null, content, FileTime.fromMillis(1_700_000_000_000L)));
        return this;
    }

    /** A symbolic link (tar, zip) or, with {@code hard}, a hard link (tar only). */
    public DumpArchive link(String name, String target, boolean hard) {
        items.add(new LinkItem(name, target, hard));
        return this;
    }

    /** A file of {@code size} zero bytes, streamed into the archive. */
    public DumpArchive zeros(String name, long size) {
        items.add(new ZerosItem(name, size));
        return this;
    }

    /** Writes the archive. */
    public Path write(Path archive, Format format) {
        try {
            Files.createDirectories(archive.toAbsolutePath().getParent());
            if (format == Format.ZIP) {
                try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(archive)) {
                    zip.setUseZip64(Zip64Mode.AsNeeded);
                    for (Item item : items) {
                        writeZip(zip, item);
                    }
                }
                return archive;
            }
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(archive));
                 OutputStream out = format == Format.TAR_GZ ? new GzipCompressorOutputStream(file) : file;
                 TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                for (Item item : items) {
                    writeTar(tar, item);
                }
            }
            return archive;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeTar(TarArchiveOutputStream tar, Item item) throws IOException {
        if (item instanceof FileItem f) {
            TarArchiveEntry e = new TarArchiveEntry(f.name(), true);
            e.setSize(f.content() != null ? f.content().length : Files.size(f.source()));
            e.setLastModifiedTime(f.modified());
            tar.putArchiveEntry(e);
            copy(f, tar);
            tar.closeArchiveEntry();
        } else if (item instanceof LinkItem l) {
            TarArchiveEntry e = new TarArchiveEntry(l.name(),
                    l.hard() ? TarConstants.LF_LINK : TarConstants.LF_SYMLINK, true);
            e.setLinkName(l.target());
            tar.putArchiveEntry(e);
            tar.closeArchiveEntry();
        } else if (item instanceof ZerosItem z) {
            TarArchiveEntry e = new TarArchiveEntry(z.name(), true);
            e.setSize(z.size());
            tar.putArchiveEntry(e);
            zeros(tar, z.size());
            tar.closeArchiveEntry();
        }
    }

    private static void writeZip(ZipArchiveOutputStream zip, Item item) throws IOException {
        if (item instanceof FileItem f) {
            ZipArchiveEntry e = new ZipArchiveEntry(f.name());
            e.setLastModifiedTime(f.modified());
            zip.putArchiveEntry(e);
            copy(f, zip);
            zip.closeArchiveEntry();
        } else if (item instanceof LinkItem l) {
            ZipArchiveEntry e = new ZipArchiveEntry(l.name());
            e.setUnixMode(0120777);
            zip.putArchiveEntry(e);
            zip.write(l.target().getBytes(StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
        } else if (item instanceof ZerosItem z) {
            zip.putArchiveEntry(new ZipArchiveEntry(z.name()));
            zeros(zip, z.size());
            zip.closeArchiveEntry();
        }
    }

    private static void copy(FileItem f, OutputStream out) throws IOException {
        if (f.content() != null) {
            out.write(f.content());
        } else {
            try (InputStream in = Files.newInputStream(f.source())) {
                in.transferTo(out);
            }
        }
    }

    private static void zeros(OutputStream out, long size) throws IOException {
        byte[] block = new byte[1 << 16];
        for (long left = size; left > 0; left -= block.length) {
            out.write(block, 0, (int) Math.min(block.length, left));
        }
    }
}
