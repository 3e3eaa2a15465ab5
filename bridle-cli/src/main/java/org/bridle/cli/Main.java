package org.bridle.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.bridle.core.io.SqliteEvidence;
import picocli.CommandLine;

/** Entry point: {@code main} calls the testable {@link #run}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        SqliteEvidence.startLoadingDriver();
        System.exit(run(System.out, System.err, args));
    }

    /** Runs a bridle command line and returns its exit code (see {@link ExitCode}). */
    public static int run(PrintStream out, PrintStream err, String... args) {
        return run(out, err, System.getenv(), args);
    }

    /** Runs a bridle command line with these environment variables in place of the process's. */
    static int run(PrintStream out, PrintStream err, Map<String, String> environment, String... args) {
        Console console = new Console(out, err, environment);
        CommandLine cli = CommandTree.forArguments(console, args);
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("bridle: " + e.getMessage());
            CommandLine.Model.CommandSpec spec = e.getCommandLine().getCommandSpec();
            err.println("Try '" + spec.qualifiedName() + " --help' for usage.");
            return ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("bridle: internal error: " + e + " (please report it, with --verbose output)");
            if (console.verbose()) {
                e.printStackTrace(err);
            }
            return ExitCode.INPUT_ERROR;
        });
        return cli.execute(args);
    }
}
