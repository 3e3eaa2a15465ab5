package org.bridle.testkit.ios;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bridle.testkit.SqliteFixture;

/**
 * Writes an {@code sms.db} (Messages: {@code message} and {@code handle} tables) with the columns bridle reads and
 * the layout of an iOS version: {@link Layout#IOS_16} stores dates in nanoseconds since 2001 and may leave
 * {@code text} NULL with the text only in the {@code attributedBody} typedstream; {@link Layout#IOS_10} stores dates
 * in seconds and lacks the columns added since (thread replies, edits, stickers). Attachments go in
 * {@code attachment}, linked to their message through {@code message_attachment_join}.
 */
public final class SmsDatabase {
    /** The iOS version whose layout is written. */
    public enum Layout { IOS_16, IOS_10 }

    private static final Instant COCOA_EPOCH = Instant.parse("2001-01-01T00:00:00Z");
    private static final List<String> MESSAGE_COLUMNS = List.of("ROWID", "guid", "text", "handle_id",
            "attributedBody", "service", "account", "date", "date_read", "date_delivered", "is_from_me", "is_read");

    private final Layout layout;
    private final List<String> statements = new ArrayList<>();

    private SmsDatabase(Layout layout) {
        this.layout = layout;
        statements.add("CREATE TABLE handle (ROWID INTEGER PRIMARY KEY AUTOINCREMENT UNIQUE, id TEXT NOT NULL, "
                + "country TEXT, service TEXT NOT NULL, uncanonicalized_id TEXT, person_centric_id TEXT, "
                + "UNIQUE (id, service))");
        String recent = layout == Layout.IOS_16
                ? ", thread_originator_guid TEXT DEFAULT NULL, date_retracted INTEGER DEFAULT 0, "
                        + "date_edited INTEGER DEFAULT 0"
                : "";
        statements.add("CREATE TABLE message (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT UNIQUE NOT NULL, "
                + "text TEXT, replace INTEGER DEFAULT 0, service_center TEXT, handle_id INTEGER DEFAULT 0, "
                + "subject TEXT, country TEXT, attributedBody BLOB, version INTEGER DEFAULT 0, type INTEGER DEFAULT 0, "
                + "service TEXT, account TEXT, account_guid TEXT, error INTEGER DEFAULT 0, date INTEGER, "
                + "date_read INTEGER, date_delivered INTEGER, is_delivered INTEGER DEFAULT 0, "
                + "is_finished INTEGER DEFAULT 0, is_from_me INTEGER DEFAULT 0, is_read INTEGER DEFAULT 0, "
                + "is_sent INTEGER DEFAULT 0, cache_roomnames TEXT, item_type INTEGER DEFAULT 0, "
                + "associated_message_guid TEXT, balloon_bundle_id TEXT, payload_data BLOB" + recent + ")");
        String stickers = layout == Layout.IOS_16
                ? ", is_sticker INTEGER DEFAULT 0, sticker_user_info BLOB, attribution_info BLOB, "
                        + "hide_attachment INTEGER DEFAULT 0, ck_sync_state INTEGER DEFAULT 0, "
                        + "ck_server_change_token_blob BLOB, ck_record_id TEXT, original_guid TEXT UNIQUE NOT NULL"
                : "";
        statements.add("CREATE TABLE attachment (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT UNIQUE NOT NULL, "
                + "created_date INTEGER DEFAULT 0, start_date INTEGER DEFAULT 0, filename TEXT, uti TEXT, "
                + "mime_type TEXT, transfer_state INTEGER DEFAULT 0, is_outgoing INTEGER DEFAULT 0, user_info BLOB, "
                + "transfer_name TEXT, total_bytes INTEGER DEFAULT 0" + stickers + ")");
        statements.add("CREATE TABLE message_attachment_join (message_id INTEGER REFERENCES message (ROWID) ON DELETE "
                + "CASCADE, attachment_id INTEGER REFERENCES attachment (ROWID) ON DELETE CASCADE, "
                + "UNIQUE(message_id, attachment_id))");
    }

    /** An empty database in the layout of a recent iOS. */
    public static SmsDatabase create() {
        return new SmsDatabase(Layout.IOS_16);
    }

    /** An empty database in the given layout. */
    public static SmsDatabase create(Layout layout) {
        return new SmsDatabase(layout);
    }

    /** Adds a correspondent: a phone number, e-mail address or short code, with its service (SMS, iMessage). */
    public SmsDatabase handle(long rowid, String id, String service) {
        statements.add(SqlLiterals.insert("handle", List.of("ROWID", "id", "country", "service"),
                Arrays.asList(rowid, id, "us", service)));
        return this;
    }

    /** Adds a received SMS with its text in the {@code text} column, read at {@code dateRead} (null: unread). */
    public SmsDatabase received(long rowid, long handleId, String text, Instant date, Instant dateRead) {
        return message(rowid, handleId, false, text, null, date, dateRead);
    }

