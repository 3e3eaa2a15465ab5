package org.bridle.core.model;

/**
 * What kind of value an entry carries, and so which indicators it is checked against.
 *
 * <p>A {@link #URL} is checked against URL, domain and IPv4 indicators on its host; a {@link #DOMAIN} against
 * domain and IPv4 indicators; a {@link #FILE_PATH} against file-path and file-name indicators; a {@link #TEXT}
 * has its links extracted and each checked as a URL; a {@link #LINK} is one link already extracted from a text,
 * checked as the text's links are.
 */
public enum ObservableKind {
    URL, DOMAIN, IPV4, TEXT, LINK, PROCESS, EMAIL, FILE_PATH, FILE_NAME,
    FILE_MD5, FILE_SHA1, FILE_SHA256, APP_ID, APP_CERT_MD5, APP_CERT_SHA1, APP_CERT_SHA256,
    PROFILE_ID, ANDROID_PROPERTY
}
