package org.bridle.testkit.ios;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bridle.testkit.SqliteFixture;

/**
 * Writes WhatsApp's {@code ContactsV2.sqlite} ({@code ZWAADDRESSBOOKCONTACT}, names stored as BLOBs as WhatsApp
 * does). {@link Layout#CURRENT} has the LID, disappearing-messages and about-timestamp columns and
 * {@code ZPHONESTATUS}; {@link Layout#OLDER} has none of them and {@code ZPHONENUMBERSTATUS}.
 */
public final class WhatsappContactsDatabase {
    /** The id of WhatsApp's shared app group, whose container holds the file. */
    public static final String GROUP_ID = "group.net.whatsapp.WhatsApp.shared";
    /** The backup domain of the file. */
    public static final String DOMAIN = "AppDomainGroup-" + GROUP_ID;
    /** The file's path in the group container. */
    public static final String RELATIVE_PATH = "ContactsV2.sqlite";

    /** Which WhatsApp layout is written. */
    public enum Layout { CURRENT, OLDER }

    private final Layout layout;
    private final List<String> statements = new ArrayList<>();

    private WhatsappContactsDatabase(Layout layout) {
        this.layout = layout;
        statements.add("CREATE TABLE ZWAADDRESSBOOKCONTACT (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, "
                + "ZFULLNAME BLOB, ZGIVENNAME BLOB, ZLASTNAME BLOB, ZUSERNAME BLOB, ZBUSINESSNAME BLOB, "
                + "ZPHONENUMBER BLOB, ZLOCALIZEDPHONENUMBER BLOB, ZWHATSAPPID BLOB, ZABOUTTEXT BLOB, ZNOTES BLOB, "
                + "ZLASTUPDATED TIMESTAMP, ZSYNCPOLICY INTEGER, "
                + (layout == Layout.CURRENT ? "ZLID BLOB, ZABOUTEMOJI BLOB, ZDISAPPEARINGMODEDURATION REAL, "
                        + "ZDISAPPEARINGMODETIMESTAMP TIMESTAMP, ZABOUTTIMESTAMP TIMESTAMP, "
                        + "ZABOUTEXPIRATIONTIMESTAMP TIMESTAMP, ZPHONESTATUS INTEGER)"
                        : "ZPHONENUMBERSTATUS INTEGER)"));
    }

    /** An empty database in the layout of a recent WhatsApp. */
    public static WhatsappContactsDatabase create() {
        return new WhatsappContactsDatabase(Layout.CURRENT);
    }

    /** An empty database in the given layout. */
    public static WhatsappContactsDatabase create(Layout layout) {
        return new WhatsappContactsDatabase(layout);
    }

    /**
     * Adds a contact whose phone number is {@code +<digits>}; {@code lid}, {@code timerSeconds} and
     * {@code timerSet} are dropped in the older layout, and null values are left NULL.
     */
    public WhatsappContactsDatabase contact(String digits, String lid, String fullName, String aboutText,
                                            Long timerSeconds, Instant timerSet, Instant lastUpdated) {
        List<String> columns = new ArrayList<>(List.of("Z_ENT", "Z_OPT", "ZFULLNAME", "ZPHONENUMBER", "ZWHATSAPPID",
                "ZABOUTTEXT", "ZLASTUPDATED", "ZSYNCPOLICY"));
        List<Object> values = new ArrayList<>(Arrays.asList(1, 1, blob(fullName), blob("+" + digits),
                blob(digits + "@s.whatsapp.net"), blob(aboutText),
                lastUpdated == null ? null : CocoaTime.seconds(lastUpdated), 1));
        if (layout == Layout.CURRENT) {
            columns.addAll(List.of("ZLID", "ZDISAPPEARINGMODEDURATION", "ZDISAPPEARINGMODETIMESTAMP", "ZPHONESTATUS"));
            values.addAll(Arrays.asList(blob(lid), timerSeconds, timerSet == null ? null : CocoaTime.seconds(timerSet),
                    1));
        } else {
            columns.add("ZPHONENUMBERSTATUS");
            values.add(1);
        }
        statements.add(SqlLiterals.insert("ZWAADDRESSBOOKCONTACT", columns, values));
        return this;
    }

    private static byte[] blob(String text) {
        return text == null ? null : text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The database file's bytes. */
    public byte[] bytes() {
        return SqliteFixture.bytes(statements.toArray(new String[0]));
    }
}
