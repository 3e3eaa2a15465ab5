package org.bridle.ios.artifacts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The newest known release of each major iOS line, read from the {@code ios-versions.txt} resource beside this class
 * (data meant to be updated by hand), and the note an older version deserves.
 */
public final class IosVersions {
    private static final Map<Integer, String> NEWEST = load();

    private IosVersions() {
    }

    /**
     * The note for an iOS version older than the newest known release of its line, or empty when it is that
     * release or newer, its line is unknown, or the text is not a version.
     */
    public static Optional<String> outdatedNote(String version) {
        int[] parts = parse(version);
        if (parts == null) {
            return Optional.empty();
        }
        String newest = NEWEST.get(parts[0]);
        if (newest == null || compare(parts, parse(newest)) >= 0) {
            return Optional.empty();
        }
        return Optional.of("iOS " + version + " is older than " + newest + ", the newest release of iOS " + parts[0]
                + " known to bridle: the phone lacks security fixes published since");
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    }

    /** Major, minor and patch of {@code 14.3} or {@code 14.8.1}; null when the text is not such a version. */
    private static int[] parse(String version) {
        if (version == null || !version.matches("\\d{1,3}(\\.\\d{1,3}){0,2}")) {
            return null;
        }
        String[] fields = version.split("\\.");
        int[] parts = new int[3];
        for (int i = 0; i < fields.length; i++) {
            parts[i] = Integer.parseInt(fields[i]);
        }
        return parts;
    }

    private static Map<Integer, String> load() {
        Map<Integer, String> newest = new HashMap<>();
        try (InputStream in = IosVersions.class.getResourceAsStream("ios-versions.txt")) {
            if (in == null) {
                throw new IllegalStateException("ios-versions.txt is missing from the bridle-ios jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String data = line.replaceFirst("#.*", "").trim();
                if (data.isEmpty()) {
                    continue;
                }
                String[] fields = data.split("\\s+");
                if (fields.length != 2 || parse(fields[1]) == null
                        || parse(fields[1])[0] != Integer.parseInt(fields[0])) {
                    throw new IllegalStateException("ios-versions.txt has a malformed line: " + line);
                }
                newest.put(Integer.parseInt(fields[0]), fields[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(newest);
    }
}
