package org.bridle.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The CPU time of a running process's threads, grouped by thread name with numbers dropped (so that
 * {@code C2 CompilerThread0} and {@code C2 CompilerThread1} add up): the user and system ticks of each
 * {@code /proc/<pid>/task/<tid>/stat}, the last value seen of each thread kept. A thread's last ticks before it
 * ends are missed when it ends between two samples. Linux only.
 */
final class ThreadCpu {
    private static final double CLOCK_TICKS_PER_SECOND = 100;

    private final Path tasks;
    private final Map<String, Long> ticksByTask = new HashMap<>();
    private final Map<String, String> nameByTask = new HashMap<>();

    ThreadCpu(long pid) {
        this.tasks = Path.of("/proc", Long.toString(pid), "task");
    }

    /** Reads every thread's ticks now; a process or thread that has ended is skipped. */
    void sample() {
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path task : threads) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    String tid = task.getFileName().toString();
                    ticksByTask.put(tid, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                    nameByTask.computeIfAbsent(tid, t -> name(stat));
                } catch (IOException | RuntimeException ended) {
                    // the thread ended while it was read
                }
            }
        } catch (IOException | RuntimeException ended) {
            // the process ended
        }
    }

    /** Seconds of CPU per thread group, largest first. */
    Map<String, Double> seconds() {
        Map<String, Long> ticks = new HashMap<>();
        ticksByTask.forEach((tid, t) -> ticks.merge(nameByTask.get(tid), t, Long::sum));
        return ticks.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue() / CLOCK_TICKS_PER_SECOND,
                        (a, b) -> a, LinkedHashMap::new));
    }

    private static String name(String stat) {
        return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+$", "").strip();
    }
}
