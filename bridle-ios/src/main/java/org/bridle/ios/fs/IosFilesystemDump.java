package org.bridle.ios.fs;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.bridle.core.io.EvidenceFormatException;
import org.bridle.core.io.PlistValues;
import org.bridle.core.io.Plists;
import org.bridle.core.io.ScratchDirectory;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;
import org.bridle.core.source.Glob;
import org.bridle.core.source.InputException;
import org.bridle.core.source.LocalEvidenceFile;
import org.bridle.core.source.Source;

/**
 * A full filesystem extraction of an iPhone, whose root holds {@code private/var/…}, as a folder or an archive.
 * Device-root paths resolve under the dump root; {@code @listing/} resolves to the {@link DumpListing} of every
 * entry; container paths ({@code @app/<bundle id>/…} and the like)
 * resolve through each container's {@code .com.apple.mobile_container_manager.metadata.plist}, whose
 * {@code MCMMetadataIdentifier} names the app, group or extension the container belongs to.
 */
public final class IosFilesystemDump implements Source {
    static final String METADATA = ".com.apple.mobile_container_manager.metadata.plist";
    private static final Map<DevicePath.Container, String> CONTAINER_FOLDERS = Map.of(
            DevicePath.Container.APP, "private/var/mobile/Containers/Data/Application/",
            DevicePath.Container.GROUP, "private/var/mobile/Containers/Shared/AppGroup/",
            DevicePath.Container.PLUGIN, "private/var/mobile/Containers/Data/PluginKitPlugin/",
            DevicePath.Container.SYSTEM_DATA, "private/var/containers/Data/System/",
            DevicePath.Container.SYSTEM_SHARED, "private/var/containers/Shared/SystemGroup/");

    /** Archive files larger than this are left out: what reading one file may cost is bounded. */
    static final long MAX_FILE_SIZE = 2L << 30;

    private final DumpTree tree;
    private ScratchDirectory scratch;
    private EvidenceFile listing;
    private Map<DevicePath.Container, Map<String, List<String>>> containers;

    IosFilesystemDump(DumpTree tree) {
        this.tree = tree;
    }

    /**
     * Opens a dump: a folder, or a {@code .tar}, {@code .tar.gz}/{@code .tgz} or {@code .zip} of one, read in place
     * (an archive is never extracted). The device root may lie under a leading folder ({@code filesystem/},
     * {@code ./}). Unsafe archive entries are left out and listed in {@link #problems()}.
     *
     * @throws InputException when the input does not exist, is not of these kinds, cannot be read, or holds nothing
     *     of an iPhone's file system
     */
    public static IosFilesystemDump open(Path input) throws InputException {
        return open(input, MAX_FILE_SIZE);
    }

    /** As {@link #open(Path)}, leaving out archive files larger than {@code maxFileSize} bytes. */
    static IosFilesystemDump open(Path input, long maxFileSize) throws InputException {
        if (!Files.exists(input)) {
            throw new InputException(input + " does not exist.");
        }
        String name = input.getFileName() == null ? "" : input.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            DumpTree tree;
            if (Files.isDirectory(input)) {
                tree = FolderTree.index(input);
            } else if (name.endsWith(".tar")) {
                tree = TarTree.index(input, maxFileSize);
            } else if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
                tree = TarGzTree.index(input, maxFileSize);
            } else if (name.endsWith(".zip")) {
                tree = ZipTree.index(input, maxFileSize);
            } else {
                throw new InputException(input + " is neither a folder nor a .tar, .tar.gz, .tgz or .zip archive.");
            }
            if (tree == null) {
                throw new InputException(input + " is not an iOS filesystem dump: it holds no private/var folder.");
            }
            return new IosFilesystemDump(tree);
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
            throw new InputException("The dump at " + input + " cannot be read: " + why + ".", e);
        }
    }

    /** The tree behind this source, for tests. */
    DumpTree tree() {
        return tree;
    }

    /** The entries left out and links not followed because they were unsafe, one line each, bounded. */
    public List<String> problems() {
        return tree.problems();
    }

    @Override
    public String description() {
        return tree.description() + (tree.problems().isEmpty() ? ""
                : " (unsafe entries left out or not followed: see the notes of the filesystem artifact)");
    }

    @Override
    public List<EvidenceFile> resolve(DevicePath location) throws IOException {
        List<EvidenceFile> found = switch (location.container()) {
            case BACKUP -> List.of();
            case LISTING -> List.of(listing());
            case ROOT -> matching(Glob.of(location.path()));
            default -> inContainers(location);
        };
        if (location.container() != DevicePath.Container.LISTING) {
            tree.willRead(found.stream().map(EvidenceFile::devicePath).toList());
        }
        return found;
    }

    /** The listing of every entry, written once into this source's private scratch folder. */
    private synchronized EvidenceFile listing() throws IOException {
        if (listing == null) {
            scratch = ScratchDirectory.create();
            Path file = scratch.newFolder("listing").resolve("listing.tsv");
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                DumpListing.write(tree.entries(), tree.problems(), out);
            }
            listing = new LocalEvidenceFile("@listing/", "the dump's file listing", file, s -> Optional.empty());
        }
        return listing;
    }

    private List<EvidenceFile> matching(Glob glob) throws IOException {
        List<EvidenceFile> found = new ArrayList<>();
        for (String path : tree.paths()) {
            if (glob.matches(path)) {
                found.add(tree.file(path));
            }
        }
        return found;
    }

    private List<EvidenceFile> inContainers(DevicePath location) throws IOException {
        Glob id = Glob.of(location.containerId());
        Glob path = Glob.of(location.path());
        List<EvidenceFile> found = new ArrayList<>();
        for (Map.Entry<String, List<String>> container : containers(location.container()).entrySet()) {
            if (!id.matches(container.getKey())) {
                continue;
            }
            for (String folder : container.getValue()) {
                for (String file : tree.paths()) {
                    if (file.startsWith(folder) && path.matches(file.substring(folder.length()))) {
                        found.add(tree.file(file));
                    }
                }
            }
        }
        return found;
    }

    /** Container id to its folders (with trailing slash), read once from the metadata plists. */
    private synchronized Map<String, List<String>> containers(DevicePath.Container kind) throws IOException {
        if (containers == null) {
            containers = new HashMap<>();
            for (String path : tree.paths()) {
                if (!path.endsWith("/" + METADATA)) {
                    continue;
                }
                String folder = path.substring(0, path.length() - METADATA.length());
                for (Map.Entry<DevicePath.Container, String> e : CONTAINER_FOLDERS.entrySet()) {
                    String parent = folder.substring(0, folder.length() - 1);
                    if (folder.startsWith(e.getValue()) && parent.indexOf('/', e.getValue().length()) < 0) {
                        String identifier = identifier(tree.file(path));
                        if (identifier != null) {
                            containers.computeIfAbsent(e.getKey(), k -> new HashMap<>())
                                    .computeIfAbsent(identifier, k -> new ArrayList<>()).add(folder);
                        }
                    }
                }
            }
        }
        return containers.getOrDefault(kind, Map.of());
    }

    private static String identifier(EvidenceFile metadata) throws IOException {
        try {
            return PlistValues.string(Plists.parseMap(metadata.readAllBytes()), "MCMMetadataIdentifier");
        } catch (EvidenceFormatException unreadable) {
            return null;
        }
    }

    @Override
    public void forEachFile(Consumer<EvidenceFile> visitor) throws IOException {
        for (String path : tree.paths()) {
            visitor.accept(tree.file(path));
        }
    }

    @Override
    public synchronized void close() {
        tree.close();
        if (scratch != null) {
            scratch.close();
        }
    }
}
