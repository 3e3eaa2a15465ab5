package org.bridle.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * End-to-end bench: writes a synthetic backup (see {@link SyntheticBackup}) into {@code --work DIR} unless one of the
 * same sizes is there already, runs the real CLI jar on it as a child process ({@code ios check-backup --iocs
 * indicators.stix2 --output DIR/out-N}), and prints wall time, CPU time and peak resident memory (see
 * {@link ChildRun}), the CPU time of its busiest threads, and whether alerts.json holds every planted trace.
 *
 * <p>Options (defaults in brackets): {@code --files N} [100000], {@code --file-bytes B} [12000], {@code --messages M}
 * [200000], {@code --visits V} [100000], {@code --indicators K} [22000], {@code --work DIR} [bench-work],
 * {@code --jar PATH} [bridle-cli/target/bridle.jar], {@code --runs R} [1], {@code --java-opts "..."} (JVM options of
 * the child, split on spaces) [the launchers' options, read from {@code jvm.options} in the working directory],
 * {@code --hashes} (passed to the CLI),
 * {@code --mvt "COMMAND"} (also run MVT once on the same backup, see {@link MvtCommand}, and print its figures, the
 * planted traces it found and how many times faster bridle's fastest run was). Exits 1 when bridle misses a planted
 * trace.
 *
 * <p>The child also gets the class data archive beside the jar ({@code bridle.jsa}, written by the build) when there
 * is one, as the launchers give it.
 */
public final class CheckBench {
    /** The JVM options the launcher scripts pass unless BRIDLE_JAVA_OPTS is set: the line of this file. */
    static final Path LAUNCHER_JAVA_OPTS = Path.of("jvm.options");

    private CheckBench() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Map<String, String> options = options(args);
        int[] sizes = {number(options, "files", 100_000), number(options, "file-bytes", 12_000),
            number(options, "messages", 200_000), number(options, "visits", 100_000),
            number(options, "indicators", 22_000)};
        SyntheticBackup backup = new SyntheticBackup(sizes[0], sizes[1], sizes[2], sizes[3], sizes[4]);
        Path work = Path.of(options.getOrDefault("work", "bench-work")).toAbsolutePath();
        Path stix = work.resolve("indicators.stix2");
        Path folder = work.resolve("backup");
        Path marker = work.resolve("sizes.txt");
        if (!Files.exists(marker) || !Files.readString(marker).equals(Arrays.toString(sizes))) {
            deleteTree(work);
            Files.createDirectories(work);
            long start = System.nanoTime();
            backup.write(stix, folder);
            Files.writeString(marker, Arrays.toString(sizes));
            System.out.printf("generated %s in %.1f s%n", folder, (System.nanoTime() - start) / 1e9);
        }
        boolean allFound = true;
        double fastest = Double.MAX_VALUE;
        for (int run = 1; run <= number(options, "runs", 1); run++) {
            Path out = work.resolve("out-" + run);
            deleteTree(out);
            ChildRun result = ChildRun.of(command(options, stix, folder, out), work.resolve("run-" + run + ".log"));
            allFound &= report("run " + run, result, backup, out);
            fastest = Math.min(fastest, result.wall().toMillis() / 1e3);
        }
        if (options.containsKey("mvt")) {
            Path out = work.resolve("mvt-out");
            deleteTree(out);
            Files.createDirectories(out);
            ChildRun mvt = ChildRun.of(MvtCommand.of(options.get("mvt"), work, stix, folder, out),
                    work.resolve("mvt.log"));
            report("mvt", mvt, backup, out);
            System.out.printf("bridle's fastest run took %.2f s: %.1f times faster than MVT%n", fastest,
                    mvt.wall().toMillis() / 1e3 / fastest);
        }
        System.exit(allFound ? 0 : 1);
    }

    /** Prints one run's figures and the planted traces its alerts.json misses; true when it misses none. */
    private static boolean report(String label, ChildRun result, SyntheticBackup backup, Path out) throws IOException {
        String alerts = Files.exists(out.resolve("alerts.json")) ? Files.readString(out.resolve("alerts.json")) : "";
        List<String> missing = backup.plantedTraces().stream().filter(t -> !alerts.contains(t)).toList();
        System.out.printf("%s: exit %d, wall %.2f s, cpu %.2f s, peak RSS %d MiB, planted traces %s%n", label,
                result.exitCode(), result.wall().toMillis() / 1e3, result.cpu().toMillis() / 1e3,
                result.peakKib() / 1024, missing.isEmpty() ? "all found" : "MISSING " + missing);
        System.out.println("  cpu by thread: " + result.threadSeconds().entrySet().stream().limit(8)
                .map(e -> String.format("%s %.2f s", e.getKey(), e.getValue())).collect(Collectors.joining(", ")));
        return missing.isEmpty();
    }

    private static List<String> command(Map<String, String> options, Path stix, Path folder, Path out)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        String javaOpts = options.containsKey("java-opts") ? options.get("java-opts")
                : Files.readString(LAUNCHER_JAVA_OPTS).trim();
        if (!javaOpts.isEmpty()) {
            command.addAll(Arrays.asList(javaOpts.split(" +")));
        }
        String jar = options.getOrDefault("jar", "bridle-cli/target/bridle.jar");
        command.addAll(classDataArchive(Path.of(jar)));
        command.addAll(List.of("-jar", jar, "ios", "check-backup", "--iocs", stix.toString(), "--output",
                out.toString()));
        if (options.containsKey("hashes")) {
            command.add("--hashes");
        }
        command.add(folder.toString());
        return command;
    }

    /**
     * The options that give the child the class data archive beside the jar ({@code bridle.jar} →
     * {@code bridle.jsa}), as the launchers do, or none when there is no archive.
     */
    private static List<String> classDataArchive(Path jar) {
        String name = jar.getFileName().toString();
        if (!name.endsWith(".jar")) {
            return List.of();
        }
        Path archive = jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + ".jsa");
        return Files.isRegularFile(archive)
                ? List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off")
                : List.of();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + args[i]);
            }
            String name = args[i].substring(2);
            options.put(name, name.equals("hashes") ? "true" : args[++i]);
        }
        return options;
    }

    private static int number(Map<String, String> options, String name, int fallback) {
        return options.containsKey(name) ? Integer.parseInt(options.get(name).replace("_", "")) : fallback;
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                for (Path p : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
