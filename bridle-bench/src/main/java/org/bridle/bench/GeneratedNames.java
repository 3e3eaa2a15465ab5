package org.bridle.bench;

import java.util.List;
import java.util.Random;

/** Plausible, reproducible host names for benchmarks. */
final class GeneratedNames {
    private static final List<String> TOP_LEVEL_DOMAINS =
            List.of("com", "net", "org", "info", "xyz", "online", "co", "io", "app", "site", "news", "gr");
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final Random random;

    GeneratedNames(long seed) {
        this.random = new Random(seed);
    }

    /** A label of 5 to 12 letters and digits, starting with a letter. */
    String label() {
        int length = 5 + random.nextInt(8);
        StringBuilder label = new StringBuilder(length).append((char) ('a' + random.nextInt(26)));
        while (label.length() < length) {
            label.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return label.toString();
    }

    /** A registrable domain, a third of them with one more label in front. */
    String domain() {
        String domain = label() + "." + TOP_LEVEL_DOMAINS.get(random.nextInt(TOP_LEVEL_DOMAINS.size()));
        return random.nextInt(3) == 0 ? label() + "." + domain : domain;
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }
}
