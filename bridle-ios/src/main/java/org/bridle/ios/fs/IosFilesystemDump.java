package org.bridle.ios.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.bridle.core.io.EvidenceFormatException;
import org.bridle.core.io.PlistValues;
import org.bridle.core.io.Plists;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;
import org.bridle.core.source.InputException;
import org.bridle.core.source.Source;

/**
 * A full filesystem extraction of an iPhone, whose root holds {@code private/var/…}. Device-root paths resolve under
 * the dump root; container paths ({@code @app/<bundle id>/…} and the like)
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

    private final DumpTree tree;
    private Map<DevicePath.Container, Map<String, List<String>>> containers;

    IosFilesystemDump(DumpTree tree) {
        this.tree = tree;
    }

    /**
     * Opens a dump extracted into a folder.
     *
     * @throws InputException when the folder does not exist or holds nothing of an iPhone's file system
     */
    public static IosFilesystemDump open(Path input) throws InputException {
        if (!Files.isDirectory(input)) {
            throw new InputException(input + (Files.exists(input) ? " is not a folder." : " does not exist."));
        }
        try {
            DumpTree tree = FolderTree.index(input);
            if (tree.paths().stream().noneMatch(p -> p.startsWith("private/var/"))) {
                throw new InputException(input + " is not an iOS filesystem dump: it holds no private/var folder.");
            }
            return new IosFilesystemDump(tree);
        } catch (IOException e) {
            throw new InputException("The dump at " + input + " cannot be read: " + e.getMessage() + ".", e);
        }
    }

    @Override
    public String description() {
        return tree.description();
    }

    @Override
    public List<EvidenceFile> resolve(DevicePath location) throws IOException {
        return switch (location.container()) {
            case BACKUP -> List.of();
            case ROOT -> matching(DevicePath.globToRegex(location.path()));
            default -> inContainers(location);
        };
    }

    private List<EvidenceFile> matching(Pattern pattern) throws IOException {
        List<EvidenceFile> found = new ArrayList<>();
        for (String path : tree.paths()) {
            if (pattern.matcher(path).matches()) {
                found.add(tree.file(path));
            }
        }
        return found;
    }

    private List<EvidenceFile> inContainers(DevicePath location) throws IOException {
        Pattern id = DevicePath.globToRegex(location.containerId());
        Pattern path = DevicePath.globToRegex(location.path());
        List<EvidenceFile> found = new ArrayList<>();
        for (Map.Entry<String, List<String>> container : containers(location.container()).entrySet()) {
            if (!id.matcher(container.getKey()).matches()) {
                continue;
            }
            for (String folder : container.getValue()) {
                for (String file : tree.paths()) {
                    if (file.startsWith(folder) && path.matcher(file.substring(folder.length())).matches()) {
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
    public void close() {
        tree.close();
    }
}
