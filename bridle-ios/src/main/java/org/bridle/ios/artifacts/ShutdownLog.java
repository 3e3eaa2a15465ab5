package org.bridle.ios.artifacts;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.model.Observable;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * {@code shutdown_log}: the processes still running when the phone was shut down, from
 * {@code private/var/db/diagnostics/shutdown.log} and the rotated {@code shutdown.N.log} files of iOS 26. Each
 * shutdown writes {@code remaining client pid: N (path)} lines, an {@code After X.XXs, …} line each time it waited
 * longer, and ends with a {@code SIGTERM: [unix time]} line; every client listed since the previous SIGTERM becomes
 * an entry with that shutdown's time, the total delay before its group and how many delays came before. Spyware
 * that keeps running shows up here by its path even when its files are gone. Clients after the last SIGTERM (a log
 * cut short) are entries without a time.
 */
public final class ShutdownLog implements Artifact<ShutdownLog.Client> {
    private static final Pattern CLIENT = Pattern.compile("remaining client pid: (\\d+) \\((.*)\\)\\s*$");
    private static final Pattern AFTER = Pattern.compile("After (\\d+(?:\\.\\d+)?)s.*");
    private static final Pattern SIGTERM_BRACKETS = Pattern.compile("SIGTERM: \\[(\\d{1,12})\\].*");
    private static final Pattern SIGTERM_AT = Pattern.compile("SIGTERM: .* @(\\d{1,10}).*");

    /**
     * One client process still running at a shutdown.
     *
     * @param isodate when the shutdown's SIGTERM was logged; null for clients after the last SIGTERM
     * @param pid the process id
     * @param client the client's path, as logged
     * @param delay seconds the shutdown had waited before this client was listed
     * @param timesDelayed how many waits came before it was listed
     */
    public record Client(Instant isodate, long pid, String client, double delay, int timesDelayed) {
    }

    @Override
    public String id() {
        return "shutdown_log";
    }

    @Override
    public String description() {
        return "Processes still running at each shutdown, from shutdown.log";
    }

    @Override
    public List<DevicePath> locations() {
        return List.of(DevicePath.of("private/var/db/diagnostics/shutdown.log"),
                DevicePath.of("private/var/db/diagnostics/shutdown.*.log"));
    }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<Client> out) throws Exception {
        List<Client> pending = new ArrayList<>();
        double delay = 0;
        int timesDelayed = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(file.open(), StandardCharsets.UTF_8))) {
            for (String raw = reader.readLine(); raw != null; raw = reader.readLine()) {
                String line = raw.strip();
                Matcher m;
                if ((m = CLIENT.matcher(line)).matches()) {
                    pending.add(new Client(null, Long.parseLong(m.group(1)), m.group(2), delay, timesDelayed));
                } else if ((m = AFTER.matcher(line)).matches()) {
                    delay += Double.parseDouble(m.group(1));
                    timesDelayed++;
                } else if (line.startsWith("SIGTERM: ")) {
                    Instant time = sigtermTime(line);
                    for (Client c : pending) {
                        out.entry(new Client(time, c.pid(), c.client(), c.delay(), c.timesDelayed()));
                    }
                    pending.clear();
                    delay = 0;
                    timesDelayed = 0;
                }
            }
        }
        pending.forEach(out::entry);
        if (!pending.isEmpty()) {
            out.note(file.devicePath() + " ends with " + pending.size()
                    + " clients after its last SIGTERM line: their shutdown has no time");
        }
    }

    /** The unix time of a SIGTERM line ({@code [seconds]} or {@code @seconds}); null when it has none. */
    private static Instant sigtermTime(String line) {
        Matcher m = SIGTERM_BRACKETS.matcher(line);
        if (!m.matches()) {
            m = SIGTERM_AT.matcher(line);
            if (!m.matches()) {
                return null;
            }
        }
        long seconds = Long.parseLong(m.group(1));
        return seconds == 0 ? null : Instant.ofEpochSecond(seconds);
    }

    /** The client path as a file path, and each of its segments as a process name (as MVT checks them). */
    @Override
    public List<Observable> observables(Client client) {
        List<Observable> observables = new ArrayList<>();
        observables.add(Observable.filePath(client.client()));
        for (String segment : client.client().split("/")) {
            if (!segment.isEmpty()) {
                observables.add(Observable.process(segment));
            }
        }
        return observables;
    }

    @Override
    public List<TimelineEvent> timeline(Client client) {
        return client.isodate() == null ? List.of() : List.of(new TimelineEvent(client.isodate(), id(), "shutdown",
                "Client " + client.client() + " with PID " + client.pid()
                        + " was running when the device was shut down"));
    }
}
