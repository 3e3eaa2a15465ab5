package org.bridle.ios.fs;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.bridle.core.source.EvidenceFile;
import org.bridle.core.source.LocalEvidenceFile;

/**
 * A dump extracted into a folder. Symbolic links are not followed (a link may point outside the dump), so only the
 * regular files inside the folder are evidence.
 */
final class FolderTree implements DumpTree {
    private final Path root;
    private final List<String> paths;
    private final Set<String> known;

    private FolderTree(Path root, List<String> paths) {
        this.root = root;
        this.paths = paths;
        this.known = new HashSet<>(paths);
    }

    /** Indexes every regular file under {@code root}. */
    static FolderTree index(Path root) throws IOException {
        List<String> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root, new FileVisitOption[0])) {
            walk.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .forEach(p -> paths.add(root.relativize(p).toString().replace('\\', '/')));
        }
        Collections.sort(paths);
        return new FolderTree(root, Collections.unmodifiableList(paths));
    }

    @Override
    public List<String> paths() {
        return paths;
    }

    @Override
    public EvidenceFile file(String path) {
        return new LocalEvidenceFile(path, path, root.resolve(path), suffix -> sidecar(path + suffix), true);
    }

    private Optional<EvidenceFile> sidecar(String path) {
        return known.contains(path) ? Optional.of(file(path)) : Optional.empty();
    }

    @Override
    public String description() {
        return "iOS filesystem dump at " + root;
    }

    @Override
    public void close() {
        // a folder holds nothing open
    }
}
