package org.bridle.core.indicators;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bridle.core.model.Observable;
import org.bridle.core.model.ObservableKind;

/**
 * The indicators of some loaded files, indexed for exact matching. Immutable and thread-safe; built with
 * {@link #builder()}.
 *
 * <p>How an observable matches, by its kind (values are stripped of surrounding white space first):
 * <ul>
 * <li>{@code URL}: a {@code url:value} indicator when both are the same URL, scheme and host compared without
 * case and an empty path equal to {@code /}, the rest exactly (a URL without scheme is tried as {@code http} and
 * {@code https}); and its host as a {@code DOMAIN}.</li>
 * <li>{@code DOMAIN} (a host, or anything with one): a {@code domain-name:value} indicator D matches host H when H
 * is D or ends with {@code "." + D}, so {@code x.evil.com} matches {@code evil.com} but {@code notevil.com}, the
 * parent {@code evil.com} of {@code cdn.evil.com} and {@code evil.com.au} do not. Hosts and indicators are
 * compared in lower case, internationalised names as punycode, without trailing dot, port, user info or brackets.
 * A host that is an IPv4 address matches {@code ipv4-addr:value} indicators (and domain indicators only when
 * equal).</li>
 * <li>{@code IPV4}: the same address, leading zeros aside.</li>
 * <li>{@code TEXT}: each link {@link LinkExtractor} finds is checked as a {@code URL}.</li>
 * <li>{@code LINK} (one link found in a text): checked as a {@code URL}, as the links of a {@code TEXT} are.</li>
 * <li>{@code PROCESS}: the same name, case kept. A name of 15 or 16 characters, the lengths at which kernels
 * truncate process names, also matches every longer indicator that starts with it. An observed name holding a
 * {@code /} (an executable path, or iOS's {@code <uuid>/<bundle id>} process names) is also matched by its last
 * segment.</li>
 * <li>{@code EMAIL}: the same address without case, {@code mailto:} and angle brackets.</li>
 * <li>{@code FILE_PATH}: a {@code file:path} indicator when the path is it or lies under it at a {@code /}
 * boundary ({@code /private/var/db/x} is under {@code /private/var/db}, {@code /private/var/dbx} is not); and its
 * last segment as a {@code FILE_NAME}. As iOS links {@code /var}, {@code /etc} and {@code /tmp} into
 * {@code /private}, {@code /private/var/…} equals {@code /var/…} (and so for etc and tmp, nothing else); repeated
 * and trailing slashes are dropped, case is kept, and a relative path never equals an absolute one.</li>
 * <li>{@code FILE_NAME}, {@code ANDROID_PROPERTY}: the same name, case kept.</li>
 * <li>file and certificate hashes: the same digest of the same algorithm, without case, colons or spaces.</li>
 * <li>{@code APP_ID}: the same identifier without case.</li>
 * <li>{@code PROFILE_ID}: the same identifier without case or surrounding braces.</li>
 * </ul>
 * Each match's observed value is the part that matched: the host, the URL, the link found in a text (for every
 * indicator a text's link or a {@code LINK} matches), the path, the file name, or the observed value.
 */
public final class IndicatorSet implements IndicatorMatcher {
    /** The lengths at which kernels cut process names (iOS 16, Linux 15). */
    private static final int SHORTEST_TRUNCATED_NAME = 15;
    private static final int LONGEST_TRUNCATED_NAME = 16;

    private final List<IndicatorFile> files;
    private final List<Indicator> indicators;
    private final List<Family> families;
    private final Map<IndicatorType, Map<String, List<Indicator>>> byKey = new EnumMap<>(IndicatorType.class);
    /** The host of every URL indicator: a URL whose host is not one of them matches no URL indicator. */
    private final Set<String> urlHosts = new HashSet<>();
    /** Process indicators longer than a truncated name, by their first 15 and first 16 characters. */
    private final List<Map<String, List<Indicator>>> processesByTruncatedName = new ArrayList<>();
    /**
     * The keys of the domain, file path and file name indicators: most hosts, paths and names observed are none, and
     * these tell so without making a string of each suffix or prefix looked up.
     */
    private final KeyFilter domainKeys;
    private final KeyFilter pathKeys;
    private final KeyFilter nameKeys;

