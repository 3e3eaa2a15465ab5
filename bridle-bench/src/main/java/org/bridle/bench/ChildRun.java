package org.bridle.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One run of a child process, measured from outside: wall time from start to exit, CPU time (user and system, read
 * from this process's {@code cutime}/{@code cstime} in {@code /proc/self/stat} before and after, so it counts exactly
 * the reaped child) and peak resident memory ({@code VmHWM} of {@code /proc/<pid>/status}, polled every 5 ms; a peak
 * in the child's last 5 ms may be missed), and the CPU time of its threads by name ({@link ThreadCpu}, sampled every
 * 50 ms). Linux only.
 */
record ChildRun(int exitCode, Duration wall, Duration cpu, long peakKib, Map<String, Double> threadSeconds) {
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    /** Runs {@code command} with its output sent to {@code log} and waits for it. */
    static ChildRun of(List<String> command, Path log) throws IOException, InterruptedException {
        long cpuBefore = childTicks();
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        ThreadCpu threads = new ThreadCpu(process.pid());
        long peak = 0;
        for (int poll = 0; process.isAlive(); poll++) {
            peak = Math.max(peak, highWaterMark(status));
            if (poll % 10 == 0) {
                threads.sample();
            }
            Thread.sleep(5);
        }
        int exit = process.waitFor();
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        Duration cpu = Duration.ofMillis((childTicks() - cpuBefore) * 1000 / CLOCK_TICKS_PER_SECOND);
        return new ChildRun(exit, wall, cpu, peak, threads.seconds());
    }

    private static long highWaterMark(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /** Fields 16 and 17 of /proc/self/stat: CPU ticks of waited-for children. */
    private static long childTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
    }
}
