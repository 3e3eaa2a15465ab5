package org.bridle.ios.artifacts;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.Finding;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.io.PlistValues;
import org.bridle.core.io.Plists;
import org.bridle.core.model.Observable;
import org.bridle.core.model.Severity;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * {@code id_status_cache}: the handles ({@code mailto:}, {@code tel:}) that Apple's identity services looked up to
 * know whether they use iMessage, FaceTime and the like. A lookup of an attacker's account can show here.
 *
 * <p>Heuristic: a handle holding two NUL characters in a row is not one a person types; it is flagged HIGH, as
 * MVT does.
 */
public final class IdStatusCache implements Artifact<IdStatusCache.Lookup> {
    private static final String MAILTO = "mailto:";

    /**
     * One lookup.
     *
     * @param service the IDS service or app that looked the handle up, such as {@code com.apple.madrid} (MVT's
     *     {@code package})
     * @param user the handle as stored, with each NUL character written {@code \x00}
     * @param isodate when it was looked up, or null when the cache does not say
     * @param idstatus the answer (1 the handle uses Apple's services, 2 it does not), or null
     * @param occurrences in how many lookups of this file the same handle appears
     */
    public record Lookup(String service, String user, Instant isodate, Long idstatus, int occurrences) {
    }

    @Override
    public String id() {
        return "id_status_cache";
    }

    @Override
    public String description() {
        return "Handles (email addresses, phone numbers) looked up by Apple's identity services";
    }

    @Override
    public List<DevicePath> locations() {
        return List.of(
                DevicePath.of("private/var/mobile/Library/Preferences/com.apple.identityservices.idstatuscache.plist"),
                DevicePath.of("private/var/mobile/Library/IdentityServices/idstatuscache.plist"));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void parse(EvidenceFile file, ParseContext context, Emitter<Lookup> out) throws Exception {
        Map<String, Object> cache = Plists.parseMap(file.readAllBytes());
        Map<String, Integer> occurrences = new HashMap<>();
        forEachLookup(cache, (service, handle, lookup) -> occurrences.merge(handle, 1, Integer::sum));
        forEachLookup(cache, (service, handle, lookup) -> {
            Lookup entry = new Lookup(service, handle.replace("\0", "\\x00"),
                    PlistValues.time(lookup.get("LookupDate")), PlistValues.number(lookup, "IDStatus"),
                    occurrences.get(handle));
            if (handle.contains("\0\0")) {
                out.entry(entry, new Finding(Severity.HIGH, "Identity services looked up a handle with a suspicious "
                        + "pattern (two NUL characters): " + entry.user(), entry.isodate()));
            } else {
                out.entry(entry);
            }
        });
    }

    /** Calls {@code visitor} for each handle dictionary under each service dictionary; other values are skipped. */
    @SuppressWarnings("unchecked")
    private static void forEachLookup(Map<String, Object> cache, LookupVisitor visitor) {
        for (Map.Entry<String, Object> service : cache.entrySet()) {
            if (service.getValue() instanceof Map<?, ?> handles) {
                for (Map.Entry<String, Object> handle : ((Map<String, Object>) handles).entrySet()) {
                    if (handle.getValue() instanceof Map<?, ?> lookup) {
                        visitor.lookup(service.getKey(), handle.getKey(), (Map<String, Object>) lookup);
                    }
                }
            }
        }
    }

    @FunctionalInterface
    private interface LookupVisitor {
        void lookup(String service, String handle, Map<String, Object> lookup);
    }

    @Override
    public List<Observable> observables(Lookup lookup) {
        if (!lookup.user().startsWith(MAILTO)) {
            return List.of();
        }
        String email = stripQuotes(lookup.user().substring(MAILTO.length()).replace("\\x00", ""));
        return email.isEmpty() ? List.of() : List.of(Observable.email(email));
    }

    private static String stripQuotes(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '\'') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == '\'') {
            end--;
        }
        return text.substring(start, end);
    }

    @Override
    public List<TimelineEvent> timeline(Lookup lookup) {
        if (lookup.isodate() == null) {
            return List.of();
        }
        return List.of(new TimelineEvent(lookup.isodate(), id(), "lookup", "Lookup of " + lookup.user() + " within "
                + lookup.service() + " (status " + lookup.idstatus() + ")"));
    }
}
