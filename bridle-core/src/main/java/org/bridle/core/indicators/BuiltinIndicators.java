package org.bridle.core.indicators;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The indicator feeds bridle ships: copies of the public STIX files of Amnesty International's investigations and
 * of the MVT project's indicators, and the Echap association's stalkerware YAML files, listed in the resource {@code builtin/index.txt} with the snapshot date of each
 * source (attribution and licences: {@code builtin/NOTICE}).
 */
public final class BuiltinIndicators {
    /** How the location of a built-in feed starts. */
    public static final String LOCATION_PREFIX = "builtin:";

    private static final String FOLDER = "builtin/";

    private BuiltinIndicators() {
    }

    /**
     * One shipped feed.
     *
     * @param path its resource path relative to the built-in folder, such as
     *             {@code iocs/amnesty-investigations/2021-07-18_nso/pegasus.stix2}
     * @param snapshot the day its source was copied
     */
    public record Feed(String path, LocalDate snapshot) {
        public Feed {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(snapshot, "snapshot");
        }

        /** Where its indicators say they came from: {@code builtin:} and its path. */
        public String location() {
            return LOCATION_PREFIX + path;
        }
    }

    /** The shipped feeds, in index order. */
    public static List<Feed> feeds() {
        List<Feed> feeds = new ArrayList<>();
        for (String line : new String(resource("index.txt"), StandardCharsets.UTF_8).split("\n")) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            String[] fields = entry.split("\\s+");
            if (fields.length != 2) {
                throw new IllegalStateException("The built-in index line \"" + entry + "\" is not a path and a date.");
            }
            feeds.add(new Feed(fields[0], LocalDate.parse(fields[1])));
        }
        return List.copyOf(feeds);
    }

    /** Every shipped feed, loaded into one set. */
    public static IndicatorSet load() {
        IndicatorSet.Builder builder = IndicatorSet.builder();
        files().forEach(builder::add);
        return builder.build();
    }

    /**
     * Every shipped feed parsed, in index order. The feeds were parsed when bridle was built (see
     * {@link CompiledIndicators}); this reads the result.
     *
     * @throws IllegalStateException when the compiled feeds are missing or damaged (bridle was not built with Maven)
     */
    public static List<IndicatorFile> files() {
        return CompiledIndicators.load();
    }

    /** The feed's bytes, exactly as shipped (and as published by its source). */
    public static byte[] content(Feed feed) {
        return resource(feed.path());
    }

    /** Parses a shipped feed with its format's loader (at build time: see {@link CompiledIndicators}). */
    static IndicatorFile parse(Feed feed) {
        String name = feed.path().substring(feed.path().lastIndexOf('/') + 1);
        try {
            byte[] content = content(feed);
            return StalkerwareYamlLoader.handles(name) ? StalkerwareYamlLoader.load(name, feed.location(), content)
                    : StixBundleLoader.load(name, feed.location(), content);
        } catch (IndicatorFileException e) {
            throw new IllegalStateException("A built-in indicator feed is broken: " + e.getMessage(), e);
        }
    }

    private static byte[] resource(String path) {
        try (InputStream in = BuiltinIndicators.class.getResourceAsStream(FOLDER + path)) {
            if (in == null) {
                throw new IllegalStateException("The built-in indicator resource " + FOLDER + path + " is missing.");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The built-in indicator resource " + FOLDER + path + " cannot be read.", e);
        }
    }
}
