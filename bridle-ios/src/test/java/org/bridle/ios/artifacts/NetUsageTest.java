package org.bridle.ios.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.bridle.core.model.Alert;
import org.bridle.core.model.Severity;
import org.bridle.ios.ArtifactScan;
import org.bridle.ios.artifacts.DataUsage.Usage;
import org.bridle.ios.backup.IosBackup;
import org.bridle.testkit.BackupBuilder;
import org.bridle.testkit.DumpArchive;
import org.bridle.testkit.DumpBuilder;
import org.bridle.testkit.ios.DataUsageDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code netusage} (DataUsage's reader over networkd's netusage.sqlite) and the dump-only missing-binary check. */
class NetUsageTest {
    private static final Instant FIRST = Instant.parse("2021-07-01T08:00:00Z");
    private static final Instant LIVE = Instant.parse("2021-07-02T09:30:00Z");

    @TempDir
    Path dir;

    private static byte[] database() {
        return DataUsageDatabase.create()
                .process(1, "com.example.app", "com.example.app", FIRST, FIRST)
                .process(2, "bh", null, FIRST, FIRST)
                .process(3, "mDNSResponder/com.apple.datausage.dns", null, FIRST, FIRST)
                .process(4, "CommCenterRootHe", null, FIRST, FIRST)
                .process(5, "launchafd", "", FIRST, FIRST)
                .liveUsage(1, 2, LIVE, 0, 0, 10, 20)
                .liveUsage(2, 2, LIVE.plusSeconds(60), 0, 0, 30, 40)
                .bytes();
    }

    private Path dump(byte[] netusage) {
        return new DumpBuilder(dir.resolve("dump"))
                .file("private/var/networkd/db/netusage.sqlite", netusage)
                .file("private/var/wireless/Library/Databases/DataUsage.sqlite", netusage)
                .file("usr/sbin/mDNSResponder", "binary")
                .file("System/Library/PrivateFrameworks/CoreTelephony.framework/Support/CommCenterRootHelper", "b")
                .build();
    }

    @Test
    void flagsProcessesWithoutBundleIdWhoseBinaryIsNowhereInTheDump() throws Exception {
        ArtifactScan scan = ArtifactScan.overDump(dump(database()), DataUsage.netusage());

        List<Usage> usage = scan.entries("netusage");
        assertThat(usage).extracting(Usage::procId, Usage::liveId).containsExactly(
                tuple(1L, null), tuple(2L, 1L), tuple(2L, 2L), tuple(3L, null), tuple(4L, null), tuple(5L, null));
        assertThat(scan.outcome("netusage").files()).containsExactly("private/var/networkd/db/netusage.sqlite");
        // near misses: mDNSResponder's binary is in the dump (the name up to '/'), CommCenterRootHe is a truncated
        // name of a binary in the dump, and an app with a bundle id is never checked
        assertThat(scan.sink().alerts("netusage")).extracting(Alert::level, Alert::message, Alert::eventTime)
                .containsExactly(
                        tuple(Severity.MEDIUM, "No file of the dump is named bh, the binary of process bh "
                                + "(which has no bundle id)", LIVE),
                        tuple(Severity.MEDIUM, "No file of the dump is named launchafd, the binary of process "
                                + "launchafd (which has no bundle id)", FIRST));
    }

    @Test
    void theBinaryFoundAnywhereInTheDumpIsNoAlert() throws Exception {
        Path dump = dump(database());
        new DumpBuilder(dump).file("private/var/db/com.apple.xpc.roleaccountd.staging/bh", "implant")
                .file("usr/libexec/launchafd", "b");
        assertThat(ArtifactScan.overDump(dump, DataUsage.netusage()).sink().alerts()).isEmpty();
    }

    @Test
    void datausageOnADumpIsCheckedTooButNotOnABackup() throws Exception {
        ArtifactScan onDump = ArtifactScan.overDump(dump(database()), new DataUsage());
        assertThat(onDump.sink().alerts("datausage")).hasSize(2);

        Path backup = new BackupBuilder(dir.resolve("b"))
                .file("WirelessDomain", "Library/Databases/DataUsage.sqlite", database()).build();
        ArtifactScan onBackup;
        try (IosBackup source = IosBackup.open(backup)) {
            onBackup = ArtifactScan.run(source, new DataUsage());
        }
        assertThat(onBackup.sink().alerts()).isEmpty();
        assertThat(onBackup.<Usage>entries("datausage")).containsExactlyElementsOf(onDump.entries("datausage"));
    }

    @Test
    void aTarGzOfTheDumpGivesTheSameEntriesAndAlerts() throws Exception {
        Path folder = dump(database());
        ArtifactScan fromFolder = ArtifactScan.overDump(folder, DataUsage.netusage());
        Path tgz = new DumpArchive().folder(folder, "./").write(dir.resolve("a/dump.tgz"), DumpArchive.Format.TAR_GZ);

        ArtifactScan fromArchive = ArtifactScan.overDump(tgz, DataUsage.netusage());
        assertThat(fromArchive.<Usage>entries("netusage")).containsExactlyElementsOf(fromFolder.entries("netusage"));
        assertThat(fromArchive.sink().alerts()).extracting(Alert::message)
                .containsExactlyElementsOf(fromFolder.sink().alerts().stream().map(Alert::message).toList());
    }
}
