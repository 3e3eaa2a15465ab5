package org.bridle.android.artifacts;

import java.util.List;
import java.util.Locale;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.model.Observable;
import org.bridle.core.model.ObservableKind;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * The SHA-256 of every file AndroidQF wrote ({@code hashes.csv}: {@code path,sha256} rows), downloaded APKs
 * included. Each hash is checked as a file hash. The path is the file's place on the computer that ran AndroidQF,
 * not on the phone, so it is kept in the entry but not checked against path indicators. Rows without a 64-digit
 * hexadecimal hash are skipped.
 */
public final class Hashes implements Artifact<Hashes.FileHash> {
    /** One acquired file and its SHA-256 (lower case). */
    public record FileHash(String path, String sha256) {
    }

    @Override public String id() { return "hashes"; }
    @Override public String description() { return "SHA-256 of the files AndroidQF acquired (hashes.csv)"; }
    @Override public List<DevicePath> locations() { return List.of(DevicePath.of("@androidqf/hashes.csv")); }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<FileHash> out) throws Exception {
        TextLines.forEach(file, line -> {
            int comma = line.lastIndexOf(',');
            if (comma <= 0) {
                return;
            }
            String hash = line.substring(comma + 1).strip().toLowerCase(Locale.ROOT);
            if (hash.matches("[0-9a-f]{64}")) {
                out.entry(new FileHash(unquote(line.substring(0, comma).strip()), hash));
            }
        });
    }

    /** A CSV field without its quotes, a doubled quote inside read as one. */
    private static String unquote(String field) {
        return field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")
                ? field.substring(1, field.length() - 1).replace("\"\"", "\"") : field;
    }

    @Override
    public List<Observable> observables(FileHash h) {
        return List.of(new Observable(ObservableKind.FILE_SHA256, h.sha256()));
    }
}
