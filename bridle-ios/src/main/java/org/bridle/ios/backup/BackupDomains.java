package org.bridle.ios.backup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bridle.core.source.DevicePath;

/**
 * How an iOS backup names device locations: a domain plus a path relative to that domain's folder on the device.
 * Fixed domains map to one device folder (several may share one, as HomeDomain and MediaDomain do); container domains
 * ({@code AppDomain-<bundle id>} and the like) map to the container of that id.
 */
public final class BackupDomains {
    /** Fixed domains and the device folder each stands for, without trailing slash. */
    private static final Map<String, String> FIXED = new LinkedHashMap<>();

    static {
        FIXED.put("HomeDomain", "private/var/mobile");
        FIXED.put("MediaDomain", "private/var/mobile");
        FIXED.put("CameraRollDomain", "private/var/mobile");
        FIXED.put("TonesDomain", "private/var/mobile");
        FIXED.put("HomeKitDomain", "private/var/mobile");
        FIXED.put("KeyboardDomain", "private/var/mobile");
        FIXED.put("HealthDomain", "private/var/mobile/Library");
        FIXED.put("BooksDomain", "private/var/mobile/Media/Books");
        FIXED.put("RootDomain", "private/var/root");
        FIXED.put("WirelessDomain", "private/var/wireless");
        FIXED.put("SystemPreferencesDomain", "private/var/preferences");
        FIXED.put("DatabaseDomain", "private/var/db");
        FIXED.put("KeychainDomain", "private/var/Keychains");
        FIXED.put("ManagedPreferencesDomain", "private/var/Managed Preferences");
        FIXED.put("MobileDeviceDomain", "private/var/MobileDevice");
        FIXED.put("InstallDomain", "private/var/installd");
        FIXED.put("NetworkDomain", "private/var/networkd");
        FIXED.put("ProtectedDomain", "private/var/protected");
    }

    /** The container kinds that are backup domains, each with its domain-name prefix. */
    private static final ContainerDomain[] CONTAINER_DOMAINS = {
        new ContainerDomain(DevicePath.Container.APP, "AppDomain-"),
        new ContainerDomain(DevicePath.Container.GROUP, "AppDomainGroup-"),
        new ContainerDomain(DevicePath.Container.PLUGIN, "AppDomainPlugin-"),
        new ContainerDomain(DevicePath.Container.SYSTEM_DATA, "SysContainerDomain-"),
        new ContainerDomain(DevicePath.Container.SYSTEM_SHARED, "SysSharedContainerDomain-")};

    private record ContainerDomain(DevicePath.Container container, String prefix) {
    }

    private BackupDomains() {
    }

    /** A domain and the path of a device location relative to it. */
    public record DomainPath(String domain, String relativePath) {
    }

    /**
     * The domains whose folder holds a device-root path, each with the path relative to it, most specific folder
     * first. A path under no known domain folder yields none.
     */
    public static List<DomainPath> forRootPath(String devicePath) {
        return FIXED.entrySet().stream()
                .filter(e -> devicePath.startsWith(e.getValue() + "/"))
                .sorted((a, b) -> b.getValue().length() - a.getValue().length())
                .map(e -> new DomainPath(e.getKey(), devicePath.substring(e.getValue().length() + 1)))
                .toList();
    }

    /** The domain-name prefix of a container kind ({@code AppDomain-} for apps). */
    public static String containerPrefix(DevicePath.Container container) {
        for (ContainerDomain domain : CONTAINER_DOMAINS) {
            if (domain.container() == container) {
                return domain.prefix();
            }
        }
        throw new IllegalArgumentException("not a container: " + container);
    }

    /** The device folder of a fixed domain, if it is one. */
    public static Optional<String> folderOf(String domain) {
        return Optional.ofNullable(FIXED.get(domain));
    }

    /**
     * The device path of a backup record, in {@link DevicePath} syntax: under the device root for fixed domains,
     * {@code @app/<id>/…} and the like for containers, and {@code @domain/<domain>/…} for domains bridle does not know.
     */
    public static String devicePath(String domain, String relativePath) {
        String folder = FIXED.get(domain);
        if (folder != null) {
            return relativePath.isEmpty() ? folder : folder + "/" + relativePath;
        }
        // an array, not a map's entries: this runs for every file of a backup
        for (ContainerDomain container : CONTAINER_DOMAINS) {
            if (domain.startsWith(container.prefix())) {
                String id = domain.substring(container.prefix().length());
                String root = container.container().prefix();
                return relativePath.isEmpty() ? root + "/" + id : root + "/" + id + "/" + relativePath;
            }
        }
        return relativePath.isEmpty() ? "@domain/" + domain : "@domain/" + domain + "/" + relativePath;
    }
}
