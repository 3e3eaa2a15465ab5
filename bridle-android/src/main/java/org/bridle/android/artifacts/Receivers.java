package org.bridle.android.artifacts;

import java.util.List;
import java.util.Map;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.Finding;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.model.Observable;
import org.bridle.core.model.Severity;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * The broadcast receivers of installed apps ({@code dumpsys package}, the {@code Non-Data Actions} of the receiver
 * resolver table). Receivers of incoming SMS, of the phone state and of outgoing calls are INFORMATIONAL: stalkerware
 * needs them, and so do many honest apps. Packages are checked as app ids.
 */
public final class Receivers implements Artifact<Receivers.Receiver> {
    private static final Map<String, String> WATCHED = Map.of(
            "android.provider.Telephony.SMS_RECEIVED", "incoming SMS",
            "android.intent.action.DATA_SMS_RECEIVED", "incoming data SMS",
            "android.intent.action.PHONE_STATE", "the phone state (calls)",
            "android.intent.action.NEW_OUTGOING_CALL", "outgoing calls");

    /** One receiver of one action. */
    public record Receiver(String action, String packageName, String component) {
    }

    @Override public String id() { return "receivers"; }
    @Override public String description() { return "Broadcast receivers of apps (dumpsys package)"; }
    @Override public List<DevicePath> locations() { return List.of(DevicePath.of("@dumpsys/package")); }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<Receiver> out) throws Exception {
        ResolverTable.read(file, "Receiver Resolver Table:", (action, component) -> {
            int slash = component.indexOf('/');
            Receiver r = new Receiver(action, component.substring(0, slash), component.substring(slash + 1));
            String watched = WATCHED.get(action);
            if (watched == null) {
                out.entry(r);
            } else {
                out.entry(r, new Finding(Severity.INFORMATIONAL, r.packageName() + " receives " + watched + ".",
                        null));
            }
        });
    }

    @Override
    public List<Observable> observables(Receiver r) {
        return List.of(Observable.appId(r.packageName()));
    }
}
