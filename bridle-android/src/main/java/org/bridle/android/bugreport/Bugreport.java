package org.bridle.android.bugreport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.bridle.android.archive.EntryTree;
import org.bridle.android.archive.TreeFile;
import org.bridle.android.archive.Trees;
import org.bridle.android.dumpsys.DumpSections;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;
import org.bridle.core.source.InputException;
import org.bridle.core.source.Source;

/**
 * An Android bugreport: its dumpstate answers {@code @dumpsys/SERVICE}, {@code @command/getprop} and
 * {@code @command/ps}, and its {@code FS/} entries answer root device paths (such as
 * {@code data/tombstones/tombstone_00}). The dumpstate is the file {@code main_entry.txt} names, else a
 * {@code dumpState_*.log}, else a {@code dumpsys.txt} one folder down; the folder that holds it is the
 * bugreport's top.
 */
public final class Bugreport implements Source {
    private final EntryTree tree;
    private final String top;
    private final String originPrefix;
    private final String description;
    private final DumpSections dump;

    private Bugreport(EntryTree tree, String top, String originPrefix, String description, DumpSections dump) {
        this.tree = tree;
        this.top = top;
        this.originPrefix = originPrefix;
        this.description = description;
        this.dump = dump;
    }

    /** Opens a bugreport zip or folder. */
    public static Bugreport open(Path input) throws InputException {
        EntryTree tree = Trees.open(input, "an Android bugreport");
        try {
            return of(tree, "", "Android bugreport at " + input);
        } catch (InputException e) {
            tree.close();
            throw e;
        }
    }

    /**
     * A bugreport over an open tree, which it then owns.
     *
     * @param originPrefix put before entry names in origins, such as {@code bugreport.zip!} for a nested one
     */
    public static Bugreport of(EntryTree tree, String originPrefix, String description) throws InputException {
        String dumpstate = findDumpstate(tree)
                .orElseThrow(() -> new InputException(description + " is not an Android bugreport: it has no "
                        + "main_entry.txt, dumpState_*.log or dumpsys.txt."));
        int slash = dumpstate.lastIndexOf('/');
        String top = slash < 0 ? "" : dumpstate.substring(0, slash + 1);
        try {
            DumpSections dump = DumpSections.of(originPrefix + dumpstate, tree.readAll(dumpstate));
            return new Bugreport(tree, top, originPrefix, description, dump);
        } catch (IOException e) {
            throw new InputException("The dumpstate " + dumpstate + " of " + description + " cannot be read: "
                    + e.getMessage() + ".", e);
        }
    }

    private static Optional<String> findDumpstate(EntryTree tree) throws InputException {
        Optional<String> mainEntry = first(tree, "main_entry.txt", "*/main_entry.txt");
        if (mainEntry.isPresent()) {
            return Optional.of(named(tree, mainEntry.get()));
        }
        return first(tree, "dumpState_*.log", "*/dumpState_*.log", "*/dumpsys.txt");
    }

    /** The first entry matching the first glob that matches any. */
    private static Optional<String> first(EntryTree tree, String... globs) {
        for (String glob : globs) {
            List<String> found = Trees.glob(tree, "", glob);
            if (!found.isEmpty()) {
                return Optional.of(found.get(0));
            }
        }
        return Optional.empty();
    }

    private static String named(EntryTree tree, String mainEntry) throws InputException {
        String folder = mainEntry.substring(0, mainEntry.length() - "main_entry.txt".length());
        try {
            String name = new String(tree.readAll(mainEntry), StandardCharsets.UTF_8).trim();
            if (tree.contains(folder + name)) {
                return folder + name;
            }
            throw new InputException(mainEntry + " names " + name + ", which the bugreport does not hold.");
        } catch (IOException e) {
            throw new InputException(mainEntry + " cannot be read: " + e.getMessage() + ".", e);
        }
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<EvidenceFile> resolve(DevicePath location) {
        return switch (location.container()) {
            case DUMPSYS -> dump.service(location.containerId()).stream().toList();
            case COMMAND -> dump.command(location.path()).stream().toList();
            case ROOT -> Trees.glob(tree, top + "FS/", location.path()).stream()
                    .map(name -> (EvidenceFile) new TreeFile(name.substring(top.length() + 3),
                            originPrefix + name, tree, name))
                    .toList();
            default -> List.of();
        };
    }

    @Override
    public void forEachFile(Consumer<EvidenceFile> visitor) {
        for (String name : tree.names()) {
            visitor.accept(new TreeFile(name, originPrefix + name, tree, name));
        }
    }

    @Override
    public List<String> notes() {
        return tree.skipped().stream().map(s -> "skipped the entry " + originPrefix + s).toList();
    }

    @Override
    public void close() {
        tree.close();
    }
}
