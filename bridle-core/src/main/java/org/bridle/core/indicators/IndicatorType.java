package org.bridle.core.indicators;

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

    private final String stixKey;

    IndicatorType(String stixKey) {
        this.stixKey = stixKey;
    }

    /** The key as STIX patterns write it, such as {@code domain-name:value}. */
    public String stixKey() {
        return stixKey;
    }
}
