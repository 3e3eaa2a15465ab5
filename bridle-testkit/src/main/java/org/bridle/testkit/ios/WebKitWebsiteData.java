package org.bridle.testkit.ios;

import org.bridle.testkit.SqliteFixture;

/**
 * Paths and files of WebKit's {@code WebsiteData} folder in an app's container (or SafariViewService's), named after
 * web origins as WebKit names them: {@code <scheme>_<host>_<port>}, port 0 for the scheme's default.
 */
public final class WebKitWebsiteData {
    /** The folder, relative to a container. */
    public static final String FOLDER = "Library/WebKit/WebsiteData/";

    private WebKitWebsiteData() {
    }

    /** WebKit's name of an origin, such as {@code https_example.com_0}. */
    public static String origin(String scheme, String host, int port) {
        return scheme + "_" + host + "_" + port;
    }

    /** The local storage file of an origin, relative to the container. */
    public static String localStorage(String origin) {
        return FOLDER + "LocalStorage/" + origin + ".localstorage";
    }

    /** An IndexedDB database of an origin in the layout before iOS 14, relative to the container. */
    public static String indexedDb(String origin, String databaseHash) {
        return FOLDER + "IndexedDB/" + origin + "/" + databaseHash + "/IndexedDB.sqlite3";
    }

    /** An IndexedDB database opened by a frame of {@code origin} in a page of {@code topOrigin} (iOS 14 and later). */
    public static String indexedDbV1(String topOrigin, String origin, String databaseHash) {
        return FOLDER + "IndexedDB/v1/" + topOrigin + "/" + origin + "/" + databaseHash + "/IndexedDB.sqlite3";
    }

    /** A local storage database with one item, as WebKit writes it. */
    public static byte[] localStorageBytes(String key, String value) {
        return SqliteFixture.bytes("CREATE TABLE ItemTable (key TEXT UNIQUE ON CONFLICT REPLACE, "
                + "value BLOB NOT NULL ON CONFLICT FAIL)", "INSERT INTO ItemTable VALUES ('" + key.replace("'", "''")
                + "', '" + value.replace("'", "''") + "')");
    }
}
