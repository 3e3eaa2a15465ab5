package org.bridle.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.indicators.BuiltinIndicators;
import org.bridle.core.indicators.IndicatorSet;
import org.bridle.core.model.Severity;
import org.bridle.core.scan.MemorySink;
import org.bridle.core.scan.ScanEngine;
import org.bridle.core.scan.ScanListener;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;
import org.bridle.core.source.Source;
import org.bridle.ios.artifacts.IosArtifacts;
import org.bridle.ios.backup.BackupDomains;
import org.bridle.ios.backup.IosBackup;
import org.bridle.ios.backup.ManifestRecord;
import org.bridle.ios.fs.IosFilesystemDump;
import org.bridle.testkit.DumpArchive;
import org.bridle.testkit.DumpBuilder;
import org.bridle.testkit.EvidenceSnapshot;
import org.bridle.testkit.ios.DemoBackup;
import org.bridle.testkit.ios.ShutdownLogText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A filesystem dump laid out from the same content as a backup (every file of the backup written at its device
 * path, app data in containers) gives the backup's entries and detections, artifact by artifact, plus those of the
 * artifacts only a dump holds — whether the dump is a folder or an archive of one.
 */
class FilesystemParityTest {
    private static final String IMPLANT = "/private/var/db/com.apple.xpc.roleaccountd.staging/"
            + DemoBackup.PEGASUS_PROCESS;
    private static IndicatorSet builtin;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadBuiltinIndicators() {
        builtin = BuiltinIndicators.load();
    }

