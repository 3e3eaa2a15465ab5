package org.bridle.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bridle ios}: the iOS commands. */
@Command(name = "ios", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Check iOS evidence.")
final class IosCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private final Console console;

    IosCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(console.err());
        return ExitCode.USAGE;
    }

    /** {@code bridle ios check-backup}. */
    @Command(name = "check-backup", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = {
                "Check an iOS backup (made by Finder, iTunes or libimobiledevice) for traces of spyware.",
                "INPUT is the backup folder (holding Manifest.db and Info.plist), or a folder holding exactly one."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                "0:nothing found",
                "1:the input could not be checked (one sentence says why)",
                "2:usage error",
                "3:finished, but some artifacts failed and nothing was found",
                "4:detections found"})
    static final class CheckBackup extends CheckCommand {
        CheckBackup(Console console) {
            super(console, "ios-backup");
        }
    }

    /** {@code bridle ios check-fs}. */
    @Command(name = "check-fs", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = {
                "Check a full filesystem dump of an iPhone for traces of spyware.",
                "INPUT is the dump's folder (holding private/var, possibly under one leading folder), or a .tar,"
                        + " .tar.gz, .tgz or .zip of it, read in place without being extracted."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                "0:nothing found",
                "1:the input could not be checked (one sentence says why)",
                "2:usage error",
                "3:finished, but some artifacts failed and nothing was found",
                "4:detections found"})
    static final class CheckFs extends CheckCommand {
        CheckFs(Console console) {
            super(console, "ios-fs");
        }
    }
}
