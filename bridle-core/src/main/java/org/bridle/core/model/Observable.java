package org.bridle.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One value an entry carries that can be checked against indicators, such as a URL or a process name. */
public record Observable(ObservableKind kind, String value) {
    public Observable {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    public static Observable url(String value) { return new Observable(ObservableKind.URL, value); }

    /** A URL observable for each value that is neither null nor empty, in order. */
    public static List<Observable> urls(String... values) {
        List<Observable> urls = new ArrayList<>(values.length);
        for (String value : values) {
            if (value != null && !value.isEmpty()) {
                urls.add(url(value));
            }
        }
        return urls;
    }
    public static Observable domain(String value) { return new Observable(ObservableKind.DOMAIN, value); }
    public static Observable text(String value) { return new Observable(ObservableKind.TEXT, value); }

    /**
     * A link that {@code LinkExtractor} found in a text: it matches exactly what the text's {@link #text} observable
     * matches through that link, so an artifact that keeps a text's links can pass them instead of the text.
     */
    public static Observable link(String value) { return new Observable(ObservableKind.LINK, value); }

    public static Observable process(String value) { return new Observable(ObservableKind.PROCESS, value); }
    public static Observable email(String value) { return new Observable(ObservableKind.EMAIL, value); }
    public static Observable filePath(String value) { return new Observable(ObservableKind.FILE_PATH, value); }
    public static Observable fileName(String value) { return new Observable(ObservableKind.FILE_NAME, value); }
    public static Observable appId(String value) { return new Observable(ObservableKind.APP_ID, value); }
    public static Observable profileId(String value) { return new Observable(ObservableKind.PROFILE_ID, value); }
}
