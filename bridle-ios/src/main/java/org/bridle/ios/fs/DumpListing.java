package org.bridle.ios.fs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import org.bridle.core.io.EvidenceFormatException;

/**
 * The text form of a dump's file listing, the evidence file a dump resolves {@code @listing/} to: one line per
 * entry, {@code TYPE<tab>SIZE<tab>MODIFIED<tab>PATH} with TYPE {@code F} (file), {@code D} (folder) or {@code L}
 * (link), MODIFIED an ISO-8601 instant or {@code -}; and one line {@code !<tab><tab><tab>TEXT} per entry the dump
 * source left out as unsafe. Backslash, tab, carriage return and line feed in a path or text are escaped as
 * {@code \\}, {@code \t}, {@code \r} and {@code \n}.
 */
public final class DumpListing {
    private static final String PROBLEM = "!";

    private DumpListing() {
    }

    /** Receives a listing's lines as they are read. */
    public interface Visitor {
        /** A file, folder or link. */
        void entry(DumpEntry entry) throws Exception;

        /** An entry the source left out or a link it did not follow, in words. */
        void problem(String text) throws Exception;
    }

    static void write(List<DumpEntry> entries, List<String> problems, Writer out) throws IOException {
        for (String problem : problems) {
            out.write(PROBLEM + "\t\t\t" + escape(problem) + "\n");
        }
        for (DumpEntry e : entries) {
            String type = switch (e.type()) {
                case FILE -> "F";
                case FOLDER -> "D";
                case LINK -> "L";
            };
            out.write(type + "\t" + e.size() + "\t" + (e.modified() == null ? "-" : e.modified().toString()) + "\t"
                    + escape(e.path()) + "\n");
        }
    }

    /**
     * Reads a listing line by line.
     *
     * @throws EvidenceFormatException when a line is not of this form
     */
    public static void read(InputStream in, Visitor visitor) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            String[] field = line.split("\t", 4);
            if (field.length != 4) {
                throw new EvidenceFormatException("line " + number + " of the file listing is not of its form");
            }
            if (field[0].equals(PROBLEM)) {
                visitor.problem(unescape(field[3]));
                continue;
            }
            try {
                DumpEntry.Type type = switch (field[0]) {
                    case "F" -> DumpEntry.Type.FILE;
                    case "D" -> DumpEntry.Type.FOLDER;
                    case "L" -> DumpEntry.Type.LINK;
                    default -> throw new EvidenceFormatException("line " + number + " of the file listing has "
                            + "an unknown type");
                };
                Instant modified = field[2].equals("-") ? null : Instant.parse(field[2]);
                visitor.entry(new DumpEntry(unescape(field[3]), type, Long.parseLong(field[1]), modified));
            } catch (NumberFormatException | DateTimeException e) {
                throw new EvidenceFormatException("line " + number + " of the file listing is not of its form", e);
            }
        }
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                case '\n' -> b.append("\\n");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(switch (n) {
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case 'n' -> '\n';
                    default -> n;
                });
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