    @Test
    void theDemoBackupAsADumpGivesTheSameDetectionsPlusTheDumpOnlyOnes() throws Exception {
        Path backup = DemoBackup.write(dir.resolve("backup"));
        Path dump = dumpOf(backup, dir.resolve("dump"));
        new DumpBuilder(dump)
                .file(IMPLANT.substring(1), "implant")
                .file("private/var/db/diagnostics/shutdown.log", ShutdownLogText.create()
                        .client(1, "/usr/libexec/backboardd").client(66, IMPLANT)
                        .sigterm(Instant.parse("2021-07-03T10:00:00Z")).text());

        Scan fromBackup = scan(backup, true);
        Scan fromDump = scan(dump, false);

        assertSameAsBackup(fromBackup, fromDump);
        assertThat(fromDump.dumpOnlyMatches()).containsExactlyInAnyOrder(
                "filesystem HIGH " + DemoBackup.PEGASUS_PROCESS,
                "shutdown_log HIGH " + DemoBackup.PEGASUS_PROCESS);
        assertThat(fromDump.sink.entries("filesystem")).hasSizeGreaterThan(10);
        assertThat(fromDump.sink.entries("shutdown_log")).hasSize(2);

        for (DumpArchive.Format format : DumpArchive.Format.values()) {
            String name = switch (format) {
                case TAR -> "dump.tar";
                case TAR_GZ -> "dump.tgz";
                case ZIP -> "dump.zip";
            };
            Path archive = new DumpArchive().folder(dump, "filesystem/").write(dir.resolve("archives/" + name), format);
            Scan fromArchive = scan(archive, false);
            assertThat(fromArchive.detections()).as("%s", format).isEqualTo(fromDump.detections());
            for (Artifact<?> artifact : IosArtifacts.forFilesystem()) {
                if (!artifact.id().equals("filesystem")) {
                    assertThat(fromArchive.entries(artifact.id())).as("%s %s", format, artifact.id())
                            .isEqualTo(fromDump.entries(artifact.id()));
                }
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 20210718})
    void plantedBackupsAsDumpsGiveTheSameDetections(long seed) throws Exception {
        PlantedBackup planted = PlantedBackup.write(dir.resolve("backup"), seed, builtin.indicators(), true);
        Path dump = dumpOf(planted.folder(), dir.resolve("dump"));

        Scan fromBackup = scan(planted.folder(), true);
        Scan fromDump = scan(dump, false);

        assertSameAsBackup(fromBackup, fromDump);
    }

    /**
     * Every artifact the two share has the same entries (in any order: a backup lists files in its manifest's order,
     * a dump by path) and the same detections, but for one the dump adds by design: a process with no bundle id
     * whose binary the dump does not hold (which a backup cannot tell). A file in a container has its real path in
     * a dump ({@code private/var/containers/Shared/SystemGroup/<UUID>/…}) where a backup can only name the container
     * ({@code @sysshared/<id>/…}); both are written {@code <container>/…} for the comparison.
     */
    private static void assertSameAsBackup(Scan fromBackup, Scan fromDump) {
        for (Artifact<?> artifact : IosArtifacts.forFilesystem()) {
            if (!IosArtifacts.dumpOnly().stream().map(Artifact::id).toList().contains(artifact.id())) {
                assertThat(fromDump.entries(artifact.id())).as(artifact.id())
                        .containsExactlyInAnyOrderElementsOf(fromBackup.entries(artifact.id()));
            }
        }
        List<String> missingBinary = fromDump.detections().stream()
                .filter(d -> d.startsWith("datausage MEDIUM No file of the dump is named")).toList();
        List<String> shared = fromDump.detections().stream()
                .filter(d -> !missingBinary.contains(d) && !isDumpOnly(d)).toList();
        List<String> expected = fromBackup.detections().stream()
                .filter(d -> !d.startsWith("backup_info ") && !d.startsWith("manifest ")).toList();
        assertThat(shared).isEqualTo(expected);
    }

    private static boolean isDumpOnly(String detection) {
        return IosArtifacts.dumpOnly().stream().anyMatch(a -> detection.startsWith(a.id() + " "));
    }

    /** Lays out every file of a backup at its device path in a new dump folder. */
    private static Path dumpOf(Path backup, Path folder) throws Exception {
        DumpBuilder dump = new DumpBuilder(folder);
        try (IosBackup source = IosBackup.open(backup)) {
            for (ManifestRecord record : source.records()) {
                if (!record.isFile()) {
                    continue;
                }
                String spec = BackupDomains.devicePath(record.domain(), record.relativePath());
                if (spec.startsWith("@domain/")) {
                    continue;
                }
                DevicePath path = DevicePath.of(spec);
                for (EvidenceFile file : source.resolve(path)) {
                    byte[] content = file.readAllBytes();
                    if (path.container() == DevicePath.Container.ROOT) {
                        dump.file(path.path(), content);
                    } else {
                        dump.containerFile(container(path.container()), path.containerId(), path.path(), content);
                    }
                }
            }
        }
        return dump.build();
    }

    private static DumpBuilder.Container container(DevicePath.Container container) {
        return switch (container) {
            case APP -> DumpBuilder.Container.APP;
            case GROUP -> DumpBuilder.Container.GROUP;
            case PLUGIN -> DumpBuilder.Container.PLUGIN;
            case SYSTEM_DATA -> DumpBuilder.Container.SYSTEM_DATA;
            case SYSTEM_SHARED -> DumpBuilder.Container.SYSTEM_SHARED;
            default -> throw new IllegalArgumentException("not a container: " + container);
        };
    }

    private record Scan(MemorySink sink) {
        private static final Pattern CONTAINER = Pattern.compile("@(app|group|plugin|sysdata|sysshared)/[^/]+/"
                + "|private/var/(mobile/Containers/(Data/Application|Shared/AppGroup|Data/PluginKitPlugin)"
                + "|containers/(Data/System|Shared/SystemGroup))/[0-9A-F-]{36}/");

        /** Each detection as "artifact LEVEL message", sorted. */
        List<String> detections() {
            return sink.alerts().stream().filter(a -> a.level().compareTo(Severity.LOW) >= 0)
                    .map(a -> normal(a.artifact() + " " + a.level() + " " + a.message())).sorted().toList();
        }

        /** The indicator matches of the dump-only artifacts, as "artifact LEVEL indicator value", each once. */
        List<String> dumpOnlyMatches() {
            return sink.alerts().stream().filter(a -> a.matchedIndicator() != null && isDumpOnly(a.artifact() + " "))
                    .map(a -> a.artifact() + " " + a.level() + " " + a.matchedIndicator().value()).distinct().toList();
        }

        /** An artifact's entries as text. */
        List<String> entries(String artifactId) {
            return sink.entries(artifactId).stream().map(e -> normal(e.toString())).toList();
        }

        private static String normal(String text) {
            return CONTAINER.matcher(text).replaceAll("<container>/");
        }
    }

    private static Scan scan(Path evidence, boolean backup) throws Exception {
        Path folder = java.nio.file.Files.isDirectory(evidence) ? evidence : evidence.getParent();
        EvidenceSnapshot before = EvidenceSnapshot.of(folder);
        MemorySink sink = new MemorySink();
        try (Source source = backup ? IosBackup.open(evidence) : IosFilesystemDump.open(evidence)) {
            new ScanEngine(builtin, 4).run(source, backup ? IosArtifacts.forBackup() : IosArtifacts.forFilesystem(),
                    sink, ScanListener.NONE);
        }
        assertThat(EvidenceSnapshot.of(folder)).isEqualTo(before);
        return new Scan(sink);
    }
}
