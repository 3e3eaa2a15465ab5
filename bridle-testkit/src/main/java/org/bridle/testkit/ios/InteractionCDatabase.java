package org.bridle.testkit.ios;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bridle.testkit.SqliteFixture;

/**
 * Writes CoreDuet's {@code interactionC.db}: interactions, contacts, attachments and the Core Data link tables
 * between them. {@link Layout#CURRENT} numbers the link tables {@code Z_1INTERACTIONS}/{@code Z_2INTERACTIONRECIPIENT}
 * and has group names and target bundle ids; {@link Layout#OLDER} numbers them {@code Z_2INTERACTIONS}/
 * {@code Z_3INTERACTIONRECIPIENT} and has neither column.
 */
public final class InteractionCDatabase {
    /** The backup domain of the file. */
    public static final String DOMAIN = "HomeDomain";
    /** The file's path in {@link #DOMAIN}. */
    public static final String RELATIVE_PATH = "Library/CoreDuet/People/interactionC.db";
    /** The file's path on the device. */
    public static final String DEVICE_PATH = "private/var/mobile/" + RELATIVE_PATH;

    /** Which layout is written. */
    public enum Layout { CURRENT, OLDER }

    /** {@code ZDIRECTION} of an incoming interaction. */
    public static final int INCOMING = 0;
    /** {@code ZDIRECTION} of an outgoing interaction. */
    public static final int OUTGOING = 1;

    private final Layout layout;
    private final List<String> statements = new ArrayList<>();
    private long nextInteraction;
    private long nextContact;
    private long nextAttachment;

    private InteractionCDatabase(Layout layout) {
        this.layout = layout;
        boolean current = layout == Layout.CURRENT;
        statements.add("CREATE TABLE ZINTERACTIONS (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, "
                + "ZDIRECTION INTEGER, ZISRESPONSE INTEGER, ZMECHANISM INTEGER, ZRECIPIENTCOUNT INTEGER, "
                + "ZSENDER INTEGER, ZCREATIONDATE TIMESTAMP, ZENDDATE TIMESTAMP, ZSTARTDATE TIMESTAMP, "
                + "ZACCOUNT VARCHAR, ZBUNDLEID VARCHAR, ZCONTENTURL VARCHAR, ZDOMAINIDENTIFIER VARCHAR, "
                + "ZLOCATIONUUID VARCHAR" + (current ? ", ZTARGETBUNDLEID VARCHAR, ZGROUPNAME VARCHAR, "
                + "ZDERIVEDINTENTIDENTIFIER VARCHAR)" : ")"));
        statements.add("CREATE TABLE ZCONTACTS (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, "
                + "ZINCOMINGRECIPIENTCOUNT INTEGER, ZINCOMINGSENDERCOUNT INTEGER, ZOUTGOINGRECIPIENTCOUNT INTEGER, "
                + "ZCREATIONDATE TIMESTAMP, ZFIRSTINCOMINGRECIPIENTDATE TIMESTAMP, ZFIRSTINCOMINGSENDERDATE TIMESTAMP, "
                + "ZFIRSTOUTGOINGRECIPIENTDATE TIMESTAMP, ZLASTINCOMINGRECIPIENTDATE TIMESTAMP, "
                + "ZLASTINCOMINGSENDERDATE TIMESTAMP, ZLASTOUTGOINGRECIPIENTDATE TIMESTAMP, ZCUSTOMIDENTIFIER VARCHAR, "
                + "ZDISPLAYNAME VARCHAR, ZIDENTIFIER VARCHAR, ZPERSONID VARCHAR)");
        statements.add("CREATE TABLE ZATTACHMENT (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, "
                + "ZSIZEINBYTES INTEGER, ZCLOUDIDENTIFIER VARCHAR, ZCONTENTTEXT VARCHAR, ZCONTENTURL VARCHAR, "
                + "ZPHOTOLOCALIDENTIFIER VARCHAR, ZUTI VARCHAR, ZIDENTIFIER BLOB)");
        statements.add("CREATE TABLE " + attachmentLink() + " (" + String.join(" INTEGER, ", attachmentColumns())
                + " INTEGER)");
        statements.add("CREATE TABLE " + recipientLink() + " (" + String.join(" INTEGER, ", recipientColumns())
                + " INTEGER)");
    }

