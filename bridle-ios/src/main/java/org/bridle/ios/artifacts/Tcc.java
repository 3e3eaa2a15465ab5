package org.bridle.ios.artifacts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.io.AppleTime;
import org.bridle.core.io.SqliteEvidence;
import org.bridle.core.model.Observable;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * {@code tcc}: the privacy permissions (camera, microphone, photos, …) granted or denied to apps and programs, from
 * TCC.db's {@code access} table. iOS 14 and later record {@code auth_value} and {@code auth_reason}; earlier
 * versions {@code allowed} and {@code prompt_count}, and before iOS 10 no {@code last_modified}.
 */
public final class Tcc implements Artifact<Tcc.Access> {
    private static final Map<Long, String> AUTH_VALUES = Map.of(0L, "denied", 1L, "unknown", 2L, "allowed",
            3L, "limited");
    private static final Map<Long, String> ALLOWED_VALUES = Map.of(0L, "denied", 1L, "allowed");
    private static final Map<Long, String> AUTH_REASONS = Map.ofEntries(Map.entry(1L, "error"),
            Map.entry(2L, "user_consent"), Map.entry(3L, "user_set"), Map.entry(4L, "system_set"),
            Map.entry(5L, "service_policy"), Map.entry(6L, "mdm_policy"), Map.entry(7L, "override_policy"),
            Map.entry(8L, "missing_usage_string"), Map.entry(9L, "prompt_timeout"),
            Map.entry(10L, "preflight_unknown"), Map.entry(11L, "entitled"), Map.entry(12L, "app_type_policy"));
    private static final List<String> COLUMNS = List.of("service", "client", "client_type", "auth_value",
            "auth_reason", "allowed", "prompt_count", "last_modified");

    /**
     * One permission decision; what the database version does not record is null.
     *
     * @param service the protected resource, such as {@code kTCCServiceCamera}
     * @param client the app's bundle id, or a program's path
     * @param clientType {@code bundle_id} or {@code absolute_path}
     * @param authValue {@code denied}, {@code unknown}, {@code allowed} or {@code limited} (iOS 14 and later)
     * @param authReason why: {@code user_consent}, {@code system_set}, … (iOS 14 and later)
     * @param allowedValue {@code denied} or {@code allowed} (before iOS 14)
     * @param promptCount how often the user was asked (before iOS 14)
     * @param lastModified when the decision was last changed
     */
    public record Access(String service, String client, String clientType, String authValue, String authReason,
                         String allowedValue, Long promptCount, Instant lastModified) {
    }

    @Override
    public String id() {
        return "tcc";
    }

    @Override
    public String description() {
        return "Privacy permissions granted or denied to apps, from TCC.db";
    }

    @Override
    public List<DevicePath> locations() {
        return List.of(DevicePath.of("private/var/mobile/Library/TCC/TCC.db"));
    }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<Access> out) throws Exception {
        try (SqliteEvidence db = context.database(file, out)) {
            if (!db.hasTable("access")) {
                out.note("TCC.db has no access table");
                return;
            }
            List<String> select = new ArrayList<>();
            for (String column : COLUMNS) {
                select.add(db.columnOrNull("access", "a", column) + " AS " + column);
            }
            db.query("SELECT " + String.join(", ", select) + " FROM access a", row -> {
                Long clientType = row.integer("client_type");
                Long lastModified = row.integer("last_modified");
                out.entry(new Access(row.string("service"), row.string("client"),
                        clientType(clientType),
                        describe(AUTH_VALUES, row.integer("auth_value")),
                        describe(AUTH_REASONS, row.integer("auth_reason")),
                        describe(ALLOWED_VALUES, row.integer("allowed")), row.integer("prompt_count"),
                        lastModified == null ? null : AppleTime.fromUnixSeconds(lastModified)));
            });
        }
    }

    /** The name of a coded value, the number itself when the code is unknown, or null when absent. */
    private static String describe(Map<Long, String> names, Long code) {
        return code == null ? null : names.getOrDefault(code, String.valueOf(code));
    }

    /** TCC's client_type: 0 a bundle id, 1 an absolute path; any other value is kept as its number. */
    private static String clientType(Long value) {
        if (value == null) {
            return null;
        }
        return value == 0 ? "bundle_id" : value == 1 ? "absolute_path" : String.valueOf(value);
    }

    @Override
    public List<Observable> observables(Access access) {
        String client = access.client();
        if (client == null || client.isEmpty()) {
            return List.of();
        }
        if ("absolute_path".equals(access.clientType())) {
            return List.of(Observable.process(client), Observable.filePath(client));
        }
        return List.of(Observable.process(client), Observable.appId(client));
    }

    @Override
    public List<TimelineEvent> timeline(Access access) {
        if (access.lastModified() == null) {
            return List.of();
        }
        String decision = access.authValue() != null ? access.authValue() : access.allowedValue();
        return List.of(new TimelineEvent(access.lastModified(), id(), "access_request",
                "Access to " + access.service() + " by " + access.client() + " " + decision));
    }
}
