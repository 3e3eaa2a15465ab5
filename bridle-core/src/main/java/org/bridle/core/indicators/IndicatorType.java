package org.bridle.core.indicators;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The kinds of indicator the public feeds publish, by their STIX 2.1 pattern key. */
public enum IndicatorType {
    DOMAIN("domain-name:value"),
    IPV4("ipv4-addr:value"),
    URL("url:value"),
    PROCESS("process:name"),
    EMAIL("email-addr:value"),
    FILE_NAME("file:name"),
    FILE_PATH("file:path"),
    FILE_MD5("file:hashes.md5"),
    FILE_SHA1("file:hashes.sha1"),
    FILE_SHA256("file:hashes.sha256"),
    APP_ID("app:id"),
    APP_CERT_MD5("app:cert.md5"),
    APP_CERT_SHA1("app:cert.sha1"),
    APP_CERT_SHA256("app:cert.sha256"),
    PROFILE_ID("configuration-profile:id"),
    ANDROID_PROPERTY("android-property:name");

    private static final Map<String, IndicatorType> BY_KEY = new HashMap<>();

    static {
        for (IndicatorType type : values()) {
            BY_KEY.put(type.stixKey, type);
        }
    }

    private final String stixKey;

    IndicatorType(String stixKey) {
        this.stixKey = stixKey;
    }

    /** The key as STIX patterns write it, such as {@code domain-name:value}. */
    public String stixKey() {
        return stixKey;
    }

    /**
     * The type a STIX pattern key names, in any case. A hash algorithm may be quoted and hyphenated, as in
     * {@code file:hashes.'SHA-256'} or {@code app:cert.'SHA-1'}; empty when the key is not one of the types.
     */
    public static Optional<IndicatorType> fromStixKey(String key) {
        String lower = key.strip().toLowerCase(Locale.ROOT);
        int dot = lower.indexOf('.');
        if (dot > 0 && (lower.startsWith("file:hashes.") || lower.startsWith("app:cert."))) {
            String algorithm = lower.substring(dot + 1).replace("'", "").replace("-", "");
            lower = lower.substring(0, dot + 1) + algorithm;
        }
        return Optional.ofNullable(BY_KEY.get(lower));
    }
}
