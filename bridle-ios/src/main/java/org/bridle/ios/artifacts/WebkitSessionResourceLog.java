package org.bridle.ios.artifacts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.Finding;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.indicators.IndicatorMatcher;
import org.bridle.core.io.AppleTime;
import org.bridle.core.io.PlistValues;
import org.bridle.core.io.Plists;
import org.bridle.core.model.Observable;
import org.bridle.core.model.Severity;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * {@code webkit_session_resource_log}: WebKit's per-domain browsing statistics from
 * {@code full_browsing_session_resourceLog.plist} (Safari, SafariViewService, web clips and apps): each domain with
 * the domains that redirected to it and that it redirected to, and the frames and resources it loaded from others.
 *
 * <p>Heuristic (Amnesty's, from Pegasus's redirect chains): a redirect from or to a domain that is one of the
 * scan's indicators is HIGH, naming the redirect.
 */
public final class WebkitSessionResourceLog implements Artifact<WebkitSessionResourceLog.DomainStatistics> {
    private static final String FILE = "full_browsing_session_resourceLog.plist";

    /**
     * The statistics of one domain; absent keys are empty lists or null.
     *
     * @param origin the domain ({@code PrevalentResourceDomain}, {@code PrevalentResourceOrigin} before WebKit's
     *     model 15)
     * @param redirectSource domains whose top frame redirected to it
     * @param redirectDestination domains its top frame redirected to
     * @param subresourceRedirectSource domains whose subresources redirected to it
     * @param subresourceRedirectDestination domains its subresources redirected to
     * @param subframeUnderOrigin top-frame domains it was loaded under as a frame
     * @param subresourceUnderOrigin top-frame domains it was loaded under as a resource
     * @param userInteraction true when the user interacted with it
     * @param mostRecentInteraction when the user last did, or null
     * @param lastSeen when WebKit last saw it
     * @param resourceLog the device path of the log
     */
    public record DomainStatistics(String origin, List<String> redirectSource, List<String> redirectDestination,
                                   List<String> subresourceRedirectSource, List<String> subresourceRedirectDestination,
                                   List<String> subframeUnderOrigin, List<String> subresourceUnderOrigin,
                                   Boolean userInteraction, Instant mostRecentInteraction, Instant lastSeen,
                                   String resourceLog) {
    }

    @Override
    public String id() {
        return "webkit_session_resource_log";
    }

    @Override
    public String description() {
        return "WebKit browsing statistics (full_browsing_session_resourceLog.plist): domains and their redirects";
    }

