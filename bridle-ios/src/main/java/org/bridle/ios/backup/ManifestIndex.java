package org.bridle.ios.backup;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.function.Predicate;

/**
 * Manifest.db's records by position (the order of the database), held in arrays rather than an object per record,
 * since a backup lists hundreds of thousands and they stay alive for the whole check. A {@link ManifestRecord} is
 * made when asked for. Look-ups by domain and relative path search an index of positions sorted by (domain,
 * relative path); when several records share both, the last in database order is the one found.
 */
final class ManifestIndex {
    private final FileIds fileIds;
    /** The distinct domains, sorted. */
    private final String[] domains;
    /** Per position, the index of its domain in {@link #domains}. */
    private final int[] domainOf;
    private final String[] relativePaths;
    private final int[] flags;
    private final int size;
    /** The positions sorted by (domain, relative path, position). */
    private final int[] byPath;
    /** Where each domain's positions start in {@link #byPath}; one more entry holds the end. */
    private final int[] domainStart;

    private ManifestIndex(Builder built) {
        this.fileIds = built.fileIds;
        this.size = built.size;
        this.relativePaths = built.relativePaths;
        this.flags = built.flags;
        this.domains = built.domains.keySet().toArray(String[]::new);
        Arrays.sort(domains);
        int[] rank = new int[domains.length];
        for (int d = 0; d < domains.length; d++) {
            rank[built.domains.get(domains[d])] = d;
        }
        this.domainOf = built.domainOf;
        this.domainStart = new int[domains.length + 1];
        for (int p = 0; p < size; p++) {
            domainOf[p] = rank[domainOf[p]];
            domainStart[domainOf[p] + 1]++;
        }
        for (int d = 0; d < domains.length; d++) {
            domainStart[d + 1] += domainStart[d];
        }
        this.byPath = sortedPositions();
    }

    /** The number of records. */
    int size() {
        return size;
    }

    /** The record at a position, made anew. */
    ManifestRecord record(int position) {
        return new ManifestRecord(fileIds.get(position), domain(position), relativePaths[position], flags[position]);
    }

    String domain(int position) {
        return domains[domainOf[position]];
    }

    String relativePath(int position) {
        return relativePaths[position];
    }

    boolean isFile(int position) {
        return flags[position] == ManifestRecord.FILE;
    }

    /** Every record, in database order, as an unmodifiable list whose elements are made as they are read. */
    List<ManifestRecord> records() {
        return new Records();
    }

    /** The position of the last record of a domain and relative path, or -1 when there is none. */
    int find(String domain, String relativePath) {
        int d = Arrays.binarySearch(domains, domain);
        if (d < 0) {
            return -1;
        }
        // the first entry of the domain that sorts after the path: the one before it is the last equal to it
        int lowest = domainStart[d];
        int highest = domainStart[d + 1];
        while (lowest < highest) {
            int middle = (lowest + highest) >>> 1;
            if (relativePaths[byPath[middle]].compareTo(relativePath) <= 0) {
                lowest = middle + 1;
            } else {
                highest = middle;
            }
        }
        return lowest > domainStart[d] && relativePaths[byPath[lowest - 1]].equals(relativePath)
                ? byPath[lowest - 1] : -1;
    }

    /** The positions of the records of the domains that {@code domainFilter} accepts, in database order. */
    int[] positionsIn(Predicate<String> domainFilter) {
        boolean[] chosen = new boolean[domains.length];
        int count = 0;
        for (int d = 0; d < domains.length; d++) {
            chosen[d] = domainFilter.test(domains[d]);
            count += chosen[d] ? domainStart[d + 1] - domainStart[d] : 0;
        }
        int[] found = new int[count];
        int length = 0;
        for (int p = 0; length < count; p++) {
            if (chosen[domainOf[p]]) {
                found[length++] = p;
            }
        }
        return found;
    }

    /** The positions, grouped by domain in domain order, each group sorted by (relative path, position). */
    private int[] sortedPositions() {
        int[] next = Arrays.copyOf(domainStart, domains.length);
        int[] sorted = new int[size];
        for (int p = 0; p < size; p++) {
            sorted[next[domainOf[p]]++] = p;
        }
        int[] buffer = new int[size];
        for (int d = 0; d < domains.length; d++) {
            sortByPath(sorted, buffer, domainStart[d], domainStart[d + 1]);
        }
        return sorted;
    }

    /** A stable merge sort of {@code positions[from, to)} by relative path, through {@code buffer}. */
    private void sortByPath(int[] positions, int[] buffer, int from, int to) {
        if (to - from < 2) {
            return;
        }
        int middle = (from + to) >>> 1;
        sortByPath(positions, buffer, from, middle);
        sortByPath(positions, buffer, middle, to);
        if (relativePaths[positions[middle - 1]].compareTo(relativePaths[positions[middle]]) <= 0) {
            return;
        }
        System.arraycopy(positions, from, buffer, from, to - from);
        int left = from;
        int right = middle;
        for (int i = from; i < to; i++) {
            if (right >= to || left < middle
                    && relativePaths[buffer[left]].compareTo(relativePaths[buffer[right]]) <= 0) {
                positions[i] = buffer[left++];
            } else {
                positions[i] = buffer[right++];
            }
        }
    }

    private final class Records extends AbstractList<ManifestRecord> implements RandomAccess {
        @Override
        public ManifestRecord get(int index) {
            return record(index);
        }

        @Override
        public int size() {
            return size;
        }
    }

    /** Collects records in database order. */
    static final class Builder {
        private final FileIds fileIds = new FileIds();
        /** Each distinct domain with the order it was first seen in. */
        private final Map<String, Integer> domains = new HashMap<>();
        private int[] domainOf = new int[16];
        private String[] relativePaths = new String[16];
        private int[] flags = new int[16];
        private int size;

        /** Appends the next record. */
        Builder add(String fileId, String domain, String relativePath, int recordFlags) {
            if (size == flags.length) {
                domainOf = Arrays.copyOf(domainOf, size * 2);
                relativePaths = Arrays.copyOf(relativePaths, size * 2);
                flags = Arrays.copyOf(flags, size * 2);
            }
            fileIds.add(fileId);
            Integer d = domains.get(domain);
            if (d == null) {
                d = domains.size();
                domains.put(domain, d);
            }
            domainOf[size] = d;
            relativePaths[size] = relativePath;
            flags[size] = recordFlags;
            size++;
            return this;
        }

        /** The index of the records added; it takes over the builder's arrays, so the builder is done with. */
        ManifestIndex build() {
            return new ManifestIndex(this);
        }
    }
}
