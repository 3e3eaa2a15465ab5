package org.bridle.ios.artifacts;

import java.util.List;
import org.bridle.core.source.DevicePath;

/** {@code webkit_indexeddb}: the web origins of the IndexedDB databases of apps' web views (dump only). */
public final class WebKitIndexedDb extends WebKitOrigins {

    public WebKitIndexedDb() {
        super("webkit_indexeddb", "Web origins of apps' WebKit IndexedDB databases, from their folder names",
                List.of(DevicePath.of("@app/*/Library/WebKit/WebsiteData/IndexedDB/**/IndexedDB.sqlite3")));
    }
}
