package org.bridle.testkit.ios;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bridle.testkit.SqliteFixture;

/**
 * Writes WhatsApp's {@code ChatStorage.sqlite} (messages, media items, link previews, chat sessions, groups) and the
 * {@code LID.sqlite} beside it. {@link Layout#CURRENT} keeps the LID-phone number pairs in LID.sqlite;
 * {@link Layout#OLDER} keeps them in ChatStorage.sqlite and has no link-preview table.
 */
public final class WhatsappDatabase {
    /** The id of WhatsApp's shared app group, whose container holds the file. */
    public static final String GROUP_ID = "group.net.whatsapp.WhatsApp.shared";
    /** The backup domain of the file. */
    public static final String DOMAIN = "AppDomainGroup-" + GROUP_ID;
    /** ChatStorage.sqlite's path in the group container. */
    public static final String CHAT_STORAGE_PATH = "ChatStorage.sqlite";
    /** LID.sqlite's path in the group container. */
    public static final String LID_PATH = "LID.sqlite";

    /** Which WhatsApp layout is written. */
    public enum Layout { CURRENT, OLDER }

    private static final String PAIRS = "CREATE TABLE ZWAPHONENUMBERLIDPAIR (Z_PK INTEGER PRIMARY KEY, "
            + "Z_ENT INTEGER, Z_OPT INTEGER, ZTIMESTAMP TIMESTAMP, ZLID VARCHAR, ZPHONENUMBER VARCHAR)";

    private final Layout layout;
    private final List<String> chat = new ArrayList<>();
    private final List<String> lid = new ArrayList<>(List.of(PAIRS));
    private long nextPk;

    private WhatsappDatabase(Layout layout) {
        this.layout = layout;
        chat.add("CREATE TABLE ZWAMESSAGE (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, "
                + "ZCHATSESSION INTEGER, ZISFROMME INTEGER, ZMESSAGETYPE INTEGER, ZMESSAGEDATE TIMESTAMP, "
                + "ZFROMJID VARCHAR, ZTOJID VARCHAR, ZTEXT VARCHAR, ZSTANZAID VARCHAR)");
        chat.add("CREATE TABLE ZWAMEDIAITEM (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, "
                + "ZMESSAGE INTEGER, ZFILESIZE INTEGER, ZAUTHORNAME VARCHAR, ZMEDIALOCALPATH VARCHAR, "
                + "ZMEDIAURL VARCHAR)");
        chat.add("CREATE TABLE ZWACHATSESSION (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, "
                + "ZARCHIVED INTEGER, ZHIDDEN INTEGER, ZMESSAGECOUNTER INTEGER, ZREMOVED INTEGER, "
                + "ZSESSIONTYPE INTEGER, ZGROUPINFO INTEGER, ZLASTMESSAGEDATE TIMESTAMP, ZCONTACTJID VARCHAR, "
                + "ZPARTNERNAME VARCHAR)");
        chat.add("CREATE TABLE ZWAGROUPINFO (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, "
                + "ZCHATSESSION INTEGER, ZCREATIONDATE TIMESTAMP, ZCREATORJID VARCHAR)");
        if (layout == Layout.CURRENT) {
            chat.add("CREATE TABLE ZWAMESSAGEDATAITEM (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, "
                    + "ZMESSAGE INTEGER, ZCONTENT1 VARCHAR, ZCONTENT2 VARCHAR, ZMATCHEDTEXT VARCHAR, "
                    + "ZSUMMARY VARCHAR, ZTITLE VARCHAR)");
        } else {
            chat.add(PAIRS);
        }
    }

    /** Empty databases in the layout of a recent WhatsApp. */
    public static WhatsappDatabase create() {
        return new WhatsappDatabase(Layout.CURRENT);
    }

    /** Empty databases in the given layout. */
    public static WhatsappDatabase create(Layout layout) {
        return new WhatsappDatabase(layout);
    }

    /**
     * Adds a message to a chat session and returns its Z_PK; {@code fromJid} null means the owner sent it to
     * {@code toJid}.
     */
    public long message(long session, String fromJid, String toJid, String text, Instant date) {
        long pk = ++nextPk;
        chat.add(SqlLiterals.insert("ZWAMESSAGE", List.of("Z_PK", "ZCHATSESSION", "ZISFROMME", "ZMESSAGETYPE",
                "ZMESSAGEDATE", "ZFROMJID", "ZTOJID", "ZTEXT"), Arrays.asList(pk, session, fromJid == null ? 1 : 0,
                0, CocoaTime.seconds(date), fromJid, toJid, text)));
        return pk;
    }

    /** Adds a media item (photo, video, …) to a message. */
    public WhatsappDatabase media(long message, String mediaUrl, String authorName) {
        chat.add(SqlLiterals.insert("ZWAMEDIAITEM", List.of("ZMESSAGE", "ZMEDIAURL", "ZAUTHORNAME"),
                Arrays.asList(message, mediaUrl, authorName)));
        return this;
    }

    /** Adds a link preview to a message (recent layout only). */
    public WhatsappDatabase linkPreview(long message, String matchedText, String title) {
        if (layout != Layout.CURRENT) {
            throw new IllegalStateException("the older layout has no link previews");
        }
        chat.add(SqlLiterals.insert("ZWAMESSAGEDATAITEM", List.of("ZMESSAGE", "ZMATCHEDTEXT", "ZTITLE"),
                Arrays.asList(message, matchedText, title)));
        return this;
    }

    /** Adds a chat session; {@code groupCreated} non-null makes it a group created then. */
    public WhatsappDatabase session(long pk, String contactJid, String partnerName, int messageCounter,
                                    Instant lastMessageDate, Instant groupCreated) {
        Long group = null;
        if (groupCreated != null) {
            group = pk;
            chat.add(SqlLiterals.insert("ZWAGROUPINFO", List.of("Z_PK", "ZCHATSESSION", "ZCREATIONDATE"),
                    Arrays.asList(pk, pk, CocoaTime.seconds(groupCreated))));
        }
        chat.add(SqlLiterals.insert("ZWACHATSESSION", List.of("Z_PK", "ZARCHIVED", "ZHIDDEN", "ZMESSAGECOUNTER",
                "ZREMOVED", "ZSESSIONTYPE", "ZGROUPINFO", "ZLASTMESSAGEDATE", "ZCONTACTJID", "ZPARTNERNAME"),
                Arrays.asList(pk, 0, 0, messageCounter, 0, group == null ? 0 : 1, group,
                        CocoaTime.seconds(lastMessageDate), contactJid, partnerName)));
        return this;
    }

    /** Adds a LID-phone number pair, to LID.sqlite or (older layout) ChatStorage.sqlite. */
    public WhatsappDatabase lidPair(String lidDigits, String phoneDigits, Instant recorded) {
        String insert = SqlLiterals.insert("ZWAPHONENUMBERLIDPAIR", List.of("Z_ENT", "Z_OPT", "ZTIMESTAMP", "ZLID",
                "ZPHONENUMBER"), Arrays.asList(3, 1, CocoaTime.seconds(recorded), lidDigits, phoneDigits));
        (layout == Layout.CURRENT ? lid : chat).add(insert);
        return this;
    }

    /** ChatStorage.sqlite's bytes. */
    public byte[] chatStorage() {
        return SqliteFixture.bytes(chat.toArray(new String[0]));
    }

    /** LID.sqlite's bytes (with no pairs in the older layout). */
    public byte[] lidDatabase() {
        return SqliteFixture.bytes(lid.toArray(new String[0]));
    }
}