    private IndicatorSet(List<IndicatorFile> files) {
        this.files = List.copyOf(files);
        Set<Indicator> distinct = new LinkedHashSet<>();
        files.forEach(file -> distinct.addAll(file.indicators()));
        this.indicators = List.copyOf(distinct);
        this.families = families(indicators);
        for (IndicatorType type : IndicatorType.values()) {
            byKey.put(type, new HashMap<>());
        }
        for (int length = SHORTEST_TRUNCATED_NAME; length <= LONGEST_TRUNCATED_NAME; length++) {
            processesByTruncatedName.add(new HashMap<>());
        }
        for (Indicator indicator : indicators) {
            index(indicator);
        }
        byKey.values().forEach(IndicatorSet::freeze);
        processesByTruncatedName.forEach(IndicatorSet::freeze);
        domainKeys = new KeyFilter(byKey.get(IndicatorType.DOMAIN).keySet());
        pathKeys = new KeyFilter(byKey.get(IndicatorType.FILE_PATH).keySet());
        nameKeys = new KeyFilter(byKey.get(IndicatorType.FILE_NAME).keySet());
    }

    /** A builder of a set; add files, then build. */
    public static Builder builder() {
        return new Builder();
    }

    /** The files, in the order they were added. */
    public List<IndicatorFile> files() {
        return files;
    }

    /** Every distinct indicator, in file order. */
    public List<Indicator> indicators() {
        return indicators;
    }

    @Override
    public List<String> values(IndicatorType type) {
        return indicators.stream().filter(i -> i.type() == type).map(Indicator::value).distinct().toList();
    }

    /** The number of distinct indicators. */
    public int size() {
        return indicators.size();
    }

    /** The number of indicators of each type, types with none left out. */
    public Map<IndicatorType, Integer> countsByType() {
        return TypeCounts.of(indicators);
    }

    /** The families, in order of their first indicator. */
    public List<Family> families() {
        return families;
    }

