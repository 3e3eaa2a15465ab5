package org.bridle.ios.artifacts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.model.Observable;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * The web origins WebKit stored data for, read from the names of its {@code WebsiteData} files and folders, which
 * WebKit names after the origin as {@code <scheme>_<host>_<port>} (port 0 for the scheme's default):
 * {@code LocalStorage/https_example.com_0.localstorage}, {@code IndexedDB/https_example.com_0/<hash>/IndexedDB.sqlite3}
 * and, from iOS 14, {@code IndexedDB/v1/<top-level origin>/<frame origin>/<hash>/IndexedDB.sqlite3}. Only the path
 * is read, never the content; an origin that is not {@code http} or {@code https} (such as {@code file__0}) is
 * skipped with a note. The subclasses differ only in where the {@code WebsiteData} folders are.
 */
public abstract class WebKitOrigins implements Artifact<WebKitOrigins.Origin> {
    private static final String WEBSITE_DATA = "/WebsiteData/";
    private static final String LOCAL_STORAGE_SUFFIX = ".localstorage";

    private final String id;
    private final String description;
    private final List<DevicePath> locations;

    /**
     * One file WebKit keeps for a web origin.
     *
     * @param url the origin, such as {@code https://example.com} (a port other than the default appended)
     * @param topUrl the top-level origin of the page whose frame ({@link #url}) stored the data, when it is another
     *     origin (a third-party frame); otherwise null
     * @param folder the device path of the store folder ({@code …/WebsiteData/IndexedDB} or {@code …/LocalStorage})
     * @param file the device path of the file
     * @param isodate when the file was last modified, when the evidence keeps it (a dump does)
     */
    public record Origin(String url, String topUrl, String folder, String file, Instant isodate) {
    }

    WebKitOrigins(String id, String description, List<DevicePath> locations) {
        this.id = id;
        this.description = description;
        this.locations = List.copyOf(locations);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<DevicePath> locations() {
        return locations;
    }

    @Override
    public final void parse(EvidenceFile file, ParseContext context, Emitter<Origin> out) throws Exception {
        String path = file.devicePath();
        int data = path.lastIndexOf(WEBSITE_DATA);
        int storeEnd = data < 0 ? -1 : path.indexOf('/', data + WEBSITE_DATA.length());
        if (storeEnd < 0) {
            out.note(path + " is not inside a WebsiteData store folder");
            return;
        }
        List<String> origins = new ArrayList<>();
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.endsWith(LOCAL_STORAGE_SUFFIX)) {
            addOrigin(name.substring(0, name.length() - LOCAL_STORAGE_SUFFIX.length()), origins);
        } else {
            String[] folders = path.substring(storeEnd + 1, path.lastIndexOf('/') + 1).split("/");
            for (String folder : folders) {
                addOrigin(folder, origins);
            }
        }
        if (origins.isEmpty()) {
            out.note(path + " names no http or https origin");
            return;
        }
        String url = origins.get(origins.size() - 1);
        String top = origins.size() > 1 && !origins.get(0).equals(url) ? origins.get(0) : null;
        out.entry(new Origin(url, top, path.substring(0, storeEnd), path, file.lastModified().orElse(null)));
    }

    /** Adds the URL of a WebKit origin identifier ({@code https_example.com_0}), when the name is one. */
    private static void addOrigin(String name, List<String> origins) {
        int first = name.indexOf('_');
        int last = name.lastIndexOf('_');
        if (first <= 0 || last <= first + 1 || last == name.length() - 1) {
            return;
        }
        String scheme = name.substring(0, first).toLowerCase(Locale.ROOT);
        String port = name.substring(last + 1);
        if (!(scheme.equals("http") || scheme.equals("https")) || !port.chars().allMatch(Character::isDigit)) {
            return;
        }
        String host = name.substring(first + 1, last);
        origins.add(scheme + "://" + host + (Long.parseLong(port) == 0 ? "" : ":" + port));
    }

    @Override
    public final List<Observable> observables(Origin origin) {
        return origin.topUrl() == null ? List.of(Observable.url(origin.url()))
                : List.of(Observable.url(origin.url()), Observable.url(origin.topUrl()));
    }

    @Override
    public final List<TimelineEvent> timeline(Origin origin) {
        if (origin.isodate() == null) {
            return List.of();
        }
        return List.of(new TimelineEvent(origin.isodate(), id, id, "WebKit data of " + origin.url()
                + (origin.topUrl() == null ? "" : " (in a page of " + origin.topUrl() + ")") + " modified: "
                + origin.file()));
    }
}
