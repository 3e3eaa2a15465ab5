package org.bridle.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bridle.core.indicators.BuiltinIndicators;

/**
 * The command line of MVT's {@code mvt-ios check-backup} over the bench's backup, with the same indicators bridle
 * checks against: the generated STIX file and every built-in STIX feed (written out unchanged into
 * {@code <work>/mvt-iocs}; MVT cannot read the stalkerware YAML feed, which holds no iOS indicators). MVT itself is
 * not part of bridle: {@code launcher} is how this machine starts an installed MVT, split on spaces, and it must
 * {@code exec} MVT's Python process rather than fork it, so that the peak memory measured is MVT's.
 */
final class MvtCommand {
    private MvtCommand() {
    }

    static List<String> of(String launcher, Path work, Path stix, Path backup, Path out) throws IOException {
        List<String> command = new ArrayList<>(Arrays.asList(launcher.trim().split(" +")));
        command.addAll(List.of("--disable-update-check", "--disable-indicator-update-check", "check-backup"));
        for (Path feed : builtinStixFeeds(work.resolve("mvt-iocs"))) {
            command.addAll(List.of("--iocs", feed.toString()));
        }
        command.addAll(List.of("--iocs", stix.toString(), "--output", out.toString(), backup.toString()));
        return command;
    }

    private static List<Path> builtinStixFeeds(Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        for (BuiltinIndicators.Feed feed : BuiltinIndicators.feeds()) {
            if (feed.path().endsWith(".stix2")) {
                Path file = folder.resolve(feed.path().replace('/', '_'));
                Files.write(file, BuiltinIndicators.content(feed));
                written.add(file);
            }
        }
        return written;
    }
}
