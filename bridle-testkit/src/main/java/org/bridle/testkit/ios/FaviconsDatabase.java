package org.bridle.testkit.ios;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bridle.testkit.SqliteFixture;

/**
 * Writes Safari's {@code Favicons.db}: {@code icon_info} (one icon per {@code uuid}, fetched at a Cocoa time) and
 * {@code page_url} (the pages using it). {@link Layout#WITH_REJECTED} (recent iOS) also has
 * {@code rejected_resources}, the icons Safari refused; {@link Layout#WITHOUT_REJECTED} (older iOS) does not.
 */
public final class FaviconsDatabase {
    /** Where iOS 12 and earlier keep it. */
    public static final String DEVICE_PATH = "private/var/mobile/Library/Image Cache/Favicons/Favicons.db";
    /** Where later versions keep it, relative to Safari's container ({@code com.apple.mobilesafari}). */
    public static final String CONTAINER_PATH = "Library/Image Cache/Favicons/Favicons.db";

    /** Whether the database has the rejected_resources table. */
    public enum Layout { WITH_REJECTED, WITHOUT_REJECTED }

    private final List<String> statements = new ArrayList<>();

    private FaviconsDatabase(Layout layout) {
        statements.add("CREATE TABLE icon_info (uuid TEXT NOT NULL UNIQUE, url TEXT NOT NULL, timestamp REAL NOT NULL, "
                + "width REAL NOT NULL, height REAL NOT NULL, has_generated_representations INTEGER NOT NULL)");
        statements.add("CREATE TABLE page_url (uuid TEXT NOT NULL, url TEXT NOT NULL UNIQUE)");
        if (layout == Layout.WITH_REJECTED) {
            statements.add("CREATE TABLE rejected_resources (page_url TEXT NOT NULL, icon_url TEXT NOT NULL, "
                    + "timestamp REAL NOT NULL, UNIQUE(page_url, icon_url))");
        }
    }

    /** An empty database in the layout of a recent iOS. */
    public static FaviconsDatabase create() {
        return new FaviconsDatabase(Layout.WITH_REJECTED);
    }

    /** An empty database in the given layout. */
    public static FaviconsDatabase create(Layout layout) {
        return new FaviconsDatabase(layout);
    }

    /** Adds an icon fetched at {@code time} and a page that uses it. */
    public FaviconsDatabase icon(String uuid, String pageUrl, String iconUrl, Instant time) {
        statements.add(SqlLiterals.insert("icon_info", List.of("uuid", "url", "timestamp", "width", "height",
                "has_generated_representations"), Arrays.asList(uuid, iconUrl, CocoaTime.seconds(time), 32, 32, 0)));
        statements.add(SqlLiterals.insert("page_url", List.of("uuid", "url"), List.of(uuid, pageUrl)));
        return this;
    }

    /** Adds a rejected icon (in the {@link Layout#WITH_REJECTED} layout only). */
    public FaviconsDatabase rejected(String pageUrl, String iconUrl, Instant time) {
        statements.add(SqlLiterals.insert("rejected_resources", List.of("page_url", "icon_url", "timestamp"),
                Arrays.asList(pageUrl, iconUrl, CocoaTime.seconds(time))));
        return this;
    }

    /** The database file's bytes. */
    public byte[] bytes() {
        return SqliteFixture.bytes(statements.toArray(new String[0]));
    }
}
