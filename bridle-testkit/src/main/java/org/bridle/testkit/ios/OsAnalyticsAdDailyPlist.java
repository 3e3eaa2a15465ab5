package org.bridle.testkit.ios;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bridle.testkit.PlistFixture;

/**
 * Writes {@code com.apple.osanalytics.addaily.plist}: its {@code netUsageBaseline} dictionary maps a process name to
 * {@code [date, wifi in, wifi out, wwan in, wwan out]} (byte counts as reals).
 */
public final class OsAnalyticsAdDailyPlist {
    public static final String DOMAIN = "HomeDomain";
    public static final String RELATIVE_PATH = "Library/Preferences/com.apple.osanalytics.addaily.plist";

    private final Map<String, Object> baseline = new LinkedHashMap<>();

    /** Adds the network use of one process. */
    public OsAnalyticsAdDailyPlist process(String name, Instant time, double wifiIn, double wifiOut, double wwanIn,
                                           double wwanOut) {
        baseline.put(name, List.of(time, wifiIn, wifiOut, wwanIn, wwanOut));
        return this;
    }

    /** Adds a value of any shape under a process name, as a damaged or future file might hold. */
    public OsAnalyticsAdDailyPlist raw(String name, Object value) {
        baseline.put(name, value);
        return this;
    }

    /** The file's content, a binary property list. */
    public byte[] bytes() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("netUsageBaseline", baseline);
        return PlistFixture.binary(root);
    }
}
