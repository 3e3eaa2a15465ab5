package org.bridle.android.artifacts;

import java.util.List;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.model.Observable;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * The activities apps register for actions ({@code dumpsys package}, the {@code Non-Data Actions} of the activity
 * resolver table). Packages are checked as app ids.
 */
public final class Activities implements Artifact<Activities.Activity> {
    /** One activity handling one action. */
    public record Activity(String action, String packageName, String component) {
    }

    @Override public String id() { return "activities"; }
    @Override public String description() { return "Activities apps register for actions (dumpsys package)"; }
    @Override public List<DevicePath> locations() { return List.of(DevicePath.of("@dumpsys/package")); }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<Activity> out) throws Exception {
        ResolverTable.read(file, "Activity Resolver Table:", (action, component) -> {
            int slash = component.indexOf('/');
            out.entry(new Activity(action, component.substring(0, slash), component.substring(slash + 1)));
        });
    }

    @Override
    public List<Observable> observables(Activity a) {
        return List.of(Observable.appId(a.packageName()));
    }
}
