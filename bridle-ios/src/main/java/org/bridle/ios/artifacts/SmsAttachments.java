package org.bridle.ios.artifacts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.Finding;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.io.AppleTime;
import org.bridle.core.io.SqlRow;
import org.bridle.core.io.SqliteEvidence;
import org.bridle.core.model.Observable;
import org.bridle.core.model.Severity;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * {@code sms_attachments}: the attachments of Messages from sms.db's {@code attachment} table, each with the
 * service and correspondent of the message it came with.
 *
 * <p>Heuristic (Amnesty's, from Pegasus infections): a received attachment stored under {@code /var/tmp/} with a
 * name ending in {@code -1} is where iMessage exploits have left their payloads.
 */
public final class SmsAttachments implements Artifact<SmsAttachments.Attachment> {
    private static final List<String> ATTACHMENT_COLUMNS = List.of("guid", "created_date", "start_date", "filename",
            "uti", "mime_type", "transfer_state", "is_outgoing", "transfer_name", "total_bytes", "is_sticker");

    /**
     * One attachment; absent columns are null.
     *
     * @param attachmentId the attachment's ROWID
     * @param guid its globally unique id
     * @param messageId the ROWID of the message it came with, or null when no message links to it
     * @param service the message's service ({@code SMS}, {@code iMessage}), or null
     * @param phoneNumber the message's correspondent, or null
     * @param direction {@code sent} or {@code received}
     * @param filename where it is stored on the phone ({@code ~/Library/SMS/Attachments/…})
     * @param transferName the file name it was sent with
     * @param mimeType its MIME type
     * @param uti its uniform type identifier
     * @param totalBytes its size
     * @param isSticker true for a sticker
     * @param hasUserInfo true when it carries a {@code user_info} blob
     * @param transferState the transfer state code
     * @param isodate when it was created
     * @param startDate when its transfer started
     */
    public record Attachment(long attachmentId, String guid, Long messageId, String service, String phoneNumber,
                             String direction, String filename, String transferName, String mimeType, String uti,
                             Long totalBytes, Boolean isSticker, boolean hasUserInfo, Long transferState,
                             Instant isodate, Instant startDate) {
    }

    @Override
    public String id() {
        return "sms_attachments";
    }

    @Override
    public String description() {
        return "Messages attachments with their file names, from sms.db";
    }

    @Override
    public List<DevicePath> locations() {
        return List.of(DevicePath.of("private/var/mobile/Library/SMS/sms.db"));
    }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<Attachment> out) throws Exception {
        try (SqliteEvidence db = context.database(file, out)) {
            if (!db.hasTable("attachment")) {
                out.note("sms.db has no attachment table");
                return;
            }
            List<String> select = new ArrayList<>(List.of("a.ROWID AS attachment_id"));
            for (String column : ATTACHMENT_COLUMNS) {
                select.add(db.columnOrNull("attachment", "a", column) + " AS " + column);
            }
            select.add(db.hasColumn("attachment", "user_info") ? "a.user_info IS NOT NULL AS has_user_info"
                    : "0 AS has_user_info");
            StringBuilder from = new StringBuilder(" FROM attachment a");
            if (db.hasColumn("message_attachment_join", "attachment_id")
                    && db.hasColumn("message_attachment_join", "message_id")) {
                select.add("j.message_id AS message_id");
                from.append(" LEFT JOIN message_attachment_join j ON j.attachment_id = a.ROWID");
                if (db.hasColumn("message", "handle_id")) {
                    select.add(db.columnOrNull("message", "m", "service") + " AS service");
                    from.append(" LEFT JOIN message m ON m.ROWID = j.message_id");
                    if (db.hasColumn("handle", "id")) {
                        select.add("h.id AS phone_number");
                        from.append(" LEFT JOIN handle h ON h.ROWID = m.handle_id");
                    }
                }
            } else {
                out.note("sms.db has no message_attachment_join table: attachments are read without their messages");
            }
            db.query("SELECT " + String.join(", ", select) + from + " ORDER BY a.ROWID", row -> emit(row, out));
        }
    }

    private static void emit(SqlRow row, Emitter<Attachment> out) throws Exception {
        Long outgoing = row.integer("is_outgoing");
        Long sticker = row.integer("is_sticker");
        Long userInfo = row.integer("has_user_info");
        Attachment attachment = new Attachment(row.integer("attachment_id"), row.string("guid"),
                row.integer("message_id"), row.string("service"), row.string("phone_number"),
                outgoing != null && outgoing == 1 ? "sent" : "received", row.string("filename"),
                row.string("transfer_name"), row.string("mime_type"), row.string("uti"), row.integer("total_bytes"),
                sticker == null ? null : sticker == 1, userInfo != null && userInfo == 1, row.integer("transfer_state"),
                appleTime(row.integer("created_date")), appleTime(row.integer("start_date")));
        if (suspicious(attachment)) {
            out.entry(attachment, new Finding(Severity.MEDIUM, "Suspicious iMessage attachment "
                    + attachment.filename() + ": received, stored in /var/tmp/ with a name ending in -1, where "
                    + "exploits have left their payloads", attachment.isodate()));
        } else {
            out.entry(attachment);
        }
    }

    static boolean suspicious(Attachment attachment) {
        String name = attachment.filename();
        return "received".equals(attachment.direction()) && name != null && name.startsWith("/var/tmp/")
                && name.endsWith("-1");
    }

    /** An attachment time: Cocoa seconds (or nanoseconds); 0 means none. */
    private static Instant appleTime(Long value) {
        return value == null || value == 0 ? null : AppleTime.fromCocoaSecondsOrNanos(value);
    }

    @Override
    public List<Observable> observables(Attachment attachment) {
        List<Observable> observables = new ArrayList<>(2);
        if (attachment.filename() != null && !attachment.filename().isEmpty()) {
            observables.add(Observable.filePath(attachment.filename()));
        }
        if (attachment.transferName() != null && !attachment.transferName().isEmpty()) {
            observables.add(Observable.fileName(attachment.transferName()));
        }
        return observables;
    }

    @Override
    public List<TimelineEvent> timeline(Attachment attachment) {
        if (attachment.isodate() == null) {
            return List.of();
        }
        return List.of(new TimelineEvent(attachment.isodate(), id(), "sms_attachment",
                (attachment.service() == null ? "Unknown" : attachment.service()) + ": attachment '"
                        + attachment.transferName() + "' " + attachment.direction()
                        + ("sent".equals(attachment.direction()) ? " to " : " from ") + attachment.phoneNumber()
                        + " with " + attachment.totalBytes() + " bytes (is_sticker: " + attachment.isSticker()
                        + ", has_user_info: " + attachment.hasUserInfo() + ")"));
    }
}