    /** What could not be used in every file, in file order. */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        files.forEach(file -> problems.addAll(file.problems()));
        return Collections.unmodifiableList(problems);
    }

    @Override
    public List<IndicatorMatch> match(Observable observable) {
        Matches found = new Matches();
        ObservableKind kind = observable.kind();
        String value = kind == ObservableKind.TEXT || kind == ObservableKind.LINK ? observable.value()
                : observable.value().strip();
        switch (kind) {
            case URL -> matchUrl(value, false, found);
            case TEXT -> {
                for (String link : LinkExtractor.links(observable.value())) {
                    matchUrl(link, true, found);
                }
            }
            case LINK -> matchUrl(observable.value(), true, found);
            case DOMAIN -> {
                String host = Urls.host(value);
                matchHost(host, host, found);
            }
            case IPV4 -> {
                String ip = Hosts.canonicalIpv4(value);
                if (ip != null) {
                    found.add(lookup(IndicatorType.IPV4, ip), value);
                }
            }
            case PROCESS -> matchProcess(value, found);
            case FILE_PATH -> matchPath(value, found);
            case FILE_NAME -> matchKey(IndicatorType.FILE_NAME, value, found);
            case EMAIL -> matchKey(IndicatorType.EMAIL, value, found);
            case FILE_MD5 -> matchKey(IndicatorType.FILE_MD5, value, found);
            case FILE_SHA1 -> matchKey(IndicatorType.FILE_SHA1, value, found);
            case FILE_SHA256 -> matchKey(IndicatorType.FILE_SHA256, value, found);
            case APP_ID -> matchKey(IndicatorType.APP_ID, value, found);
            case APP_CERT_MD5 -> matchKey(IndicatorType.APP_CERT_MD5, value, found);
            case APP_CERT_SHA1 -> matchKey(IndicatorType.APP_CERT_SHA1, value, found);
            case APP_CERT_SHA256 -> matchKey(IndicatorType.APP_CERT_SHA256, value, found);
            case PROFILE_ID -> matchKey(IndicatorType.PROFILE_ID, value, found);
            case ANDROID_PROPERTY -> matchKey(IndicatorType.ANDROID_PROPERTY, value, found);
        }
        return found.list();
    }

    private void matchUrl(String url, boolean foundInText, Matches found) {
        Map<String, List<Indicator>> urls = byKey.get(IndicatorType.URL);
        String host = Urls.host(url);
        if (urlHosts.contains(host)) {
            String key = Urls.key(url);
            if (key != null) {
                found.add(urls.get(key), url);
            } else {
                String schemeless = url.startsWith("//") ? url.substring(2) : url;
                found.add(urls.get(Urls.key("http://" + schemeless)), url);
                found.add(urls.get(Urls.key("https://" + schemeless)), url);
            }
        }
        matchHost(host, foundInText ? url : host, found);
    }

    private void matchHost(String host, String observed, Matches found) {
        if (host.isEmpty()) {
            return;
        }
        Map<String, List<Indicator>> domains = byKey.get(IndicatorType.DOMAIN);
        if (Hosts.canonicalIpv4(host) != null) {
            found.add(lookup(IndicatorType.IPV4, host), observed);
            found.add(domains.get(host), observed);
            return;
        }
        if (domains.isEmpty() || !mightEndWithKey(host)) {
            return;
        }
        String suffix = host;
        int dot = -1;
        while (true) {
            found.add(domains.get(suffix), observed);
            dot = host.indexOf('.', dot + 1);
            if (dot < 0) {
                return;
            }
            suffix = host.substring(dot + 1);
        }
    }

    /** Whether the host, or a part of it after one of its dots, might be the key of a domain indicator. */
    private boolean mightEndWithKey(String host) {
        int hashCode = 0;
        int power = 1;
        for (int i = host.length(); i >= 0; i--) {
            // the hash code of the host's characters from i: String.hashCode, summed from the end
            if (i < host.length()) {
                hashCode += host.charAt(i) * power;
                power *= 31;
            }
            if ((i == 0 || host.charAt(i - 1) == '.') && domainKeys.mightContain(hashCode)) {
                return true;
            }
        }
        return false;
    }

    private void matchProcess(String observed, Matches found) {
        int slash = observed.lastIndexOf('/');
        if (slash >= 0 && slash < observed.length() - 1) {
            matchProcessName(observed.substring(slash + 1), found);
        }
        matchProcessName(observed, found);
    }

    private void matchProcessName(String name, Matches found) {
        found.add(lookup(IndicatorType.PROCESS, name), name);
        if (name.length() >= SHORTEST_TRUNCATED_NAME && name.length() <= LONGEST_TRUNCATED_NAME) {
            found.add(processesByTruncatedName.get(name.length() - SHORTEST_TRUNCATED_NAME).get(name), name);
        }
    }

    private void matchPath(String path, Matches found) {
        Map<String, List<Indicator>> paths = byKey.get(IndicatorType.FILE_PATH);
        if (!paths.isEmpty()) {
            String canonical = FilePaths.canonical(path);
            if (mightStartWithKey(canonical)) {
                for (int end = canonical.length(); end > 0; end = canonical.lastIndexOf('/', end - 1)) {
                    found.add(paths.get(canonical.substring(0, end)), path);
                }
            }
        }
        String stripped = path.strip();
        int end = FilePaths.lastSegmentEnd(stripped);
        int start = stripped.lastIndexOf('/', end - 1) + 1;
        if (start < end && nameKeys.mightContain(stripped, start, end)) {
            String name = stripped.substring(start, end);
            found.add(lookup(IndicatorType.FILE_NAME, name), name);
        }
    }

    /** Whether the canonical path, or a part of it before one of its slashes, might be the key of a path indicator. */
    private boolean mightStartWithKey(String canonical) {
        int hashCode = 0;
        for (int i = 0; i < canonical.length(); i++) {
            char c = canonical.charAt(i);
            if (c == '/' && i > 0 && pathKeys.mightContain(hashCode)) {
                return true;
            }
            hashCode = 31 * hashCode + c;
        }
        return !canonical.isEmpty() && pathKeys.mightContain(hashCode);
    }

    private void matchKey(IndicatorType type, String value, Matches found) {
        found.add(lookup(type, IndicatorKeys.of(type, value)), value);
    }

    private List<Indicator> lookup(IndicatorType type, String key) {
        return byKey.get(type).get(key);
    }

    private void index(Indicator indicator) {
        String key;
        try {
            key = IndicatorKeys.ofIndicator(indicator.type(), indicator.value());
        } catch (IllegalArgumentException unusable) {
            throw new IllegalArgumentException("The " + indicator.type().stixKey() + " indicator "
                    + indicator.objectId() + " of " + indicator.sourceFile() + " has the value '" + indicator.value()
                    + "', which " + unusable.getMessage() + ".", unusable);
        }
        byKey.get(indicator.type()).computeIfAbsent(key, k -> new ArrayList<>(1)).add(indicator);
        if (indicator.type() == IndicatorType.URL) {
            urlHosts.add(Urls.host(key));
        }
        if (indicator.type() == IndicatorType.PROCESS) {
            for (int length = SHORTEST_TRUNCATED_NAME; length <= LONGEST_TRUNCATED_NAME; length++) {
                if (key.length() > length) {
                    processesByTruncatedName.get(length - SHORTEST_TRUNCATED_NAME)
                            .computeIfAbsent(key.substring(0, length), k -> new ArrayList<>(1)).add(indicator);
                }
            }
        }
    }

    private static void freeze(Map<String, List<Indicator>> index) {
        index.replaceAll((key, list) -> List.copyOf(list));
    }

    private static List<Family> families(List<Indicator> indicators) {
        Map<String, List<Indicator>> byName = new LinkedHashMap<>();
        Map<String, Set<String>> sources = new HashMap<>();
        for (Indicator indicator : indicators) {
            byName.computeIfAbsent(indicator.family(), name -> new ArrayList<>()).add(indicator);
            sources.computeIfAbsent(indicator.family(), name -> new LinkedHashSet<>()).add(indicator.sourceFile());
        }
        List<Family> families = new ArrayList<>(byName.size());
        byName.forEach((name, members) ->
                families.add(new Family(name, TypeCounts.of(members), List.copyOf(sources.get(name)))));
        return List.copyOf(families);
    }

    /** Collects an observable's matches: each indicator once, in the order found. */
    private static final class Matches {
        private Map<Indicator, IndicatorMatch> matches;

        void add(List<Indicator> indicators, String observed) {
            if (indicators == null) {
                return;
            }
            if (matches == null) {
                matches = new LinkedHashMap<>();
            }
            for (Indicator indicator : indicators) {
                matches.putIfAbsent(indicator, new IndicatorMatch(indicator, observed));
            }
        }

        List<IndicatorMatch> list() {
            return matches == null ? List.of() : List.copyOf(matches.values());
        }
    }

    /** Collects files for a set. Not thread-safe. */
    public static final class Builder {
        private final List<IndicatorFile> files = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds a loaded file; a file with the same content ({@link ContentDigest#equals}: length and SHA-256, the
         * digests computed only for equal lengths) as one already added is skipped.
         */
        public Builder add(IndicatorFile file) {
            for (IndicatorFile added : files) {
                if (added.content().equals(file.content())) {
                    return this;
                }
            }
            files.add(file);
            return this;
        }

        /**
         * The set of the files added so far.
         *
         * @throws IllegalArgumentException when an indicator's value cannot be matched (the loader never makes
         *                                  such indicators)
         */
        public IndicatorSet build() {
            return new IndicatorSet(files);
        }
    }
}
