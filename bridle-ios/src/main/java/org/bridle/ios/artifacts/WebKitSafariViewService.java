package org.bridle.ios.artifacts;

import java.util.ArrayList;
import java.util.List;
import org.bridle.core.source.DevicePath;

/**
 * {@code webkit_safari_view_service}: the web origins of the local storage and IndexedDB data of SafariViewService,
 * the in-app Safari that apps open links in (dump only). Its WebsiteData is in its own extension container and, on
 * older iOS, in the {@code SystemData} folder of each app's container.
 */
public final class WebKitSafariViewService extends WebKitOrigins {
    private static final List<String> STORES = List.of("LocalStorage/*.localstorage",
            "IndexedDB/**/IndexedDB.sqlite3");
    private static final List<String> WEBSITE_DATA = List.of(
            "@plugin/com.apple.SafariViewService/Library/WebKit/WebsiteData/",
            "@app/*/SystemData/com.apple.SafariViewService/Library/WebKit/WebsiteData/");

    public WebKitSafariViewService() {
        super("webkit_safari_view_service", "Web origins of SafariViewService's WebKit data, from the file names",
                websiteDataLocations());
    }

    private static List<DevicePath> websiteDataLocations() {
        List<DevicePath> locations = new ArrayList<>();
        for (String folder : WEBSITE_DATA) {
            for (String store : STORES) {
                locations.add(DevicePath.of(folder + store));
            }
        }
        return locations;
    }
}
