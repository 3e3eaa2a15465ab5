package org.bridle.android.artifacts;

import java.io.IOException;
import java.util.function.BiConsumer;
import org.bridle.core.source.EvidenceFile;

/**
 * Reads the {@code Non-Data Actions:} part of one resolver table of {@code dumpsys package} (such as
 * {@code Receiver Resolver Table:}): each action at six spaces, then the components that handle it, one per line
 * at eight spaces ({@code hash package/class [(N filters)]}).
 */
final class ResolverTable {
    private ResolverTable() {
    }

    /** Hands each (action, component) of the table to {@code out}, in order. */
    static void read(EvidenceFile file, String table, BiConsumer<String, String> out) throws IOException {
        var state = new Object() {
            boolean inTable;
            boolean inActions;
            String action;
        };
        TextLines.forEach(file, line -> {
            if (!line.isEmpty() && !line.startsWith(" ")) {
                state.inTable = line.equals(table);
                state.inActions = false;
                return;
            }
            if (!state.inTable || line.isBlank()) {
                return;
            }
            int indent = TextLines.indent(line);
            String s = line.strip();
            if (indent == 2) {
                state.inActions = s.equals("Non-Data Actions:");
                state.action = null;
            } else if (state.inActions && indent == 6 && s.endsWith(":")) {
                state.action = s.substring(0, s.length() - 1);
            } else if (state.inActions && indent >= 8 && state.action != null) {
                String[] words = s.split("\\s+");
                if (words.length >= 2 && words[1].contains("/")) {
                    out.accept(state.action, words[1]);
                }
            }
        });
    }
}
