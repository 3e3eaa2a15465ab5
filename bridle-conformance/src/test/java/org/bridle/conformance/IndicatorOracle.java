package org.bridle.conformance;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.bridle.core.indicators.Indicator;
import org.bridle.core.indicators.IndicatorType;

/**
 * Which indicators an observed value should match, worked out the plain way, by scanning the raw indicator list
 * with the rules the README and {@code IndicatorSet} document (a domain matches itself and its sub-domains at a
 * dot, a process its exact name or the 15/16-character kernel truncation of a longer name, and so on). It is the
 * test's independent expectation for the indexed matcher: slow, obvious, and used only on the few values a test
 * plants.
 */
final class IndicatorOracle {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final Map<IndicatorType, List<Indicator>> byType = new EnumMap<>(IndicatorType.class);

    IndicatorOracle(List<Indicator> indicators) {
        for (IndicatorType type : IndicatorType.values()) {
            byType.put(type, new ArrayList<>());
        }
        // the engine raises one alert per indicator value and family, from the first feed that lists it
        Set<List<Object>> seen = new java.util.HashSet<>();
        for (Indicator indicator : indicators) {
            if (seen.add(List.of(indicator.type(), indicator.value(), indicator.family()))) {
                byType.get(indicator.type()).add(indicator);
            }
        }
    }

    List<Indicator> all(IndicatorType type) {
        return byType.get(type);
    }

    /** The indicators a host (of a link or a web origin) matches: domains at a dot boundary; IPv4 addresses. */
    Set<Indicator> host(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        Set<Indicator> found = new LinkedHashSet<>();
        if (IPV4.matcher(h).matches()) {
            for (Indicator indicator : all(IndicatorType.IPV4)) {
                if (indicator.value().equals(h)) {
                    found.add(indicator);
                }
            }
            for (Indicator indicator : all(IndicatorType.DOMAIN)) {
                if (indicator.value().equals(h)) {
                    found.add(indicator);
                }
            }
            return found;
        }
        for (Indicator indicator : all(IndicatorType.DOMAIN)) {
            String domain = indicator.value().toLowerCase(Locale.ROOT);
            if (h.equals(domain) || h.endsWith("." + domain)) {
                found.add(indicator);
            }
        }
        return found;
    }

    /** The process indicators a process name matches (and, for a name holding a {@code /}, its last segment). */
    Set<Indicator> process(String name) {
        Set<Indicator> found = new LinkedHashSet<>();
        int slash = name.lastIndexOf('/');
        if (slash >= 0 && slash < name.length() - 1) {
            found.addAll(processName(name.substring(slash + 1)));
        }
        found.addAll(processName(name));
        return found;
    }

    private Set<Indicator> processName(String name) {
        Set<Indicator> found = new LinkedHashSet<>();
        boolean truncated = name.length() == 15 || name.length() == 16;
        for (Indicator indicator : all(IndicatorType.PROCESS)) {
            String value = indicator.value();
            if (value.equals(name) || truncated && value.length() > name.length() && value.startsWith(name)) {
                found.add(indicator);
            }
        }
        return found;
    }

    Set<Indicator> email(String address) {
        return equalIgnoringCase(IndicatorType.EMAIL, address);
    }

    Set<Indicator> profileId(String id) {
        return equalIgnoringCase(IndicatorType.PROFILE_ID, id);
    }

    Set<Indicator> appId(String id) {
        return equalIgnoringCase(IndicatorType.APP_ID, id);
    }

    Set<Indicator> fileName(String name) {
        Set<Indicator> found = new LinkedHashSet<>();
        for (Indicator indicator : all(IndicatorType.FILE_NAME)) {
            if (indicator.value().equals(name)) {
                found.add(indicator);
            }
        }
        return found;
    }

    /**
     * The file indicators a path matches: paths it equals or lies under at a {@code /} (with {@code /private/var}
     * the same as {@code /var}), and its last segment as a file name.
     */
    Set<Indicator> filePath(String path) {
        Set<Indicator> found = new LinkedHashSet<>();
        String observed = canonicalPath(path);
        for (Indicator indicator : all(IndicatorType.FILE_PATH)) {
            String value = canonicalPath(indicator.value());
            if (!value.isEmpty() && (observed.equals(value) || observed.startsWith(value + "/"))) {
                found.add(indicator);
            }
        }
        found.addAll(fileName(path.substring(path.lastIndexOf('/') + 1)));
        return found;
    }

    private static String canonicalPath(String path) {
        String p = path;
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        for (String linked : List.of("/var", "/etc", "/tmp")) {
            if (p.startsWith("/private" + linked + "/") || p.equals("/private" + linked)) {
                return p.substring("/private".length());
            }
        }
        return p;
    }

    private Set<Indicator> equalIgnoringCase(IndicatorType type, String value) {
        Set<Indicator> found = new LinkedHashSet<>();
        for (Indicator indicator : all(type)) {
            if (indicator.value().equalsIgnoreCase(value)) {
                found.add(indicator);
            }
        }
        return found;
    }
}
