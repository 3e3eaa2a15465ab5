package org.bridle.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Writes an iPhone filesystem dump into a folder: files at their device paths ({@code private/var/...}), and app,
 * group, extension and system containers under random UUID folders with the
 * {@code .com.apple.mobile_container_manager.metadata.plist} that names their owner, as iOS lays them out.
 */
public final class DumpBuilder {
    private final Path root;
    private final Map<String, String> containers = new LinkedHashMap<>();
    private long uuidSeed;

    /** Where each kind of container lives on the device. */
    public enum Container {
        APP("private/var/mobile/Containers/Data/Application/"),
        GROUP("private/var/mobile/Containers/Shared/AppGroup/"),
        PLUGIN("private/var/mobile/Containers/Data/PluginKitPlugin/"),
        SYSTEM_DATA("private/var/containers/Data/System/"),
        SYSTEM_SHARED("private/var/containers/Shared/SystemGroup/");

        private final String folder;

        Container(String folder) {
            this.folder = folder;
        }

        /** The device folder holding containers of this kind, with a trailing slash. */
        public String folder() {
            return folder;
        }
    }

    /** A builder writing into {@code root} (created when missing). */
    public DumpBuilder(Path root) {
        this.root = root;
    }

    /** Writes a file at its device path, such as {@code private/var/mobile/Library/SMS/sms.db}. */
    public DumpBuilder file(String devicePath, byte[] content) {
        try {
            Path target = root.resolve(devicePath);
            Files.createDirectories(target.getParent());
            Files.write(target, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a text file at its device path. */
    public DumpBuilder file(String devicePath, String content) {
        return file(devicePath, content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes a file inside the container of {@code id} (creating the container, with its metadata plist, on first
     * use), at {@code path} relative to the container folder.
     */
    public DumpBuilder containerFile(Container kind, String id, String path, byte[] content) {
        return file(container(kind, id) + path, content);
    }

    /** The device folder of a container (with trailing slash), created with its metadata plist when new. */
    public String container(Container kind, String id) {
        return containers.computeIfAbsent(kind + "/" + id, key -> {
            String folder = kind.folder() + new UUID(0x1234_5678L, ++uuidSeed).toString().toUpperCase() + "/";
            file(folder + ".com.apple.mobile_container_manager.metadata.plist",
                    PlistFixture.binary(Map.of("MCMMetadataIdentifier", id, "MCMMetadataContentClass", 2L)));
            return folder;
        });
    }

    /** The dump folder. */
    public Path build() {
        try {
            Files.createDirectories(root.resolve("private/var"));
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
