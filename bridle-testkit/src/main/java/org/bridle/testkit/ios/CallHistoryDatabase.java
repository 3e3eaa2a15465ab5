package org.bridle.testkit.ios;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bridle.testkit.SqliteFixture;

/**
 * Writes a {@code CallHistory.storedata} ({@code ZCALLRECORD}; addresses stored as BLOBs as iOS does).
 * {@link Layout#CURRENT} records the app that carried a call ({@code ZSERVICE_PROVIDER}) and the other party's name;
 * {@link Layout#OLDER} records neither.
 */
public final class CallHistoryDatabase {
    /** The backup domain of the file. */
    public static final String DOMAIN = "HomeDomain";
    /** The file's path in {@link #DOMAIN}. */
    public static final String RELATIVE_PATH = "Library/CallHistoryDB/CallHistory.storedata";
    /** The file's path on the device. */
    public static final String DEVICE_PATH = "private/var/mobile/" + RELATIVE_PATH;

    /** Which layout is written. */
    public enum Layout { CURRENT, OLDER }

    private final Layout layout;
    private final List<String> statements = new ArrayList<>();

    private CallHistoryDatabase(Layout layout) {
        this.layout = layout;
        statements.add("CREATE TABLE ZCALLRECORD (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, "
                + "ZANSWERED INTEGER, ZCALLTYPE INTEGER, ZDISCONNECTED_CAUSE INTEGER, ZFACE_TIME_DATA BLOB, "
                + "ZNUMBER_AVAILABILITY INTEGER, ZORIGINATED INTEGER, ZREAD INTEGER, ZDATE TIMESTAMP, "
                + "ZDURATION FLOAT, ZADDRESS BLOB, ZDEVICE_ID VARCHAR, ZISO_COUNTRY_CODE VARCHAR, ZLOCATION VARCHAR, "
                + "ZUNIQUE_ID VARCHAR" + (layout == Layout.CURRENT ? ", ZNAME VARCHAR, ZSERVICE_PROVIDER VARCHAR)"
                : ")"));
    }

    /** An empty database in the layout of a recent iOS. */
    public static CallHistoryDatabase create() {
        return new CallHistoryDatabase(Layout.CURRENT);
    }

    /** An empty database in the given layout. */
    public static CallHistoryDatabase create(Layout layout) {
        return new CallHistoryDatabase(layout);
    }

    /** Adds a call; {@code provider} (such as {@code com.apple.Telephony}) is dropped in the older layout. */
    public CallHistoryDatabase call(Instant date, double seconds, String address, String provider, boolean outgoing,
                                    boolean answered) {
        List<String> columns = new ArrayList<>(List.of("ZANSWERED", "ZCALLTYPE", "ZORIGINATED", "ZDATE", "ZDURATION",
                "ZADDRESS", "ZLOCATION", "ZUNIQUE_ID"));
        List<Object> values = new ArrayList<>(Arrays.asList(answered, 1, outgoing, CocoaTime.seconds(date), seconds,
                address.getBytes(StandardCharsets.UTF_8), "France", "CALL-" + statements.size()));
        if (layout == Layout.CURRENT) {
            columns.add("ZSERVICE_PROVIDER");
            values.add(provider);
        }
        statements.add(SqlLiterals.insert("ZCALLRECORD", columns, values));
        return this;
    }

    /** The database file's bytes. */
    public byte[] bytes() {
        return SqliteFixture.bytes(statements.toArray(new String[0]));
    }
}
