package org.bridle.ios.artifacts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.io.PlistValues;
import org.bridle.core.io.Plists;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * {@code backup_info}: the device a backup was made from, from the backup's Info.plist. An iOS version older than
 * the newest known release of its line gets a note (see {@link IosVersions}).
 */
public final class BackupInfo implements Artifact<BackupInfo.Device> {

    /**
     * The device and the backup, as Info.plist describes them; absent keys are null.
     *
     * @param deviceName the name the owner gave the phone
     * @param productType the model identifier, such as {@code iPhone9,3}
     * @param productVersion the iOS version
     * @param buildVersion the iOS build
     * @param serialNumber the serial number
     * @param imei the IMEI
     * @param meid the MEID
     * @param phoneNumber the phone number
     * @param uniqueIdentifier the device's UDID
     * @param lastBackupDate when the backup was made
     * @param itunesVersion the version of the program that made it
     */
    public record Device(String deviceName, String productType, String productVersion, String buildVersion,
                         String serialNumber, String imei, String meid, String phoneNumber, String uniqueIdentifier,
                         Instant lastBackupDate, String itunesVersion) {
    }

    @Override
    public String id() {
        return "backup_info";
    }

    @Override
    public String description() {
        return "Device, iOS version and backup date from the backup's Info.plist";
    }

    @Override
    public List<DevicePath> locations() {
        return List.of(DevicePath.of("@backup/Info.plist"));
    }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<Device> out) throws Exception {
        Map<String, Object> info = Plists.parseMap(file.readAllBytes());
        Device device = new Device(
                PlistValues.string(info, "Device Name"),
                PlistValues.string(info, "Product Type"),
                PlistValues.string(info, "Product Version"),
                PlistValues.string(info, "Build Version"),
                PlistValues.string(info, "Serial Number"),
                PlistValues.string(info, "IMEI"),
                PlistValues.string(info, "MEID"),
                PlistValues.string(info, "Phone Number"),
                PlistValues.string(info, "Unique Identifier"),
                info.get("Last Backup Date") instanceof Instant date ? date : null,
                PlistValues.string(info, "iTunes Version"));
        out.entry(device);
        IosVersions.outdatedNote(device.productVersion()).ifPresent(out::note);
    }

    @Override
    public List<TimelineEvent> timeline(Device device) {
        if (device.lastBackupDate() == null) {
            return List.of();
        }
        return List.of(new TimelineEvent(device.lastBackupDate(), id(), "backup",
                "Backup of " + device.productType() + " with iOS " + device.productVersion() + " made"));
    }
}
