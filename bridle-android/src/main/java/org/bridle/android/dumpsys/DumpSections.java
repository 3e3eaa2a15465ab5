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
 * with dashes); the dumpstate sections {@code ------ SYSTEM PROPERTIES (getprop) ------} and
 * {@code ------ PROCESSES AND THREADS (ps ...) ------} run to the next such header and answer {@code @command/getprop}
 * and {@code @command/ps}. When a service or section appears twice the first is kept.
 */
public final class DumpSections {
    private static final String SERVICE = "DUMP OF SERVICE ";
    /** The dumpstate sections read, by the start of their header, with the command each answers for. */
    private static final Map<String, String> COMMANDS = Map.of(
            "------ SYSTEM PROPERTIES", "getprop",
            "------ PROCESSES AND THREADS", "ps");

    private final String fileName;
    private final byte[] content;
    private final Map<String, int[]> services = new LinkedHashMap<>();
    private final Map<String, int[]> commands = new LinkedHashMap<>();

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

    /** The dumpstate section holding a command's output, as evidence answering {@code @command/NAME}. */
    public Optional<EvidenceFile> command(String name) {
        int[] range = commands.get(name);
        return range == null ? Optional.empty() : Optional.of(new BytesFile("@command/" + name,
                fileName + " (" + title(name) + ")", content, range[0], range[1] - range[0]));
    }

    private static String title(String command) {
        return COMMANDS.entrySet().stream().filter(e -> e.getValue().equals(command))
                .map(e -> e.getKey().substring("------ ".length())).findFirst().orElseThrow();
    }

    private void index() {
        String openService = null;
        int sectionStart = -1;
        String openCommand = null;
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
            if (openCommand != null && line.startsWith("------ ")) {
                commands.putIfAbsent(openCommand, new int[] {sectionStart, lineStart});
                openCommand = null;
            }
            if (line.startsWith(SERVICE) && line.endsWith(":")) {
                String[] words = line.substring(SERVICE.length(), line.length() - 1).trim().split("\\s+");
                openService = words[words.length - 1];
                sectionStart = next;
            } else if (commandOf(line) != null) {
                openCommand = commandOf(line);
                sectionStart = next;
            }
            lineStart = next;
        }
        if (openService != null) {
            services.putIfAbsent(openService, new int[] {sectionStart, content.length});
        }
        if (openCommand != null) {
            commands.putIfAbsent(openCommand, new int[] {sectionStart, content.length});
        }
    }

    private static String commandOf(String line) {
        return COMMANDS.entrySet().stream().filter(e -> line.startsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }
}
