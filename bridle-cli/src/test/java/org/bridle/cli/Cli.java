package org.bridle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bridle.testkit.EvidenceSnapshot;

/** Runs bridle's command line in this JVM through {@link Main#run}, capturing what it prints and its exit code. */
final class Cli {
    private Cli() {
    }

    /** What one command line printed, and its exit code. */
    record Result(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
        }

        List<String> outLines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\\R"));
        }

        /** No stack trace on standard error: no {@code "\tat "} frame and no exception class name. */
        Result hasNoStackTrace() {
            assertThat(errLines()).as("stderr without --verbose:%n%s", err).noneMatch(l -> l.startsWith("\tat "));
            assertThat(err).as("stderr without --verbose").doesNotContain("Exception");
            return this;
        }

        /** A stack trace on standard error, as {@code --verbose} asks. */
        Result hasStackTrace() {
            assertThat(errLines()).as("stderr with --verbose:%n%s", err).anyMatch(l -> l.startsWith("\tat "));
            return this;
        }

        /** Standard error is exactly one sentence, prefixed {@code bridle: }, that contains {@code words}. */
        Result saysInOneSentence(String... words) {
            assertThat(errLines()).as("stderr:%n%s", err).hasSize(1);
            String line = errLines().get(0);
            assertThat(line).startsWith("bridle: ").endsWith(".");
            for (String word : words) {
                assertThat(line).containsIgnoringCase(word);
            }
            return hasNoStackTrace();
        }
    }

    /** Runs {@code bridle args…}; without {@code --verbose}, asserts that no stack trace was printed. */
    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.run(o, e, args);
        }
        Result result = new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        if (!Arrays.asList(args).contains("--verbose") && !Arrays.asList(args).contains("-v")) {
            result.hasNoStackTrace();
        }
        return result;
    }

    /**
     * Runs {@code bridle ios check-backup options… evidence} and asserts that the evidence (everything under it) is
     * byte for byte the same afterwards (and, as {@link #run} does, that no stack trace shows without --verbose).
     */
    static Result checkBackup(Path evidence, String... options) {
        EvidenceSnapshot before = Files.exists(evidence) ? EvidenceSnapshot.of(evidence) : null;
        List<String> args = new ArrayList<>(List.of("ios", "check-backup"));
        args.addAll(Arrays.asList(options));
        args.add(evidence.toString());
        Result result = run(args.toArray(new String[0]));
        if (before != null) {
            assertThat(EvidenceSnapshot.of(evidence)).as("the evidence after the check").isEqualTo(before);
        } else {
            assertThat(evidence).as("a missing evidence path stays missing").doesNotExist();
        }
        return result;
    }
}
