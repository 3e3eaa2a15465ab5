package org.bridle.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top command: {@code bridle}. */
@Command(name = "bridle", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {
            "Checks phone evidence (such as an iOS backup), with its owner's informed consent, for traces of "
                    + "mercenary spyware and stalkerware. It reads only what it is given, never changes it, and "
                    + "makes no network connection."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:nothing found",
            "1:the input could not be checked (one sentence says why)",
            "2:usage error",
            "3:finished, but some artifacts failed and nothing was found",
            "4:detections found"})
final class BridleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    BridleCommand(Console console) {
        this.console = console;
    }

    private final Console console;

    Console console() {
        return console;
    }

    /** Without a sub-command there is nothing to do: show the usage, as for any usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(console.err());
        return ExitCode.USAGE;
    }
}
