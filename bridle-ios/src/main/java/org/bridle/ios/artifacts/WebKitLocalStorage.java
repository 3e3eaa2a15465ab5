package org.bridle.ios.artifacts;

import java.util.List;
import org.bridle.core.source.DevicePath;

/** {@code webkit_local_storage}: the web origins of the local storage files of apps' web views (dump only). */
public final class WebKitLocalStorage extends WebKitOrigins {

    public WebKitLocalStorage() {
        super("webkit_local_storage", "Web origins of apps' WebKit local storage, from the file names",
                List.of(DevicePath.of("@app/*/Library/WebKit/WebsiteData/LocalStorage/*.localstorage")));
    }
}
