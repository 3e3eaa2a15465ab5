package org.bridle.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Reads the report files a check wrote, for assertions. */
final class Reports {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Reports() {
    }

    static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The outcome of one artifact in info.json. */
    static JsonNode outcome(Path report, String artifact) {
        for (JsonNode outcome : json(report.resolve("info.json")).get("artifacts")) {
            if (outcome.get("id").asText().equals(artifact)) {
                return outcome;
            }
        }
        throw new AssertionError("info.json has no outcome of " + artifact);
    }

    /** The rows of a CSV file whose every field is quoted (quotes doubled inside), header first. */
    static List<List<String>> csv(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) != '"') {
                throw new AssertionError("unquoted field at offset " + i + " of " + file);
            }
            StringBuilder field = new StringBuilder();
            i++;
            while (true) {
                char c = text.charAt(i++);
                if (c == '"') {
                    if (i < text.length() && text.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        break;
                    }
                } else {
                    field.append(c);
                }
            }
            row.add(field.toString());
            char next = text.charAt(i++);
            if (next == '\n') {
                rows.add(row);
                row = new ArrayList<>();
            } else if (next != ',') {
                throw new AssertionError("expected , or a new line at offset " + (i - 1) + " of " + file);
            }
        }
        return rows;
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(in.readAllBytes());
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