    /** An empty database in the layout of a recent iOS. */
    public static InteractionCDatabase create() {
        return new InteractionCDatabase(Layout.CURRENT);
    }

    /** An empty database in the given layout. */
    public static InteractionCDatabase create(Layout layout) {
        return new InteractionCDatabase(layout);
    }

    /** Adds a contact and returns its Z_PK; {@code firstIncoming} (may be null) is its first incoming interaction. */
    public long contact(String displayName, String identifier, Instant firstIncoming) {
        long pk = ++nextContact;
        statements.add(SqlLiterals.insert("ZCONTACTS", List.of("Z_PK", "ZDISPLAYNAME", "ZIDENTIFIER",
                "ZFIRSTINCOMINGSENDERDATE"), Arrays.asList(pk, displayName, identifier,
                firstIncoming == null ? null : CocoaTime.seconds(firstIncoming))));
        return pk;
    }

    /**
     * Adds an interaction in an app, from {@code sender} (a contact Z_PK, or null), lasting no time, whose record
     * was written at {@code created}; returns its Z_PK.
     */
    public long interaction(String bundleId, int direction, Long sender, Instant start, Instant created) {
        long pk = ++nextInteraction;
        statements.add(SqlLiterals.insert("ZINTERACTIONS", List.of("Z_PK", "ZDIRECTION", "ZISRESPONSE",
                "ZRECIPIENTCOUNT", "ZSENDER", "ZCREATIONDATE", "ZENDDATE", "ZSTARTDATE", "ZBUNDLEID"),
                Arrays.asList(pk, direction, 0, 1, sender, CocoaTime.seconds(created), CocoaTime.seconds(start),
                        CocoaTime.seconds(start), bundleId)));
        return pk;
    }

    /** Adds a recipient (a contact Z_PK) to an interaction. */
    public InteractionCDatabase recipient(long interaction, long contact) {
        statements.add(SqlLiterals.insert(recipientLink(), recipientColumns(), List.of(contact, interaction)));
        return this;
    }

    /** Adds an attachment with text and a URL to an interaction. */
    public InteractionCDatabase attachment(long interaction, String text, String url) {
        long pk = ++nextAttachment;
        statements.add(SqlLiterals.insert("ZATTACHMENT", List.of("Z_PK", "ZCONTENTTEXT", "ZCONTENTURL", "ZUTI"),
                Arrays.asList(pk, text, url, "public.url")));
        statements.add(SqlLiterals.insert(attachmentLink(), attachmentColumns(), List.of(pk, interaction)));
        return this;
    }

    private String attachmentLink() {
        return layout == Layout.CURRENT ? "Z_1INTERACTIONS" : "Z_2INTERACTIONS";
    }

    private List<String> attachmentColumns() {
        return layout == Layout.CURRENT ? List.of("Z_1ATTACHMENTS", "Z_3INTERACTIONS")
                : List.of("Z_2ATTACHMENTS", "Z_4INTERACTIONS");
    }

    private String recipientLink() {
        return layout == Layout.CURRENT ? "Z_2INTERACTIONRECIPIENT" : "Z_3INTERACTIONRECIPIENT";
    }

    private List<String> recipientColumns() {
        return layout == Layout.CURRENT ? List.of("Z_2RECIPIENTS", "Z_3INTERACTIONRECIPIENT")
                : List.of("Z_3RECIPIENTS", "Z_4INTERACTIONRECIPIENT");
    }

    /** The database file's bytes. */
    public byte[] bytes() {
        return SqliteFixture.bytes(statements.toArray(new String[0]));
    }
}
