package org.bridle.testkit.ios;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bridle.testkit.SqliteFixture;

/**
 * Writes an {@code AddressBook.sqlitedb} (people in {@code ABPerson}, their phone numbers, e-mail addresses and URLs
 * in {@code ABMultiValue}). {@link Layout#CURRENT} labels values through {@code ABMultiValueLabel};
 * {@link Layout#OLDER} has no label table.
 */
public final class AddressBookDatabase {
    /** The backup domain of the file. */
    public static final String DOMAIN = "HomeDomain";
    /** The file's path in {@link #DOMAIN}. */
    public static final String RELATIVE_PATH = "Library/AddressBook/AddressBook.sqlitedb";
    /** The file's path on the device. */
    public static final String DEVICE_PATH = "private/var/mobile/" + RELATIVE_PATH;

    /** Which layout is written. */
    public enum Layout { CURRENT, OLDER }

    /** {@code ABMultiValue.property} of a phone number. */
    public static final int PHONE = 3;
    /** {@code ABMultiValue.property} of an e-mail address. */
    public static final int EMAIL = 4;
    /** {@code ABMultiValue.property} of a URL. */
    public static final int URL = 22;

    private final Layout layout;
    private final List<String> statements = new ArrayList<>();
    private long nextPerson;
    private long nextLabel;

    private AddressBookDatabase(Layout layout) {
        this.layout = layout;
        statements.add("CREATE TABLE ABPerson (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, First TEXT, Last TEXT, "
                + "Middle TEXT, FirstPhonetic TEXT, Organization TEXT, Department TEXT, Note TEXT, Kind INTEGER, "
                + "Birthday TEXT, JobTitle TEXT, Nickname TEXT, CreationDate INTEGER, ModificationDate INTEGER)");
        statements.add("CREATE TABLE ABMultiValue (UID INTEGER PRIMARY KEY, record_id INTEGER, property INTEGER, "
                + "identifier INTEGER, label INTEGER, value TEXT, guid TEXT)");
        if (layout == Layout.CURRENT) {
            statements.add("CREATE TABLE ABMultiValueLabel (value TEXT, UNIQUE(value))");
        }
    }

    /** An empty database in the layout of a recent iOS. */
    public static AddressBookDatabase create() {
        return new AddressBookDatabase(Layout.CURRENT);
    }

    /** An empty database in the given layout. */
    public static AddressBookDatabase create(Layout layout) {
        return new AddressBookDatabase(layout);
    }

    /** Adds a person created at {@code created} and returns its ROWID. */
    public long person(String first, String last, String organization, Instant created) {
        long pk = ++nextPerson;
        long seconds = Math.round(CocoaTime.seconds(created));
        statements.add(SqlLiterals.insert("ABPerson", List.of("ROWID", "First", "Last", "Organization",
                "CreationDate", "ModificationDate"), Arrays.asList(pk, first, last, organization, seconds, seconds)));
        return pk;
    }

    /**
     * Adds a value of a person ({@link #PHONE}, {@link #EMAIL}, {@link #URL}); {@code label} (such as
     * {@code _$!<Mobile>!$_}) is dropped in the older layout.
     */
    public AddressBookDatabase value(long person, int property, String label, String value) {
        Long labelId = null;
        if (layout == Layout.CURRENT && label != null) {
            labelId = ++nextLabel;
            statements.add(SqlLiterals.insert("ABMultiValueLabel", List.of("ROWID", "value"), List.of(labelId, label)));
        }
        statements.add(SqlLiterals.insert("ABMultiValue", List.of("record_id", "property", "identifier", "label",
                "value"), Arrays.asList(person, property, 0, labelId, value)));
        return this;
    }

    /** The database file's bytes. */
    public byte[] bytes() {
        return SqliteFixture.bytes(statements.toArray(new String[0]));
    }
}
