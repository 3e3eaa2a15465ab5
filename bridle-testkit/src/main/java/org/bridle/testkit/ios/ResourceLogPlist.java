package org.bridle.testkit.ios;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bridle.testkit.PlistFixture;

/**
 * Writes WebKit's {@code full_browsing_session_resourceLog.plist}: a {@code browsingStatistics} list with one
 * dictionary per domain, its related domains as lists of {@code {domain: …}} dictionaries and its times as Unix
 * seconds. {@link #recent()} writes WebKit's current keys (model 15 and later: {@code PrevalentResourceDomain},
 * {@code …Domains}); {@link #legacy()} the older ones ({@code PrevalentResourceOrigin}, {@code …Origins}, and
 * {@code {origin: …, count: …}} items).
 */
public final class ResourceLogPlist {
    public static final String RELATIVE_PATH =
            "Library/WebKit/WebsiteData/ResourceLoadStatistics/full_browsing_session_resourceLog.plist";

    private final boolean legacy;
    private final List<Object> statistics = new ArrayList<>();

    private ResourceLogPlist(boolean legacy) {
        this.legacy = legacy;
    }

    /** WebKit's current keys. */
    public static ResourceLogPlist recent() {
        return new ResourceLogPlist(false);
    }

    /** The keys of WebKit before model 15 (iOS 12 and earlier). */
    public static ResourceLogPlist legacy() {
        return new ResourceLogPlist(true);
    }

    /**
     * Adds a domain.
     *
     * @param redirectsFrom domains whose top frame redirected to it
     * @param redirectsTo domains its top frame redirected to
     * @param subresourceUnder top-frame domains that loaded it as a resource
     */
    public ResourceLogPlist domain(String domain, List<String> redirectsFrom, List<String> redirectsTo,
                                   List<String> subresourceUnder, Instant lastSeen) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put(legacy ? "PrevalentResourceOrigin" : "PrevalentResourceDomain", domain);
        item.put("lastSeen", lastSeen.getEpochSecond() + lastSeen.getNano() / 1e9);
        item.put("hadUserInteraction", false);
        item.put("mostRecentUserInteraction", 0.0);
        item.put("grandfathered", false);
        item.put("topFrameUniqueRedirectsFrom", list(redirectsFrom));
        item.put("topFrameUniqueRedirectsTo", list(redirectsTo));
        item.put(legacy ? "subresourceUnderTopFrameOrigins" : "subresourceUnderTopFrameDomains",
                list(subresourceUnder));
        item.put("isPrevalentResource", false);
        item.put("dataRecordsRemoved", 0);
        statistics.add(item);
        return this;
    }

    private List<Object> list(List<String> domains) {
        List<Object> items = new ArrayList<>();
        for (String domain : domains) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put(legacy ? "origin" : "domain", domain);
            if (legacy) {
                item.put("count", 1);
            }
            items.add(item);
        }
        return items;
    }

    /** The property list's bytes (binary). */
    public byte[] bytes() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", legacy ? 14 : 17);
        root.put("browsingStatistics", statistics);
        return PlistFixture.binary(root);
    }
}
