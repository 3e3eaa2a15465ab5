package org.bridle.ios.artifacts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.io.PlistValues;
import org.bridle.core.io.Plists;
import org.bridle.core.model.Observable;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * {@code locationd_clients}: every app, daemon and location bundle that asked locationd for the device's location,
 * from locationd's {@code clients.plist}, with when it last did so. A client is keyed by its bundle id, its
 * executable's path, or {@code com.apple.locationd.bundle-<bundle path>}; top-level values that are not dictionaries
 * (migration counters) are skipped.
 */
public final class LocationdClients implements Artifact<LocationdClients.Client> {
    private static final String BUNDLE_PREFIX = "com.apple.locationd.bundle-";
    private static final Pattern BUNDLE_ID = Pattern.compile("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    /** The time keys of a client, in the order of {@link Client}'s time components. */
    private static final List<TimeField> TIMES = List.of(
            new TimeField("ConsumptionPeriodBegin", Client::consumptionPeriodBegin),
            new TimeField("ReceivingLocationInformationTimeStopped", Client::receivingLocationInformationTimeStopped),
            new TimeField("VisitTimeStopped", Client::visitTimeStopped),
            new TimeField("LocationTimeStopped", Client::locationTimeStopped),
            new TimeField("BackgroundLocationTimeStopped", Client::backgroundLocationTimeStopped),
            new TimeField("SignificantTimeStopped", Client::significantTimeStopped),
            new TimeField("NonPersistentSignificantTimeStopped", Client::nonPersistentSignificantTimeStopped),
            new TimeField("FenceTimeStopped", Client::fenceTimeStopped),
            new TimeField("BeaconRegionTimeStopped", Client::beaconRegionTimeStopped));
    private static final Set<String> KNOWN = Set.of("BundleId", "Executable", "BundlePath", "Registered",
            "Authorization");

    /**
     * One client; keys the file lacks read as null.
     *
     * @param client the client's key, without the {@code :} some iOS versions end it with (MVT's {@code package})
     * @param bundleId {@code BundleId}
     * @param executable {@code Executable}, the path of the program
     * @param bundlePath {@code BundlePath}
     * @param registered {@code Registered}: a path, or {@code true}/{@code false} where iOS keeps a flag
     * @param authorization {@code Authorization}, the location permission
     * @param consumptionPeriodBegin {@code ConsumptionPeriodBegin}
     * @param receivingLocationInformationTimeStopped {@code ReceivingLocationInformationTimeStopped}
     * @param visitTimeStopped {@code VisitTimeStopped}
     * @param locationTimeStopped {@code LocationTimeStopped}
     * @param backgroundLocationTimeStopped {@code BackgroundLocationTimeStopped}
     * @param significantTimeStopped {@code SignificantTimeStopped}
     * @param nonPersistentSignificantTimeStopped {@code NonPersistentSignificantTimeStopped}
     * @param fenceTimeStopped {@code FenceTimeStopped}
     * @param beaconRegionTimeStopped {@code BeaconRegionTimeStopped}
     * @param otherFields the client's other keys, as stored
     */
    public record Client(String client, String bundleId, String executable, String bundlePath, String registered,
                         Long authorization, Instant consumptionPeriodBegin,
                         Instant receivingLocationInformationTimeStopped, Instant visitTimeStopped,
                         Instant locationTimeStopped, Instant backgroundLocationTimeStopped,
                         Instant significantTimeStopped, Instant nonPersistentSignificantTimeStopped,
                         Instant fenceTimeStopped, Instant beaconRegionTimeStopped, Map<String, Object> otherFields) {
    }

    private record TimeField(String key, Function<Client, Instant> value) {
    }

    @Override
    public String id() {
        return "locationd_clients";
    }

    @Override
    public String description() {
        return "Apps and daemons that used the location, from locationd's clients.plist";
    }

    @Override
    public List<DevicePath> locations() {
        return List.of(
                DevicePath.of("private/var/root/Library/Caches/locationd/clients.plist"),
                DevicePath.of("private/var/mobile/Library/Caches/locationd/clients.plist"));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void parse(EvidenceFile file, ParseContext context, Emitter<Client> out) throws Exception {
        Map<String, Object> clients =
                Plists.parseMap(file.readAllBytes());
        for (Map.Entry<String, Object> e : clients.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> fields) {
                out.entry(client(e.getKey(), (Map<String, Object>) fields));
            }
        }
    }

    private static Client client(String key, Map<String, Object> fields) {
        Map<String, Object> other = new LinkedHashMap<>(fields);
        other.keySet().removeAll(KNOWN);
        TIMES.forEach(t -> other.remove(t.key()));
        Object registered = fields.get("Registered");
        return new Client(key.endsWith(":") ? key.substring(0, key.length() - 1) : key,
                PlistValues.string(fields, "BundleId"), PlistValues.string(fields, "Executable"),
                PlistValues.string(fields, "BundlePath"),
                registered instanceof String || registered instanceof Boolean ? registered.toString() : null,
                PlistValues.number(fields, "Authorization"),
                time(fields, 0), time(fields, 1), time(fields, 2), time(fields, 3), time(fields, 4), time(fields, 5),
                time(fields, 6), time(fields, 7), time(fields, 8), other);
    }

    private static Instant time(Map<String, Object> fields, int index) {
        return PlistValues.time(fields.get(TIMES.get(index).key()));
    }

    @Override
    public List<Observable> observables(Client client) {
        Set<Observable> observables = new LinkedHashSet<>();
        String key = client.client();
        add(observables, Observable::process, lastSegment(key));
        if (BUNDLE_ID.matcher(key).matches()) {
            add(observables, Observable::appId, key);
        } else if (key.startsWith("/")) {
            add(observables, Observable::filePath, key);
        } else if (key.startsWith(BUNDLE_PREFIX)) {
            add(observables, Observable::filePath, key.substring(BUNDLE_PREFIX.length()));
        }
        add(observables, Observable::appId, client.bundleId());
        add(observables, Observable::process, client.bundleId());
        add(observables, Observable::process, lastSegment(client.executable()));
        add(observables, Observable::filePath, client.executable());
        add(observables, Observable::filePath, client.bundlePath());
        if (client.registered() != null && client.registered().startsWith("/")) {
            add(observables, Observable::filePath, client.registered());
        }
        return new ArrayList<>(observables);
    }

    private static void add(Set<Observable> observables, Function<String, Observable> kind, String value) {
        if (value != null && !value.isEmpty()) {
            observables.add(kind.apply(value));
        }
    }

    private static String lastSegment(String path) {
        return path == null ? null : path.substring(path.lastIndexOf('/') + 1);
    }

    @Override
    public List<TimelineEvent> timeline(Client client) {
        List<TimelineEvent> events = new ArrayList<>();
        for (TimeField field : TIMES) {
            Instant time = field.value().apply(client);
            if (time != null) {
                events.add(new TimelineEvent(time, id(), field.key(), field.key() + " from " + client.client()));
            }
        }
        return events;
    }
}
