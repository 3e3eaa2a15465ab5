package org.bridle.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every {@code check-*} command shares. */
final class CheckOptions {
    @Option(names = "--iocs", paramLabel = "FILE",
            description = "Also check against the indicators in this file: a STIX2 bundle, or a stalkerware"
                    + " YAML list in the format of Echap's stalkerware-indicators (repeatable).")
    List<Path> iocs = new ArrayList<>();

    @Option(names = "--no-builtin-iocs",
            description = "Do not load the built-in indicator feeds (see 'bridle iocs list').")
    boolean noBuiltinIocs;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Write the reports (JSON per artifact, alerts, timelines, info.json) into this folder. "
                    + "It must not be inside the evidence.")
    Path output;

    @Option(names = "--artifact", paramLabel = "ID",
            description = "Run only this artifact (repeatable; see --list-artifacts).")
    List<String> artifacts = new ArrayList<>();

    @Option(names = "--list-artifacts", description = "List the artifacts this command looks for, and exit.")
    boolean listArtifacts;

    @Option(names = "--hashes",
            description = "Record the SHA-256 of every file of the evidence in info.json (not only of the files read).")
    boolean hashes;

    @Option(names = {"-v", "--verbose"}, description = "Show stack traces of failures.")
    boolean verbose;
}
