package org.bridle.android.artifacts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.bridle.core.source.EvidenceFile;

/** Reads an evidence file as UTF-8 lines (malformed bytes become U+FFFD), one at a time. */
final class TextLines {
    private TextLines() {
    }

    static void forEach(EvidenceFile file, Consumer<String> line) throws IOException {
        forEach(file.open(), line);
    }

    /** Reads a stream's lines, then closes it. */
    static void forEach(InputStream content, Consumer<String> line) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(content, decoder))) {
            String l;
            while ((l = in.readLine()) != null) {
                line.accept(l);
            }
        }
    }

    /** The indentation of a line: how many spaces it starts with. */
    static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
