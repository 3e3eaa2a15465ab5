package org.bridle.android.artifacts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.indicators.LinkExtractor;
import org.bridle.core.model.Observable;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * The app ids and links that AndroidQF's logcat dumps mention ({@code logcat.txt}: {@code logcat -d -b all};
 * {@code logcat_old.txt}: {@code logcat -L}, the logs of before the last reboot). One entry per distinct value
 * and file, with its first line and time and how many lines name it, so a large log stays a small report.
 *
 * <p>Log lines are free text, so only whole tokens count: a line is cut at white space and at
 * {@code / : = , ; ( ) [ ] { } < > " ' | @}, and a token is an app id when it is a dotted identifier whose first
 * part is lower case ({@code com.example.app}, as in {@code Start proc 42:com.example.app/u0a12}); indicators match
 * app ids exactly, so a class name or a longer id never matches a shorter one. Links count only with a scheme
 * ({@code https://host/...}), never bare host-like words. Logcat's times carry no year, so they give no timeline.
 * At most {@link #MAX_VALUES} distinct values are kept a file; past that a note says so.
 */
public final class Logcat implements Artifact<Logcat.Mention> {
    /** The most distinct values kept from one file. */
    static final int MAX_VALUES = 50_000;
    private static final Pattern TOKEN_SEPARATORS = Pattern.compile("[\\s/:=,;()\\[\\]{}<>\"'|@]+");
    private static final Pattern APP_ID = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-zA-Z][a-zA-Z0-9_]*)+");
    private static final Pattern THREADTIME = Pattern.compile("^(\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d+)\\s");

    /**
     * A value logcat mentions.
     *
     * @param kind {@code app_id} or {@code url}
     * @param firstTime the first mention's time as logcat prints it (month, day and time), null when the line has
     *     none
     * @param lines how many lines mention it
     */
    public record Mention(String kind, String value, String file, long firstLine, String firstTime, long lines) {
    }

    @Override public String id() { return "logcat"; }
    @Override public String description() { return "App ids and links named in logcat (logcat.txt)"; }
    @Override public List<DevicePath> locations() { return List.of(DevicePath.of("@androidqf/logcat*.txt")); }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<Mention> out) throws Exception {
        Map<String, Mention> mentions = new LinkedHashMap<>();
        long[] line = {0};
        boolean[] full = {false};
        TextLines.forEach(file, text -> {
            line[0]++;
            Matcher time = THREADTIME.matcher(text);
            String when = time.find() ? time.group(1) : null;
            List<String[]> found = new ArrayList<>();
            for (String token : TOKEN_SEPARATORS.split(text)) {
                String id = token.endsWith(".") ? token.substring(0, token.length() - 1) : token;
                if (APP_ID.matcher(id).matches()) {
                    found.add(new String[] {"app_id", id});
                }
            }
            if (text.contains("://")) {
                LinkExtractor.links(text).stream().filter(link -> link.contains("://"))
                        .forEach(link -> found.add(new String[] {"url", link}));
            }
            for (String[] value : found.stream().distinct().toList()) {
                String key = value[0] + " " + value[1];
                Mention seen = mentions.get(key);
                if (seen != null) {
                    mentions.put(key, new Mention(seen.kind(), seen.value(), seen.file(), seen.firstLine(),
                            seen.firstTime(), seen.lines() + 1));
                } else if (mentions.size() < MAX_VALUES) {
                    mentions.put(key, new Mention(value[0], value[1], file.devicePath(), line[0], when, 1));
                } else {
                    full[0] = true;
                }
            }
        });
        mentions.values().stream().sorted(Comparator.comparingLong(Mention::firstLine)).forEach(out::entry);
        if (full[0]) {
            out.note(file.devicePath() + " names more than " + MAX_VALUES + " distinct app ids and links: the"
                    + " first " + MAX_VALUES + " are kept");
        }
    }

    @Override
    public List<Observable> observables(Mention m) {
        return List.of(m.kind().equals("url") ? Observable.url(m.value()) : Observable.appId(m.value()));
    }
}
