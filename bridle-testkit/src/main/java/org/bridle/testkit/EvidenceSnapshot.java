package org.bridle.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The state of an evidence folder: every path under it (files and folders) with the SHA-256 of each file. Tests take
 * one before and after a command and assert they are equal, so the command provably changed nothing.
 */
public record EvidenceSnapshot(Map<String, String> entries) {

    /** Takes a snapshot of everything under {@code root} (or of the single file {@code root}). */
    public static EvidenceSnapshot of(Path root) {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                String name = root.relativize(p).toString().replace('\\', '/');
                entries.put(name, Files.isDirectory(p) ? "dir" : sha256(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EvidenceSnapshot(entries);
    }

    private static String sha256(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            return "unreadable";
        }
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65536];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
