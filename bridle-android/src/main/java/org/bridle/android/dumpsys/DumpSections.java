package org.bridle.android.dumpsys;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.bridle.android.archive.BytesFile;
import org.bridle.core.source.EvidenceFile;

/**
 * The sections of a dumpstate file or of {@code dumpsys} output. A service's section runs from the line after
 * {@code DUMP OF SERVICE [PRIORITY] NAME:} to the next line made only of dashes (or the duration line that starts
 * with dashes); a dumpstate section such as {@code ------ SYSTEM PROPERTIES (getprop) ------} runs to the next
 * such header. When a service is dumped twice the first dump is kept.
 */
public final class DumpSections {
    private static final String SERVICE = "DUMP OF SERVICE ";
    private static final String PROPERTIES = "------ SYSTEM PROPERTIES";

    private final String fileName;
    private final byte[] content;
    private final Map<String, int[]> services = new LinkedHashMap<>();
    private int[] properties;

    private DumpSections(String fileName, byte[] content) {
        this.fileName = fileName;
        this.content = content;
    }

    /** Indexes the sections of a dump; {@code fileName} names it in origins. */
    public static DumpSections of(String fileName, byte[] content) {
        DumpSections dump = new DumpSections(fileName, content);
        dump.index();
        return dump;
    }

    /** The section of a service (matched exactly), as evidence answering {@code @dumpsys/SERVICE}. */
    public Optional<EvidenceFile> service(String name) {
        int[] range = services.get(name);
        return range == null ? Optional.empty() : Optional.of(new BytesFile("@dumpsys/" + name,
                fileName + " (DUMP OF SERVICE " + name + ")", content, range[0], range[1] - range[0]));
    }

    /** The system properties section of a dumpstate, as evidence answering {@code @command/getprop}. */
    public Optional<EvidenceFile> properties() {
        return properties == null ? Optional.empty() : Optional.of(new BytesFile("@command/getprop",
                fileName + " (SYSTEM PROPERTIES)", content, properties[0], properties[1] - properties[0]));
    }

    private void index() {
        String openService = null;
        int sectionStart = -1;
        boolean inProperties = false;
        int lineStart = 0;
        while (lineStart < content.length) {
            int lineEnd = lineStart;
            while (lineEnd < content.length && content[lineEnd] != '\n') {
                lineEnd++;
            }
            int next = Math.min(lineEnd + 1, content.length);
            String line = lineStart == lineEnd ? "" : new String(content, lineStart,
                    Math.min(lineEnd - lineStart, 200), StandardCharsets.ISO_8859_1).stripTrailing();
            if (openService != null && line.startsWith("---")) {
                services.putIfAbsent(openService, new int[] {sectionStart, lineStart});
                openService = null;
            }
            if (inProperties && line.startsWith("------ ")) {
                properties = new int[] {sectionStart, lineStart};
                inProperties = false;
            }
            if (line.startsWith(SERVICE) && line.endsWith(":")) {
                String[] words = line.substring(SERVICE.length(), line.length() - 1).trim().split("\\s+");
                openService = words[words.length - 1];
                sectionStart = next;
            } else if (line.startsWith(PROPERTIES) && properties == null) {
                inProperties = true;
                sectionStart = next;
            }
            lineStart = next;
        }
        if (openService != null) {
            services.putIfAbsent(openService, new int[] {sectionStart, content.length});
        }
        if (inProperties) {
            properties = new int[] {sectionStart, content.length};
        }
    }
}
