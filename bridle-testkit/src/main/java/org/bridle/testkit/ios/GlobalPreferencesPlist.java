package org.bridle.testkit.ios;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bridle.testkit.PlistFixture;

/** Writes a {@code .GlobalPreferences.plist} (binary, as iOS does), keeping the order keys were added in. */
public final class GlobalPreferencesPlist {
    /** The backup domain of the file. */
    public static final String DOMAIN = "HomeDomain";
    /** The file's path in {@link #DOMAIN}. */
    public static final String RELATIVE_PATH = "Library/Preferences/.GlobalPreferences.plist";
    /** The file's path on the device. */
    public static final String DEVICE_PATH = "private/var/mobile/" + RELATIVE_PATH;

    private final Map<String, Object> preferences = new LinkedHashMap<>();

    /** A plist with a few ordinary preferences and no Lockdown Mode key. */
    public static GlobalPreferencesPlist create() {
        GlobalPreferencesPlist plist = new GlobalPreferencesPlist();
        plist.preferences.put("WebKitShowLinkPreviews", false);
        plist.preferences.put("AppleLocale", "en_FR");
        plist.preferences.put("AppleKeyboardsExpanded", 1L);
        return plist;
    }

    /** Sets a preference. */
    public GlobalPreferencesPlist set(String key, Object value) {
        preferences.put(key, value);
        return this;
    }

    /** Sets Lockdown Mode on or off ({@code LDMGlobalEnabled}). */
    public GlobalPreferencesPlist lockdownMode(boolean enabled) {
        return set("LDMGlobalEnabled", enabled);
    }

    /** The plist's bytes. */
    public byte[] bytes() {
        return PlistFixture.binary(preferences);
    }
}
