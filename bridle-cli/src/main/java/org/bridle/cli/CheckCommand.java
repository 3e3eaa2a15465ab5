package org.bridle.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bridle.core.source.PasswordSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * A {@code check-*} command: the evidence to check and the shared options; {@link Check} does the work. Subclasses
 * only name the kind of evidence and describe it.
 */
@Command(exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:nothing found",
            "1:the input could not be checked, or its password is wrong or missing (one sentence says why)",
            "2:usage error",
            "3:finished, but some artifacts failed and nothing was found",
            "4:detections found"})
abstract class CheckCommand implements Callable<Integer> {
    private final Console console;
    private final String kindId;

    @Spec
    CommandSpec spec;

    @Mixin
    CheckOptions options = new CheckOptions();

    @Parameters(index = "0", arity = "0..1", paramLabel = "INPUT", description = "The evidence to check.")
    Path input;

    CheckCommand(Console console, String kindId) {
        this.console = console;
        this.kindId = kindId;
    }

    @Override
    public Integer call() {
        return new Check(console, kindId, spec.qualifiedName()).run(input, options, passwords());
    }

    /** Where the password of encrypted evidence comes from; by default there is none. */
    PasswordSource passwords() {
        return PasswordSource.NONE;
    }

    Console console() {
        return console;
    }
}
