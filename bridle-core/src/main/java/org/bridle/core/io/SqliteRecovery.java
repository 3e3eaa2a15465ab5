package org.bridle.core.io;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Salvages what it can of a malformed SQLite database with the {@code sqlite3} shell, never through a command shell:
 * one {@code sqlite3} process writes SQL for the damaged copy ({@code .recover}, or {@code .dump} where the shell
 * is built without {@code .recover}'s page access, as Debian's is) into a file in the same private folder, and a
 * second {@code sqlite3} reads it to build a new database. Both run in safe mode ({@code -safe}: no {@code .shell}, no files other than their
 * database; a shell older than 3.37 refuses it, and then nothing is recovered), with no start-up file, for a
 * bounded time and a bounded amount of SQL.
 */
public final class SqliteRecovery {
    private static final Duration TIME_LIMIT = Duration.ofMinutes(2);
    /** The most SQL accepted per byte of the damaged database (recovered SQL writes blobs in hex, text quoted). */
    private static final long SQL_PER_DATABASE_BYTE = 8;
    private static final long SQL_MINIMUM = 16L << 20;
    /** How the shell's {@code .dump} ends when it met errors; the rows before them are kept instead. */
    private static final String DUMP_ROLLBACK = "ROLLBACK; -- due to errors";

    private static final String NO_SQLITE3 = "there is no sqlite3 shell on this machine to recover it";

    private final Path executable;
    private final String unavailable;

    private SqliteRecovery(Path executable, String unavailable) {
        this.executable = executable;
        this.unavailable = unavailable;
    }

    /** No recovery: for a database whose damage must stop the reading rather than be salvaged in part. */
    public static SqliteRecovery none() {
        return new SqliteRecovery(null, "recovery is not tried for this database");
    }

    /** Recovery with the {@code sqlite3} found on the {@code PATH}, or none when there is none. */
    public static SqliteRecovery system() {
        String names = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
                ? "sqlite3.exe" : "sqlite3";
        String path = System.getenv("PATH");
        if (path != null) {
            for (String folder : path.split(File.pathSeparator)) {
                if (!folder.isEmpty()) {
                    Path candidate = Path.of(folder, names);
                    if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                        return new SqliteRecovery(candidate, null);
                    }
                }
            }
        }
        return new SqliteRecovery(null, NO_SQLITE3);
    }

    /** Recovery with the given {@code sqlite3} executable; a path that is not an executable file means none. */
    public static SqliteRecovery using(Path executable) {
        return Files.isRegularFile(executable) && Files.isExecutable(executable)
                ? new SqliteRecovery(executable, null) : new SqliteRecovery(null, NO_SQLITE3);
    }

    /** The {@code sqlite3} used, if any. */
    public Optional<Path> executable() {
        return Optional.ofNullable(executable);
    }

    /** Why no recovery is tried, for the message of a malformed database; null when {@code sqlite3} is there. */
    String unavailable() {
        return unavailable;
    }

    /**
     * Writes a new database {@code target} from what {@code damaged} still holds.
     *
     * @return true when the new database has at least one table; false when nothing could be salvaged, or when
     *     there is no {@code sqlite3}
     */
    public boolean recover(Path damaged, Path target) throws IOException {
        if (executable == null) {
            return false;
        }
        Path init = Files.createFile(target.resolveSibling(target.getFileName() + ".init"));
        long limit = Math.max(SQL_MINIMUM, Files.size(damaged) * SQL_PER_DATABASE_BYTE);
        for (String command : List.of(".recover", ".dump")) {
            // each attempt builds its own file, so nothing an earlier one left (such as a journal) can touch it
            Path attempt = target.resolveSibling(target.getFileName() + command);
            if (pipe(command, damaged, attempt, init, limit) && hasTables(attempt)) {
                Files.move(attempt, target);
                return true;
            }
        }
        return false;
    }

    /**
     * Runs one recovery attempt: {@code command} writes SQL for the damaged copy into a file beside the target (no
     * pipe through Java, so nothing depends on how fast either process runs), then a second {@code sqlite3} reads
     * it into {@code target}. Statements that fail are skipped by the shell; what it could build counts.
     */
    private boolean pipe(String command, Path damaged, Path target, Path init, long limit) throws IOException {
        Path sql = target.resolveSibling(target.getFileName() + ".sql");
        long deadline = System.nanoTime() + TIME_LIMIT.toNanos();
        Process writer = new ProcessBuilder(executable.toString(), "-batch", "-safe", "-init", init.toString(),
                damaged.toString(), command).redirectOutput(sql.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).redirectInput(ProcessBuilder.Redirect.from(init.toFile()))
                .start();
        if (!finished(writer, deadline) || Files.size(sql) > limit) {
            return false;
        }
        keepRowsBeforeErrors(sql);
        Process reader = new ProcessBuilder(executable.toString(), "-batch", "-safe", "-init", init.toString(),
                target.toString()).redirectInput(sql.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        boolean done = finished(reader, deadline);
        Files.deleteIfExists(sql);
        return done;
    }

    /** Turns the final {@code ROLLBACK} that {@code .dump} writes after an error into a {@code COMMIT}. */
    private static void keepRowsBeforeErrors(Path sql) throws IOException {
        byte[] ending = (DUMP_ROLLBACK + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(sql, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            if (size < ending.length) {
                return;
            }
            ByteBuffer tail = ByteBuffer.allocate(ending.length);
            channel.read(tail, size - ending.length);
            if (java.util.Arrays.equals(tail.array(), ending)) {
                channel.truncate(size - ending.length);
                channel.write(ByteBuffer.wrap("COMMIT;\n".getBytes(StandardCharsets.UTF_8)), size - ending.length);
            }
        }
    }

    private static boolean finished(Process process, long deadline) {
        try {
            if (process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
        return false;
    }

    private static boolean hasTables(Path database) {
        if (!Files.isRegularFile(database)) {
            return false;
        }
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + database);
             var st = connection.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table'")) {
            return rs.next() && rs.getLong(1) > 0;
        } catch (java.sql.SQLException unreadable) {
            return false;
        }
    }
}