    /**
     * Adds a message.
     *
     * @param handleId the correspondent's handle ROWID, 0 for none
     * @param fromMe true when the owner sent it
     * @param text the {@code text} column (null as iOS 16 leaves it for many messages)
     * @param attributedBody the {@code attributedBody} column, such as {@link #attributedBody(String)}, or null
     * @param dateRead when it was read, or null (stored as 0)
     */
    public SmsDatabase message(long rowid, long handleId, boolean fromMe, String text, byte[] attributedBody,
                               Instant date, Instant dateRead) {
        statements.add(SqlLiterals.insert("message", MESSAGE_COLUMNS, Arrays.asList(rowid,
                String.format("00000000-0000-4000-8000-%012d", rowid), text, handleId, attributedBody, "SMS",
                "P:+15555550100", appleTime(date), appleTime(dateRead), appleTime(date), fromMe,
                dateRead != null)));
        return this;
    }

    /**
     * Adds an attachment of message {@code messageId} (0: linked to no message), created at {@code created}
     * (stored in seconds since 2001, as Messages stores attachment dates).
     *
     * @param outgoing true when the owner sent it
     * @param filename where it is stored, such as {@code ~/Library/SMS/Attachments/ab/11/ID/IMG_0001.jpeg}
     */
    public SmsDatabase attachment(long rowid, long messageId, boolean outgoing, String filename, String mimeType,
                                  String transferName, long totalBytes, Instant created) {
        List<String> columns = new ArrayList<>(List.of("ROWID", "guid", "created_date", "start_date", "filename",
                "uti", "mime_type", "transfer_state", "is_outgoing", "transfer_name", "total_bytes"));
        List<Object> values = new ArrayList<>(Arrays.asList(rowid, String.format("at_0_%08d", rowid),
                Duration.between(COCOA_EPOCH, created).getSeconds(), 0, filename, "public.data", mimeType, 5,
                outgoing, transferName, totalBytes));
        if (layout == Layout.IOS_16) {
            columns.addAll(List.of("is_sticker", "original_guid"));
            values.addAll(List.of(false, String.format("at_0_%08d", rowid)));
        }
        statements.add(SqlLiterals.insert("attachment", columns, values));
        if (messageId != 0) {
            statements.add(SqlLiterals.insert("message_attachment_join", List.of("message_id", "attachment_id"),
                    List.of(messageId, rowid)));
        }
        return this;
    }

    /** The database file's bytes. */
    public byte[] bytes() {
        return SqliteFixture.bytes(statements.toArray(new String[0]));
    }

    /** A time as this layout stores it: nanoseconds or seconds since 2001, 0 for none. */
    public long appleTime(Instant time) {
        if (time == null) {
            return 0;
        }
        Duration since = Duration.between(COCOA_EPOCH, time);
        return layout == Layout.IOS_16 ? since.toNanos() : since.getSeconds();
    }

    /**
     * An {@code NSAttributedString} holding {@code text} with one attribute run, archived with NSArchiver (a
     * "typedstream", as Messages writes {@code attributedBody}): header, the NSAttributedString object, its NSString
     * (type {@code +}: a length then UTF-8 bytes), then the run's range and an empty attribute dictionary.
     */
    public static byte[] attributedBody(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x04, 0x0B});
        out.writeBytes("streamtyped".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {(byte) 0x81, (byte) 0xE8, 0x03, (byte) 0x84, 0x01, '@', (byte) 0x84, (byte) 0x84});
        sharedString(out, "NSAttributedString");
        out.write(0);
        out.write(0x84);
        sharedString(out, "NSObject");
        out.write(0);
        out.writeBytes(new byte[] {(byte) 0x85, (byte) 0x92, (byte) 0x84, (byte) 0x84});
        sharedString(out, "NSString");
        out.writeBytes(new byte[] {0x01, (byte) 0x94, (byte) 0x84, 0x01, '+'});
        integer(out, utf8.length);
        out.writeBytes(utf8);
        out.writeBytes(new byte[] {(byte) 0x86, (byte) 0x84, 0x02, 'i', 'I', 0x01});
        integer(out, text.length());
        out.writeBytes(new byte[] {(byte) 0x92, (byte) 0x84, (byte) 0x84});
        sharedString(out, "NSDictionary");
        out.writeBytes(new byte[] {0x00, (byte) 0x94, (byte) 0x84, 0x01, 'i', 0x00, (byte) 0x86, (byte) 0x86});
        return out.toByteArray();
    }

    private static void sharedString(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        out.write(0x84);
        integer(out, bytes.length);
        out.writeBytes(bytes);
    }

    /** A non-negative typedstream integer: one byte below 128, else 0x81 and two or 0x82 and four (little-endian). */
    private static void integer(ByteArrayOutputStream out, int value) {
        if (value < 128) {
            out.write(value);
        } else if (value <= Short.MAX_VALUE) {
            out.writeBytes(new byte[] {(byte) 0x81, (byte) value, (byte) (value >> 8)});
        } else {
            out.writeBytes(new byte[] {(byte) 0x82, (byte) value, (byte) (value >> 8), (byte) (value >> 16),
                (byte) (value >> 24)});
        }
    }
}
