package org.bridle.ios.artifacts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.io.SqliteEvidence;
import org.bridle.core.model.Observable;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * {@code calls}: the call history (phone, FaceTime and apps that use CallKit) from CallHistory.storedata's
 * {@code ZCALLRECORD}. The app that carried a call is {@code ZSERVICE_PROVIDER}, which old databases lack.
 */
public final class Calls implements Artifact<Calls.Call> {
    private static final List<String> COLUMNS = List.of("ZDATE", "ZDURATION", "ZLOCATION", "ZADDRESS", "ZNAME",
            "ZSERVICE_PROVIDER", "ZORIGINATED", "ZANSWERED", "ZCALLTYPE", "ZUNIQUE_ID");

    /**
     * One call; what the database version does not record is null.
     *
     * @param isodate when it started
     * @param duration how long it lasted, in seconds
     * @param location where the number is from, as iOS guessed it
     * @param number the other party's number or address
     * @param name the other party's name, when iOS recorded it
     * @param provider the bundle id of the app that carried it ({@code com.apple.Telephony}, …)
     * @param direction {@code outgoing} or {@code incoming}
     * @param answered whether it was answered
     * @param callType the call type code (1 phone, 8 FaceTime video, 16 FaceTime audio, …)
     * @param uniqueId its unique id
     */
    public record Call(Instant isodate, Double duration, String location, String number, String name,
                       String provider, String direction, Boolean answered, Long callType, String uniqueId) {
    }

    @Override
    public String id() {
        return "calls";
    }

    @Override
    public String description() {
        return "Call history (phone, FaceTime, CallKit apps) from CallHistory.storedata";
    }

    @Override
    public List<DevicePath> locations() {
        return List.of(DevicePath.of("private/var/mobile/Library/CallHistoryDB/CallHistory.storedata"));
    }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<Call> out) throws Exception {
        try (SqliteEvidence db = context.database(file, out)) {
            if (!db.hasTable("ZCALLRECORD")) {
                out.note("CallHistory.storedata has no ZCALLRECORD table");
                return;
            }
            List<String> select = new ArrayList<>();
            for (String column : COLUMNS) {
                select.add(db.columnOrNull("ZCALLRECORD", "c", column) + " AS " + column);
            }
            db.query("SELECT " + String.join(", ", select) + " FROM ZCALLRECORD c ORDER BY c.Z_PK", row -> {
                Long originated = row.integer("ZORIGINATED");
                out.entry(new Call(row.cocoaTime("ZDATE"), row.real("ZDURATION"),
                        row.string("ZLOCATION"), row.string("ZADDRESS"), row.string("ZNAME"),
                        row.string("ZSERVICE_PROVIDER"),
                        originated == null ? null : originated != 0 ? "outgoing" : "incoming",
                        row.flag("ZANSWERED"), row.integer("ZCALLTYPE"), row.string("ZUNIQUE_ID")));
            });
        }
    }

    @Override
    public List<Observable> observables(Call call) {
        return call.provider() == null || call.provider().isEmpty() ? List.of()
                : List.of(Observable.appId(call.provider()));
    }

    @Override
    public List<TimelineEvent> timeline(Call call) {
        if (call.isodate() == null) {
            return List.of();
        }
        String party = call.number() == null ? "an unknown number" : call.number();
        String description = (call.direction() == null ? "Call" : "incoming".equals(call.direction())
                ? "Incoming call from " + party : "Outgoing call to " + party)
                + (call.direction() == null ? " with " + party : "")
                + (call.provider() == null ? "" : " using " + call.provider())
                + (call.duration() == null ? "" : ", " + Math.round(call.duration()) + " seconds")
                + (Boolean.FALSE.equals(call.answered()) ? ", not answered" : "");
        return List.of(new TimelineEvent(call.isodate(), id(), "call", description));
    }
}
