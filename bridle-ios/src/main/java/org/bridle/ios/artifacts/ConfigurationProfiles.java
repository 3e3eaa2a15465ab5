package org.bridle.ios.artifacts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.Finding;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.io.PlistValues;
import org.bridle.core.io.Plists;
import org.bridle.core.model.Observable;
import org.bridle.core.model.Severity;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * {@code configuration_profiles}: the configuration profiles installed on the device, from the stub iOS keeps of
 * each ({@code profile-*.stub}).
 *
 * <p>Heuristics: a profile that installs a root certificate, a VPN or a global HTTP proxy can read the owner's
 * traffic (LOW); one that sets notification settings can hide notifications (MEDIUM, as MVT rates it).
 */
public final class ConfigurationProfiles implements Artifact<ConfigurationProfiles.Profile> {
    private static final List<Risk> RISKS = List.of(
            new Risk("com.apple.security.root", Severity.LOW, "installs a root certificate"),
            new Risk("com.apple.vpn.managed", Severity.LOW, "configures a VPN"),
            new Risk("com.apple.vpn.managed.applayer", Severity.LOW, "configures a per-app VPN"),
            new Risk("com.apple.proxy.http.global", Severity.LOW, "sets a global HTTP proxy"),
            new Risk("com.apple.notificationsettings", Severity.MEDIUM, "changes notification settings, which can "
                    + "hide notifications"));

    /**
     * One installed profile; keys the stub lacks read as null.
     *
     * @param payloadUuid the profile's {@code PayloadUUID}
     * @param payloadIdentifier its {@code PayloadIdentifier}
     * @param payloadDisplayName its name
     * @param payloadDescription its description
     * @param payloadOrganization who made it
     * @param installDate when it was installed
     * @param payloadTypes the {@code PayloadType} of each payload it holds, in order
     * @param payloadUuids the {@code PayloadUUID} of each payload it holds, in order
     * @param signed whether it carries signer certificates ({@code SignerCerts})
     * @param removalDisallowed {@code PayloadRemovalDisallowed}: the owner cannot remove it
     * @param path the stub's device path
     */
    public record Profile(String payloadUuid, String payloadIdentifier, String payloadDisplayName,
                          String payloadDescription, String payloadOrganization, Instant installDate,
                          List<String> payloadTypes, List<String> payloadUuids, boolean signed,
                          Boolean removalDisallowed, String path) {
    }

    private record Risk(String payloadType, Severity level, String what) {
    }

    @Override
    public String id() {
        return "configuration_profiles";
    }

    @Override
    public String description() {
        return "Installed configuration profiles, flagging root certificates, VPNs, proxies and notification settings";
    }

    @Override
    public List<DevicePath> locations() {
        return List.of(
                DevicePath.of("@sysshared/systemgroup.com.apple.configurationprofiles/Library/ConfigurationProfiles/"
                        + "profile-*.stub"),
                DevicePath.of("private/var/mobile/Library/ConfigurationProfiles/profile-*.stub"));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void parse(EvidenceFile file, ParseContext context, Emitter<Profile> out) throws Exception {
        Map<String, Object> stub = Plists.parseMap(file.readAllBytes());
        List<String> types = new ArrayList<>();
        List<String> uuids = new ArrayList<>();
        for (Object item : PlistValues.list(stub, "PayloadContent")) {
            if (item instanceof Map<?, ?> payload) {
                Map<String, Object> fields = (Map<String, Object>) payload;
                types.add(PlistValues.string(fields, "PayloadType"));
                uuids.add(PlistValues.string(fields, "PayloadUUID"));
            }
        }
        Profile profile = new Profile(PlistValues.string(stub, "PayloadUUID"),
                PlistValues.string(stub, "PayloadIdentifier"), PlistValues.string(stub, "PayloadDisplayName"),
                PlistValues.string(stub, "PayloadDescription"), PlistValues.string(stub, "PayloadOrganization"),
                PlistValues.time(stub.get("InstallDate")), types, uuids,
                !PlistValues.list(stub, "SignerCerts").isEmpty(), PlistValues.bool(stub, "PayloadRemovalDisallowed"),
                file.devicePath());
        Finding finding = risk(profile);
        if (finding == null) {
            out.entry(profile);
        } else {
            out.entry(profile, finding);
        }
    }

    /** The finding for the risky payloads of a profile, at the level of the worst; null when it has none. */
    private static Finding risk(Profile profile) {
        List<Risk> found = RISKS.stream().filter(r -> profile.payloadTypes().contains(r.payloadType())).toList();
        if (found.isEmpty()) {
            return null;
        }
        Severity level = found.stream().map(Risk::level).max(Comparator.naturalOrder()).orElseThrow();
        List<String> what = found.stream().map(r -> r.what() + " (" + r.payloadType() + ")").toList();
        return new Finding(level, "The configuration profile \"" + profile.payloadDisplayName() + "\" ("
                + profile.payloadUuid() + ") " + String.join(", ", what), profile.installDate());
    }

    @Override
    public List<Observable> observables(Profile profile) {
        List<Observable> observables = new ArrayList<>();
        if (profile.payloadUuid() != null) {
            observables.add(Observable.profileId(profile.payloadUuid()));
        }
        profile.payloadUuids().stream().filter(Objects::nonNull).distinct()
                .filter(uuid -> !uuid.equals(profile.payloadUuid()))
                .forEach(uuid -> observables.add(Observable.profileId(uuid)));
        return observables;
    }

    @Override
    public List<TimelineEvent> timeline(Profile profile) {
        if (profile.installDate() == null) {
            return List.of();
        }
        return List.of(new TimelineEvent(profile.installDate(), id(), "configuration_profile_install",
                "Configuration profile installed: " + profile.payloadUuid() + " - " + profile.payloadDisplayName()
                        + ": " + profile.payloadDescription()));
    }
}
