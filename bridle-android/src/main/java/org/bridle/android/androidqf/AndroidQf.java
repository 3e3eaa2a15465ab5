package org.bridle.android.androidqf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.bridle.android.archive.EntryTree;
import org.bridle.android.archive.TreeFile;
import org.bridle.android.archive.Trees;
import org.bridle.android.archive.ZipTree;
import org.bridle.android.backup.AndroidBackup;
import org.bridle.android.bugreport.Bugreport;
import org.bridle.android.dumpsys.DumpSections;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;
import org.bridle.core.source.InputException;
import org.bridle.core.source.PasswordSource;
import org.bridle.core.source.Source;

/**
 * An AndroidQF acquisition, a folder or a zip (its files at the top or one folder down). Its own files answer
 * {@code @androidqf/NAME}; {@code getprop.txt} and {@code ps.txt} (older AndroidQF) or {@code processes.txt} (AndroidQF
 * without its on-device collector, {@code ps -A}) answer {@code @command/getprop} and
 * {@code @command/ps}; the sections of {@code dumpsys.txt} answer {@code @dumpsys/SERVICE}.
 *
 * <p>The {@code bugreport.zip} and {@code backup.ab} it holds are opened as nested sources (an encrypted backup
 * asks for its password). A location the acquisition answers itself is never asked of a nested source, so the
 * acquisition's own {@code dumpsys.txt} wins over the bugreport's copy of the same service; locations it cannot
 * answer (the backup's messages, the bugreport's tombstones) are answered by the nested sources, so their results
 * join the same report.
 */
public final class AndroidQf implements Source {
    private static final List<String> MARKERS = List.of("acquisition.json", "packages.json", "getprop.txt",
            "processes.json", "ps.txt", "processes.txt", "dumpsys.txt", "bugreport.zip", "backup.ab");
    /** The files that hold a command's output, by command, the first present answering. */
    private static final Map<String, List<String>> COMMANDS = Map.of("getprop", List.of("getprop.txt"),
            "ps", List.of("ps.txt", "processes.txt"));

    private final EntryTree tree;
    private final String top;
    private final String description;
    private final DumpSections dumpsys;
    private final List<Source> nested;

    private AndroidQf(EntryTree tree, String top, String description, DumpSections dumpsys, List<Source> nested) {
        this.tree = tree;
        this.top = top;
        this.description = description;
        this.dumpsys = dumpsys;
        this.nested = nested;
    }

    /** Opens an acquisition folder or zip. */
    public static AndroidQf open(Path input, PasswordSource passwords) throws InputException {
        EntryTree tree = Trees.open(input, "an AndroidQF acquisition");
        List<Source> nested = new ArrayList<>();
        try {
            String top = top(tree).orElseThrow(() -> new InputException(input + " is not an AndroidQF acquisition:"
                    + " it holds none of " + String.join(", ", MARKERS) + "."));
            DumpSections dumpsys = tree.contains(top + "dumpsys.txt")
                    ? DumpSections.of(top + "dumpsys.txt", tree.readAll(top + "dumpsys.txt")) : null;
            if (tree.contains(top + "bugreport.zip")) {
                nested.add(Bugreport.of(ZipTree.open(tree.readAll(top + "bugreport.zip")), top + "bugreport.zip!",
                        "bugreport.zip of the acquisition"));
            }
            if (tree.contains(top + "backup.ab")) {
                try (InputStream in = tree.open(top + "backup.ab")) {
                    nested.add(AndroidBackup.read(in, top + "backup.ab", passwords, "backup.ab of the acquisition"));
                }
            }
            List<String> parts = nested.stream().map(Source::description).toList();
            String description = "AndroidQF acquisition at " + input
                    + (parts.isEmpty() ? "" : " (with its " + String.join(" and ", parts) + ")");
            return new AndroidQf(tree, top, description, dumpsys, List.copyOf(nested));
        } catch (IOException e) {
            nested.forEach(Source::close);
            tree.close();
            throw new InputException(input + " cannot be read: " + e.getMessage() + ".", e);
        } catch (InputException | RuntimeException e) {
            nested.forEach(Source::close);
            tree.close();
            throw e;
        }
    }

    private static Optional<String> top(EntryTree tree) {
        for (String marker : MARKERS) {
            if (tree.contains(marker)) {
                return Optional.of("");
            }
        }
        for (String marker : MARKERS) {
            List<String> found = Trees.glob(tree, "", "*/" + marker);
            if (!found.isEmpty()) {
                String name = found.get(0);
                return Optional.of(name.substring(0, name.length() - marker.length()));
            }
        }
        return Optional.empty();
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<EvidenceFile> resolve(DevicePath location) throws IOException {
        List<EvidenceFile> own = own(location);
        if (!own.isEmpty()) {
            return own;
        }
        List<EvidenceFile> found = new ArrayList<>();
        for (Source source : nested) {
            found.addAll(source.resolve(location));
        }
        return found;
    }

    private List<EvidenceFile> own(DevicePath location) {
        return switch (location.container()) {
            case ANDROIDQF -> Trees.glob(tree, top, location.path()).stream()
                    .map(name -> file(location.container().prefix() + "/" + name.substring(top.length()), name))
                    .toList();
            case COMMAND -> COMMANDS.getOrDefault(location.path(), List.of()).stream()
                    .filter(name -> tree.contains(top + name)).findFirst()
                    .map(name -> List.of(file(location.toString(), top + name)))
                    .orElse(List.of());
            case DUMPSYS -> dumpsys == null ? List.of() : dumpsys.service(location.containerId()).stream().toList();
            default -> List.of();
        };
    }

    private EvidenceFile file(String devicePath, String name) {
        return new TreeFile(devicePath, name, tree, name);
    }

    @Override
    public void forEachFile(Consumer<EvidenceFile> visitor) throws IOException {
        for (String name : tree.names()) {
            visitor.accept(file("@androidqf/" + name, name));
        }
        for (Source source : nested) {
            source.forEachFile(visitor);
        }
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>(tree.skipped().stream().map(s -> "skipped the entry " + s).toList());
        nested.forEach(source -> notes.addAll(source.notes()));
        return notes;
    }

    @Override
    public void close() {
        nested.forEach(Source::close);
        tree.close();
    }
}
