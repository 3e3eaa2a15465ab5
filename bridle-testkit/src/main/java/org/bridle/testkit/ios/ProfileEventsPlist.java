package org.bridle.testkit.ios;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bridle.testkit.PlistFixture;

/**
 * Writes {@code MCProfileEvents.plist}: a {@code ProfileEvents} list where each item maps one profile identifier to
 * {@code timestamp} (a date), {@code operation} ({@code install}, {@code remove}) and {@code process} (who did it).
 */
public final class ProfileEventsPlist {
    /** Where iOS 11 and later keep it. */
    public static final String DOMAIN = ConfigurationProfileStub.DOMAIN;
    /** Where older versions kept it. */
    public static final String OLD_DOMAIN = ConfigurationProfileStub.OLD_DOMAIN;
    public static final String RELATIVE_PATH = "Library/ConfigurationProfiles/MCProfileEvents.plist";

    private final List<Object> events = new ArrayList<>();

    /** Adds an event. */
    public ProfileEventsPlist event(String profileIdentifier, String operation, String process, Instant time) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("timestamp", time);
        details.put("operation", operation);
        details.put("process", process);
        events.add(Map.of(profileIdentifier, details));
        return this;
    }

    /** Adds an item of any shape to the list, as a damaged or future file might hold. */
    public ProfileEventsPlist raw(Object item) {
        events.add(item);
        return this;
    }

    /** The file's content, a binary property list. */
    public byte[] bytes() {
        return PlistFixture.binary(Map.of("ProfileEvents", events));
    }
}
