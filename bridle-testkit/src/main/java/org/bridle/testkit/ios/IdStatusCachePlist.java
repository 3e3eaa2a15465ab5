package org.bridle.testkit.ios;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bridle.testkit.PlistFixture;

/**
 * Writes the identity services status cache: for each IDS service (such as {@code com.apple.madrid}, iMessage), the
 * handles it looked up ({@code mailto:…}, {@code tel:…}) with {@code LookupDate} (Cocoa seconds) and {@code IDStatus}
 * (1 reachable on Apple's services, 2 not), beside a {@code CacheVersion} number.
 */
public final class IdStatusCachePlist {
    public static final String DOMAIN = "HomeDomain";
    /** Where iOS 14 and earlier keep it. */
    public static final String RELATIVE_PATH = "Library/Preferences/com.apple.identityservices.idstatuscache.plist";
    /** Where later versions keep it. */
    public static final String NEW_RELATIVE_PATH = "Library/IdentityServices/idstatuscache.plist";

    private final Map<String, Object> root = new LinkedHashMap<>();

    public IdStatusCachePlist() {
        root.put("CacheVersion", 2);
    }

    /** Adds a lookup of {@code handle} by {@code service}. */
    @SuppressWarnings("unchecked")
    public IdStatusCachePlist lookup(String service, String handle, Instant date, int idStatus) {
        Map<String, Object> lookup = new LinkedHashMap<>();
        lookup.put("LookupDate", CocoaTime.seconds(date));
        lookup.put("IDStatus", idStatus);
        ((Map<String, Object>) root.computeIfAbsent(service, s -> new LinkedHashMap<String, Object>()))
                .put(handle, lookup);
        return this;
    }

    /** The file's content, a binary property list. */
    public byte[] bytes() {
        return PlistFixture.binary(root);
    }
}
