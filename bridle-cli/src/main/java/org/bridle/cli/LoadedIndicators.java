package org.bridle.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.bridle.core.concurrent.TaskFailure;
import org.bridle.core.indicators.BuiltinIndicators;
import org.bridle.core.indicators.IndicatorFile;
import org.bridle.core.indicators.IndicatorFileException;
import org.bridle.core.indicators.IndicatorSet;
import org.bridle.core.indicators.Problem;
import org.bridle.core.indicators.StalkerwareYamlLoader;
import org.bridle.core.indicators.StixBundleLoader;
import org.bridle.core.source.InputException;
import org.bridle.report.RunInfo;

/** The indicators a command uses: the built-in feeds unless turned off, plus the files given with {@code --iocs}. */
record LoadedIndicators(IndicatorSet set) {

    /**
     * Loads the indicators; prints nothing (see {@link #reportProblems}), so it may run beside a password prompt. The
     * built-in feeds (parsed at build time) are read on the common pool while this thread parses {@code files}; the
     * set holds the built-in feeds first, then the files in order, whichever finished first.
     *
     * @throws InputException when a file given with {@code --iocs} cannot be read or is neither a STIX bundle nor a
     *     stalkerware YAML list
     */
    static LoadedIndicators load(List<Path> files, boolean builtin) throws InputException {
        CompletableFuture<List<IndicatorFile>> shipped = builtin
                ? CompletableFuture.supplyAsync(BuiltinIndicators::files)
                : CompletableFuture.completedFuture(List.of());
        List<IndicatorFile> given = new ArrayList<>();
        for (Path file : files) {
            try {
                String name = file.getFileName() == null ? "" : file.getFileName().toString();
                given.add(StalkerwareYamlLoader.handles(name) ? StalkerwareYamlLoader.load(file)
                        : StixBundleLoader.load(file));
            } catch (IndicatorFileException e) {
                throw new InputException(e.getMessage(), e);
            }
        }
        IndicatorSet.Builder builder = IndicatorSet.builder();
        try {
            shipped.join().forEach(builder::add);
        } catch (CompletionException e) {
            throw TaskFailure.rethrow(e.getCause(), RuntimeException.class, cause -> e);
        }
        given.forEach(builder::add);
        return new LoadedIndicators(builder.build());
    }

    /**
     * Reports, on standard error, the objects of the given files that could not be used (of the built-in feeds too
     * with {@code --verbose}: their known problems are listed in info.json).
     */
    void reportProblems(Console console) {
        for (IndicatorFile file : set.files()) {
            boolean shipped = file.location().startsWith(BuiltinIndicators.LOCATION_PREFIX);
            if (!file.problems().isEmpty() && (console.verbose() || !shipped)) {
                console.err().println("bridle: " + file.problems().size() + " object(s) of " + file.name()
                        + " could not be used as indicators" + (console.verbose() ? ":" : " (--verbose lists them)"));
                if (console.verbose()) {
                    file.problems().stream().map(Problem::message).forEach(m -> console.err().println("  " + m));
                }
            }
        }
    }

    /** How many indicators were loaded. */
    int count() {
        return set.size();
    }

    /** The files loaded, as info.json lists them. */
    List<RunInfo.IndicatorFile> files() {
        return set.files().stream()
                .map(f -> new RunInfo.IndicatorFile(f.name(), f.location(), f.sha256(), f.indicators().size(),
                        f.problems().size()))
                .toList();
    }
}
