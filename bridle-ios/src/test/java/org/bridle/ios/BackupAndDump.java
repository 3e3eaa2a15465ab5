package org.bridle.ios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.bridle.core.artifact.Artifact;
import org.bridle.ios.backup.BackupDomains;
import org.bridle.testkit.BackupBuilder;
import org.bridle.testkit.DumpBuilder;

/**
 * Puts one file at its device location into both a backup and a filesystem dump, scans each with an artifact
 * (asserting neither was changed), asserts both gave the same entries, notes and status, and returns the backup's
 * scan.
 */
public final class BackupAndDump {
    private BackupAndDump() {
    }

    /** A file under the device root, such as {@code private/var/mobile/Library/SMS/sms.db}. */
    public static ArtifactScan rootFile(Path dir, String devicePath, byte[] content, Artifact<?> artifact)
            throws Exception {
        BackupDomains.DomainPath domainPath = BackupDomains.forRootPath(devicePath).get(0);
        Path backup = new BackupBuilder(dir.resolve("backup"))
                .file(domainPath.domain(), domainPath.relativePath(), content).build();
        Path dump = new DumpBuilder(dir.resolve("dump")).file(devicePath, content).build();
        return same(backup, dump, artifact);
    }

    /** A file in the shared container of an app group, at {@code path} inside it. */
    public static ArtifactScan groupFile(Path dir, String groupId, String path, byte[] content, Artifact<?> artifact)
            throws Exception {
        Path backup = new BackupBuilder(dir.resolve("backup")).file("AppDomainGroup-" + groupId, path, content)
                .build();
        Path dump = new DumpBuilder(dir.resolve("dump"))
                .containerFile(DumpBuilder.Container.GROUP, groupId, path, content).build();
        return same(backup, dump, artifact);
    }

    private static ArtifactScan same(Path backup, Path dump, Artifact<?> artifact) throws Exception {
        ArtifactScan fromBackup = ArtifactScan.overBackup(backup, artifact);
        ArtifactScan fromDump = ArtifactScan.overDump(dump, artifact);
        assertThat(fromDump.entries(artifact.id())).as("the entries from the dump")
                .isEqualTo(fromBackup.entries(artifact.id()));
        assertThat(fromDump.outcome(artifact.id()).notes()).isEqualTo(fromBackup.outcome(artifact.id()).notes());
        assertThat(fromDump.outcome(artifact.id()).status()).isEqualTo(fromBackup.outcome(artifact.id()).status());
        return fromBackup;
    }
}
