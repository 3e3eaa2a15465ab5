package org.bridle.testkit.ios;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bridle.testkit.PlistFixture;

/**
 * Writes the stub iOS keeps of an installed configuration profile ({@code profile-<hash>.stub}, a binary property
 * list): the profile's {@code PayloadUUID}, {@code PayloadIdentifier}, names, {@code InstallDate}, its payloads
 * ({@code PayloadContent}, each with {@code PayloadType} and {@code PayloadUUID}) and, when it was signed, the
 * signer's certificates ({@code SignerCerts}).
 */
public final class ConfigurationProfileStub {
    /** Where iOS 11 and later keep the stubs. */
    public static final String DOMAIN = "SysSharedContainerDomain-systemgroup.com.apple.configurationprofiles";
    /** Where older versions kept them. */
    public static final String OLD_DOMAIN = "HomeDomain";
    public static final String FOLDER = "Library/ConfigurationProfiles/";

    private final Map<String, Object> root = new LinkedHashMap<>();
    private final List<Object> payloads = new ArrayList<>();

    /** A profile with these ids and name, installed at {@code installDate}. */
    public ConfigurationProfileStub(String uuid, String identifier, String displayName, Instant installDate) {
        root.put("PayloadType", "Configuration");
        root.put("PayloadVersion", 1);
        root.put("PayloadUUID", uuid);
        root.put("PayloadIdentifier", identifier);
        root.put("PayloadDisplayName", displayName);
        root.put("InstallDate", installDate);
        root.put("PayloadContent", payloads);
    }

    /** Sets the description shown when installing. */
    public ConfigurationProfileStub description(String description) {
        root.put("PayloadDescription", description);
        return this;
    }

    /** Sets the organization that made the profile. */
    public ConfigurationProfileStub organization(String organization) {
        root.put("PayloadOrganization", organization);
        return this;
    }

    /** Adds a payload of {@code type} (such as {@code com.apple.wifi.managed}). */
    public ConfigurationProfileStub payload(String type, String uuid) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("PayloadType", type);
        payload.put("PayloadUUID", uuid);
        payload.put("PayloadIdentifier", root.get("PayloadIdentifier") + "." + type);
        payload.put("PayloadVersion", 1);
        payloads.add(payload);
        return this;
    }

    /** Marks the profile as signed by one certificate (the bytes stand for its DER form). */
    public ConfigurationProfileStub signed() {
        root.put("SignerCerts", List.of(("certificate of " + root.get("PayloadIdentifier"))
                .getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    /** The stub's file name, {@code profile-<hex>.stub}, derived from the profile's identifier. */
    public String fileName() {
        return String.format("profile-%08x.stub", root.get("PayloadIdentifier").hashCode());
    }

    /** The stub's content, a binary property list. */
    public byte[] bytes() {
        return PlistFixture.binary(root);
    }
}
