package org.bridle.testkit.ios;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bridle.testkit.PlistFixture;

/**
 * Writes locationd's {@code clients.plist}: one dictionary per client that asked for the location, keyed by a
 * bundle id, an executable path or {@code com.apple.locationd.bundle-<bundle path>} (some iOS versions end the key
 * with {@code :}), holding {@code Executable}, {@code BundlePath}, {@code Registered}, {@code Authorization} and times
 * such as {@code ConsumptionPeriodBegin} or {@code LocationTimeStopped}, which locationd stores as Cocoa seconds.
 */
public final class LocationdClientsPlist {
    public static final String DOMAIN = "RootDomain";
    public static final String RELATIVE_PATH = "Library/Caches/locationd/clients.plist";

    private final Map<String, Object> root = new LinkedHashMap<>();

    /** Adds a client; {@link Instant} values are written as Cocoa seconds, others as given. */
    public LocationdClientsPlist client(String key, Map<String, Object> fields) {
        Map<String, Object> client = new LinkedHashMap<>();
        fields.forEach((name, value) -> client.put(name, value instanceof Instant t ? CocoaTime.seconds(t) : value));
        root.put(key, client);
        return this;
    }

    /** Adds a top-level value that is not a client (locationd keeps migration counters beside the clients). */
    public LocationdClientsPlist raw(String key, Object value) {
        root.put(key, value);
        return this;
    }

    /** The file's content, a binary property list. */
    public byte[] bytes() {
        return PlistFixture.binary(root);
    }
}
