package org.bridle.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.bridle.core.indicators.BuiltinIndicators;
import org.bridle.core.indicators.Family;
import org.bridle.core.indicators.IndicatorFile;
import org.bridle.core.indicators.IndicatorType;
import org.bridle.core.source.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bridle iocs}: the indicator commands. */
@Command(name = "iocs", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Show the indicators of compromise bridle checks against.")
final class IocsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private final Console console;

    IocsCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(console.err());
        return ExitCode.USAGE;
    }

    /** {@code bridle iocs list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = "List each family (malware or report) with its indicator counts by kind, its source file "
                    + "and that file's date (the snapshot date of a built-in feed, else the file's modification date).")
    static final class ListFamilies implements Callable<Integer> {
        private final Console console;

        @Option(names = "--iocs", paramLabel = "FILE", description = "Also list this STIX2 file (repeatable).")
        List<Path> iocs = new ArrayList<>();

        @Option(names = "--no-builtin-iocs", description = "Leave out the built-in feeds.")
        boolean noBuiltinIocs;

        @Option(names = {"-v", "--verbose"}, description = "List the objects that could not be used.")
        boolean verbose;

        ListFamilies(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() {
            console.verbose(verbose);
            LoadedIndicators loaded;
            try {
                loaded = LoadedIndicators.load(iocs, !noBuiltinIocs);
            } catch (InputException e) {
                console.error(e.getMessage(), e.getCause());
                return ExitCode.INPUT_ERROR;
            }
            loaded.reportProblems(console);
            Map<String, String> dates = fileDates(loaded);
            console.out().printf("%-34s %6s  %-44s %s%n", "FAMILY", "COUNT", "KINDS", "SOURCE (DATE)");
            for (Family family : loaded.set().families()) {
                String sources = family.sourceFiles().stream()
                        .map(f -> f + " (" + dates.getOrDefault(f, "?") + ")").collect(Collectors.joining(", "));
                console.out().printf("%-34s %6d  %-44s %s%n", family.name(), family.size(),
                        kinds(family.countsByType()), sources);
            }
            console.out().printf("%n%d indicators in %d families from %d files.%n", loaded.count(),
                    loaded.set().families().size(), loaded.set().files().size());
            return ExitCode.CLEAN;
        }

        private static String kinds(Map<IndicatorType, Integer> counts) {
            return counts.entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .collect(Collectors.joining(", "));
        }

        /** File name to date: built-in feeds by their snapshot date, other files by their modification date. */
        private Map<String, String> fileDates(LoadedIndicators loaded) {
            Map<String, String> dates = new HashMap<>();
            Map<String, LocalDate> snapshots = new HashMap<>();
            for (BuiltinIndicators.Feed feed : BuiltinIndicators.feeds()) {
                snapshots.put(feed.location(), feed.snapshot());
            }
            for (IndicatorFile file : loaded.set().files()) {
                LocalDate snapshot = snapshots.get(file.location());
                if (snapshot != null) {
                    dates.put(file.name(), snapshot.toString());
                } else {
                    dates.put(file.name(), modified(Path.of(file.location())));
                }
            }
            return dates;
        }

        private static String modified(Path file) {
            try {
                return LocalDate.ofInstant(Files.getLastModifiedTime(file).toInstant(), ZoneOffset.UTC).toString();
            } catch (IOException e) {
                return "?";
            }
        }
    }
}