    @Override
    public List<DevicePath> locations() {
        String relative = "Library/WebKit/WebsiteData/**/" + FILE;
        List<DevicePath> locations = new ArrayList<>();
        locations.add(DevicePath.of("private/var/mobile/" + relative));
        locations.add(DevicePath.of("private/var/mobile/Library/WebClips/*/Storage/" + FILE));
        for (String container : List.of("@app", "@group", "@plugin", "@sysdata", "@sysshared")) {
            locations.add(DevicePath.of(container + "/*/**/" + relative));
        }
        return locations;
    }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<DomainStatistics> out) throws Exception {
        Map<String, Object> root = Plists.parseMap(file.readAllBytes());
        if (!(root.get("browsingStatistics") instanceof List<?>)) {
            out.note(FILE + " has no browsingStatistics list");
            return;
        }
        for (Object item : PlistValues.list(root, "browsingStatistics")) {
            if (item instanceof Map<?, ?>) {
                @SuppressWarnings("unchecked")
                DomainStatistics statistics = statistics((Map<String, Object>) item, file.devicePath());
                Finding redirect = indicatorRedirect(statistics, context.indicators());
                if (redirect == null) {
                    out.entry(statistics);
                } else {
                    out.entry(statistics, redirect);
                }
            }
        }
    }

    private static DomainStatistics statistics(Map<String, Object> item, String log) {
        String origin = PlistValues.string(item, "PrevalentResourceDomain");
        return new DomainStatistics(origin != null ? origin : PlistValues.string(item, "PrevalentResourceOrigin"),
                domains(item, "topFrameUniqueRedirectsFrom"), domains(item, "topFrameUniqueRedirectsTo"),
                domains(item, "subresourceUniqueRedirectsFrom"), domains(item, "subresourceUniqueRedirectsTo"),
                domains(item, "subframeUnderTopFrameDomains", "subframeUnderTopFrameOrigins"),
                domains(item, "subresourceUnderTopFrameDomains", "subresourceUnderTopFrameOrigins"),
                PlistValues.bool(item, "hadUserInteraction"), time(item.get("mostRecentUserInteraction")),
                time(item.get("lastSeen")), log);
    }

    /** The domains listed under the first of {@code keys} present: dictionaries with a domain (or origin), or strings. */
    private static List<String> domains(Map<String, Object> item, String... keys) {
        for (String key : keys) {
            if (item.containsKey(key)) {
                List<String> domains = new ArrayList<>();
                for (Object value : PlistValues.list(item, key)) {
                    String domain = null;
                    if (value instanceof String s) {
                        domain = s;
                    } else if (value instanceof Map<?, ?> m) {
                        Object named = m.containsKey("domain") ? m.get("domain") : m.get("origin");
                        domain = named instanceof String s ? s : null;
                    }
                    if (domain != null && !domain.isEmpty()) {
                        domains.add(domain);
                    }
                }
                return List.copyOf(domains);
            }
        }
        return List.of();
    }

    /** WebKit's times: Unix seconds (a date where a tool rewrote the file); 0 or less means never. */
    private static Instant time(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Number n && n.doubleValue() > 0) {
            return AppleTime.fromUnixSeconds(n.doubleValue());
        }
        return null;
    }

    /** The finding when a redirect from or to the domain involves an indicator, else null. */
    private static Finding indicatorRedirect(DomainStatistics s, IndicatorMatcher indicators) {
        List<String> redirects = new ArrayList<>();
        for (String from : concat(s.redirectSource(), s.subresourceRedirectSource())) {
            if (isIndicator(from, indicators) || isIndicator(s.origin(), indicators)) {
                redirects.add("\"" + from + "\" -> \"" + s.origin() + "\"");
            }
        }
        for (String to : concat(s.redirectDestination(), s.subresourceRedirectDestination())) {
            if (isIndicator(to, indicators) || isIndicator(s.origin(), indicators)) {
                redirects.add("\"" + s.origin() + "\" -> \"" + to + "\"");
            }
        }
        if (redirects.isEmpty()) {
            return null;
        }
        return new Finding(Severity.HIGH, "HTTP redirect between domains where one is an indicator: "
                + String.join(", ", redirects), s.lastSeen());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static boolean isIndicator(String domain, IndicatorMatcher indicators) {
        return domain != null && !indicators.match(Observable.domain(domain)).isEmpty();
    }

    @Override
    public List<Observable> observables(DomainStatistics s) {
        Set<String> domains = new LinkedHashSet<>();
        domains.add(s.origin());
        domains.addAll(s.redirectSource());
        domains.addAll(s.redirectDestination());
        domains.addAll(s.subresourceRedirectSource());
        domains.addAll(s.subresourceRedirectDestination());
        domains.addAll(s.subframeUnderOrigin());
        domains.addAll(s.subresourceUnderOrigin());
        List<Observable> observables = new ArrayList<>(domains.size());
        for (String domain : domains) {
            if (domain != null && !domain.isEmpty()) {
                observables.add(Observable.domain(domain));
            }
        }
        return observables;
    }

    @Override
    public List<TimelineEvent> timeline(DomainStatistics s) {
        if (s.lastSeen() == null) {
            return List.of();
        }
        String description = "WebKit saw " + s.origin()
                + (s.redirectSource().isEmpty() ? "" : ", redirected from " + String.join(", ", s.redirectSource()))
                + (s.redirectDestination().isEmpty() ? "" : ", redirecting to " + String.join(", ",
                        s.redirectDestination()));
        return List.of(new TimelineEvent(s.lastSeen(), id(), "resource_load", description));
    }
}
