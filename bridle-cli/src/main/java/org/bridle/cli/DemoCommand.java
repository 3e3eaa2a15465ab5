package org.bridle.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bridle.core.source.PasswordSource;
import java.util.concurrent.Callable;
import org.bridle.testkit.ios.DemoBackup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bridle demo}: checks a synthetic backup with planted traces, to show what a finding looks like. */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {
            "Write a small synthetic iPhone backup with planted traces (a Pegasus domain in an SMS, a Pegasus process "
                    + "in network usage, Apple's threat notification, a deleted process record) into a temporary "
                    + "folder and check it with the built-in indicators, so you can see what a finding looks like "
                    + "before you check a real phone. It exits 4, as a check with detections does."})
final class DemoCommand implements Callable<Integer> {
    private final Console console;

    @Option(names = "--folder", paramLabel = "DIR",
            description = "Write the demo backup and its report here instead of a new temporary folder.")
    Path folder;

    DemoCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        Path root;
        try {
            root = folder != null ? Files.createDirectories(folder) : Files.createTempDirectory("bridle-demo-");
        } catch (IOException e) {
            console.error("Cannot create the demo folder" + (folder != null ? " " + folder : "") + ": "
                    + Check.reason(e) + ".", e);
            return ExitCode.INPUT_ERROR;
        }
        Path backup = DemoBackup.write(root.resolve("backup"));
        console.err().println("bridle: wrote a synthetic demo backup to " + backup);
        CheckOptions options = new CheckOptions();
        options.output = root.resolve("report");
        int code = new Check(console, "ios-backup", "bridle ios check-backup").run(backup, options, PasswordSource.NONE);
        console.out().println("\nThis was a demo on synthetic data. To check a real phone's backup, with its owner's "
                + "consent:\n  ./bridle ios check-backup --output REPORT_DIR BACKUP_DIR");
        return code;
    }
}
