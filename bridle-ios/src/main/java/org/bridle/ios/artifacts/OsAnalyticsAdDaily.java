package org.bridle.ios.artifacts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.io.PlistValues;
import org.bridle.core.io.Plists;
import org.bridle.core.model.Observable;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * {@code os_analytics_ad_daily}: network use per process from the {@code netUsageBaseline} of
 * {@code com.apple.osanalytics.addaily.plist}, where processes of spyware have shown up by name.
 */
public final class OsAnalyticsAdDaily implements Artifact<OsAnalyticsAdDaily.NetUsage> {
    private static final String BASELINE = "netUsageBaseline";

    /**
     * The network use of one process; a value the file lacks reads as null.
     *
     * @param process the process name (MVT's {@code package})
     * @param ts when the counters were taken
     * @param wifiIn bytes received over Wi-Fi
     * @param wifiOut bytes sent over Wi-Fi
     * @param wwanIn bytes received over the mobile network
     * @param wwanOut bytes sent over the mobile network
     */
    public record NetUsage(String process, Instant ts, Double wifiIn, Double wifiOut, Double wwanIn,
                           Double wwanOut) {
    }

    @Override
    public String id() {
        return "os_analytics_ad_daily";
    }

    @Override
    public String description() {
        return "Network use per process from com.apple.osanalytics.addaily.plist";
    }

    @Override
    public List<DevicePath> locations() {
        return List.of(DevicePath.of("private/var/mobile/Library/Preferences/com.apple.osanalytics.addaily.plist"));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void parse(EvidenceFile file, ParseContext context, Emitter<NetUsage> out) throws Exception {
        Map<String, Object> plist = Plists.parseMap(file.readAllBytes());
        if (!(plist.get(BASELINE) instanceof Map<?, ?>)) {
            out.note("the file has no " + BASELINE + " dictionary; no processes read");
            return;
        }
        for (Map.Entry<String, Object> process : PlistValues.dictionary(plist, BASELINE).entrySet()) {
            List<?> values = process.getValue() instanceof List<?> list ? list : List.of();
            out.entry(new NetUsage(process.getKey(), PlistValues.time(item(values, 0)), counter(values, 1),
                    counter(values, 2), counter(values, 3), counter(values, 4)));
        }
    }

    private static Object item(List<?> values, int index) {
        return index < values.size() ? values.get(index) : null;
    }

    private static Double counter(List<?> values, int index) {
        return item(values, index) instanceof Number n ? n.doubleValue() : null;
    }

    @Override
    public List<Observable> observables(NetUsage usage) {
        return List.of(Observable.process(usage.process()));
    }

    @Override
    public List<TimelineEvent> timeline(NetUsage usage) {
        if (usage.ts() == null) {
            return List.of();
        }
        return List.of(new TimelineEvent(usage.ts(), id(), "osanalytics_addaily", usage.process()
                + " WIFI IN: " + usage.wifiIn() + ", WIFI OUT: " + usage.wifiOut() + " - WWAN IN: " + usage.wwanIn()
                + ", WWAN OUT: " + usage.wwanOut()));
    }
}
