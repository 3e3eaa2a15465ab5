package org.bridle.conformance;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bridle.core.indicators.Indicator;
import org.bridle.core.model.Alert;
import org.bridle.core.model.MatchedIndicator;
import org.bridle.core.model.Severity;
import org.bridle.ios.artifacts.ChromeFavicon;
import org.bridle.ios.artifacts.ChromeHistory;
import org.bridle.ios.artifacts.ConfigurationProfiles;
import org.bridle.ios.artifacts.DataUsage;
import org.bridle.ios.artifacts.FirefoxFavicon;
import org.bridle.ios.artifacts.FirefoxHistory;
import org.bridle.ios.artifacts.IdStatusCache;
import org.bridle.ios.artifacts.LocationdClients;
import org.bridle.ios.artifacts.Manifest;
import org.bridle.ios.artifacts.OsAnalyticsAdDaily;
import org.bridle.ios.artifacts.ProfileEvents;
import org.bridle.ios.artifacts.SafariBrowserState;
import org.bridle.ios.artifacts.SafariHistory;
import org.bridle.ios.artifacts.Sms;
import org.bridle.ios.artifacts.SmsAttachments;
import org.bridle.ios.artifacts.Tcc;
import org.bridle.ios.artifacts.WebkitResourceLoadStatistics;
import org.bridle.ios.artifacts.WebkitSessionResourceLog;
import org.bridle.testkit.BackupBuilder;
import org.bridle.testkit.ios.BrowserStateDatabase;
import org.bridle.testkit.ios.ChromeDatabases;
import org.bridle.testkit.ios.ConfigurationProfileStub;
import org.bridle.testkit.ios.DataUsageDatabase;
import org.bridle.testkit.ios.FirefoxBrowserDatabase;
import org.bridle.testkit.ios.IdStatusCachePlist;
import org.bridle.testkit.ios.LocationdClientsPlist;
import org.bridle.testkit.ios.ObservationsDatabase;
import org.bridle.testkit.ios.OsAnalyticsAdDailyPlist;
import org.bridle.testkit.ios.ProfileEventsPlist;
import org.bridle.testkit.ios.ResourceLogPlist;
import org.bridle.testkit.ios.SafariHistoryDatabase;
import org.bridle.testkit.ios.SmsDatabase;
import org.bridle.testkit.ios.TccDatabase;

/**
 * A synthetic iOS backup made from a seed, for checking a whole scan against what it must find. Each file every iOS
 * artifact reads is written in a layout chosen by the seed (sms.db of iOS 16 or 10, DataUsage with or without Wi-Fi
 * columns, TCC.db of iOS 14, 12 or 9, Safari's recent or minimal History.db in one of its four places, the old or
 * new places of the other files) and holds random ordinary content. Unless the backup is clean, it also holds:
 * <ul>
 * <li><b>planted traces</b>, built from real indicators of the set given (domains, IPv4 addresses, process names,
 * e-mail addresses, the configuration profile id, file names and paths), written the ways evidence writes them
 * (links in parentheses, with trailing punctuation, defanged, in upper case, bare, percent-encoded in a redirect,
 * JSON-escaped, glued to words of a script written without spaces; a process name cut by the kernel; a client path), plus the traces the heuristics look for (Apple's
 * threat notifications in both wordings, a fast HTTP redirect to another domain, usage of a deleted process
 * record);</li>
 * <li><b>near misses</b>, entries that look like traces but must not alert: {@code x} or {@code w} before an
 * indicator domain, the domain as the first labels of another host, a parent domain of an indicator, another
 * top-level domain, process names one character longer or shorter or in another case, the 14- and 17-character
 * prefixes of a long process name, e-mail addresses at another domain, file names and paths one character off,
 * the threat notification quoted or changed, HTTPS redirects, redirects of one second or more, and so on.</li>
 * </ul>
 * What each entry must raise is worked out while writing it, with {@link IndicatorOracle}, and kept by the entry's
 * {@link #key(String, Object) key}: an alert is described as {@code LEVEL <stix key> "<value>" of <family> (<file>)}
 * for an indicator match and {@code LEVEL heuristic} for a heuristic.
 */
final class PlantedBackup {
    private static final List<String> WORDS = List.of("lunch", "tomorrow", "meeting", "train", "late", "dinner",
            "photos", "weekend", "call", "me", "when", "you", "can", "the", "kids", "are", "fine", "thanks", "for",
            "yesterday", "see", "at", "station", "bring", "keys", "café", "Grüße", "ok", "great", "news", "running",
            "minutes", "parking", "office", "birthday", "party", "on", "Saturday", "love", "you", "too");
    private static final List<String> BENIGN_HOSTS = List.of("www.example.org", "news.example.com",
            "en.wikipedia.org", "www.openstreetmap.org", "shop.example.net", "mail.example.com", "www.apple.com",
            "maps.apple.com", "docs.example.org");
    /** Ordinary processes of DataUsage: name and bundle id (null for a daemon). */
    private static final List<String[]> BENIGN_PROCESSES = List.of(
            new String[] {"com.apple.WebKit.Networking", "com.apple.mobilesafari"},
            new String[] {"itunesstored", "com.apple.itunesstored"}, new String[] {"nsurlsessiond", null},
            new String[] {"apsd", null}, new String[] {"mobileassetd", null}, new String[] {"identityservicesd", null},
            new String[] {"6F1B2C3D-9A8B-4C7D-8E6F-5A4B3C2D1E0F/com.apple.Maps", "com.apple.Maps"},
            new String[] {"0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D/net.whatsapp.WhatsApp", "net.whatsapp.WhatsApp"},
            new String[] {"timed", null}, new String[] {"softwareupdateservicesd", null},
            new String[] {"com.apple.Music", "com.apple.Music"}, new String[] {"CommCenter", null});
    private static final List<String> BENIGN_DAEMONS = List.of("apsd", "mDNSResponder", "nsurlsessiond",
            "cloudd", "itunesstored", "com.apple.WebKit.Networking", "trustd", "rapportd", "assistantd", "parsecd");
    private static final List<String> BENIGN_APPS = List.of("com.apple.camera", "com.example.notes",
            "net.whatsapp.WhatsApp", "com.apple.mobilesafari", "org.mozilla.ios.Firefox", "com.apple.Health",
            "com.apple.shortcuts", "com.example.fitness");
    private static final List<String> TCC_SERVICES = List.of("kTCCServiceCamera", "kTCCServiceMicrophone",
            "kTCCServicePhotos", "kTCCServiceAddressBook", "kTCCServiceLiverpool", "kTCCServiceMotion",
            "kTCCServiceUbiquity", "kTCCServiceCalendar");
    private static final List<String> IDS_SERVICES = List.of("com.apple.madrid", "com.apple.ess",
            "com.apple.private.alloy.facetime.multi");
    /** Top-level domains of indicator domains used in bare links, where a bare host is taken as a link. */
    private static final Set<String> COMMON_TLDS = Set.of("com", "net", "org", "info", "co", "io", "me", "news",
            "online", "site", "xyz", "live", "cloud", "app", "digital", "store", "top", "biz", "us", "link", "art");
    private static final List<String> OTHER_TLDS = List.of("net", "org", "info", "io", "co", "de");
    /** Backup domains whose folder is fixed, and that folder as an absolute device path. */
    private static final Map<String, String> FIXED_DOMAINS = new LinkedHashMap<>();
    private static final List<String> THREAT_NOTIFICATIONS = List.of(
            "ALERT: State-sponsored attackers may be targeting your iPhone",
            "ALERT: Apple detected a targeted mercenary spyware attack against your iPhone");

    static {
        FIXED_DOMAINS.put("HomeDomain", "/private/var/mobile");
        FIXED_DOMAINS.put("RootDomain", "/private/var/root");
        FIXED_DOMAINS.put("WirelessDomain", "/private/var/wireless");
        FIXED_DOMAINS.put("DatabaseDomain", "/private/var/db");
        FIXED_DOMAINS.put("KeychainDomain", "/private/var/Keychains");
    }

    private final Path folder;
    private final long seed;
    private final boolean withTraces;
    private final IndicatorOracle oracle;
    private final Random random;
    private final Instant start;
    private Instant clock;
    private final Map<String, List<String>> expected = new TreeMap<>();
    private final Set<String> nearMisses = new TreeSet<>();
    private final List<String> layouts = new ArrayList<>();
    private final Set<String> manifestRecords = new LinkedHashSet<>();

    /**
     * Indicator values to plant: two-label domains of Pegasus, Predator, QuaDream's KingSpawn and Operation
     * Triangulation; parents of indicator sub-domains that match nothing; every IPv4 address, process name, e-mail
     * address, profile id, file name, and file path under a fixed backup domain's folder.
     */
    private final List<String> domains = new ArrayList<>();
    private final List<String> parentDomains = new ArrayList<>();
    private final List<String> addresses = new ArrayList<>();
    private final List<String> processes = new ArrayList<>();
    private final List<String> longProcesses = new ArrayList<>();
    private final List<String> dottedProcesses = new ArrayList<>();
    private final List<String> emails = new ArrayList<>();
    private final List<String> profileIds = new ArrayList<>();
    private final List<String> fileNames = new ArrayList<>();
    private final List<String> filePaths = new ArrayList<>();

    private PlantedBackup(Path folder, long seed, boolean withTraces, List<Indicator> indicators) {
        this.folder = folder;
        this.seed = seed;
        this.withTraces = withTraces;
        this.oracle = new IndicatorOracle(indicators);
        this.random = new Random(seed);
        this.start = Instant.parse("2021-03-01T08:00:00Z").plusSeconds(random.nextInt(600) * 86_400L
                + random.nextInt(86_400));
        this.clock = start;
        for (String host : BENIGN_HOSTS) {
            ordinary(oracle.host(host));
        }
        for (String host : List.of(REDIRECTOR, "support.apple.com", "example.com", "www.example.com")) {
            ordinary(oracle.host(host));
        }
        Set<String> families = Set.of("Pegasus", "Predator", "KingSpawn", "OperationTriangulation");
        Set<String> distinct = new LinkedHashSet<>();
        for (Indicator indicator : indicators) {
            String value = indicator.value();
            if (!distinct.add(indicator.type() + " " + value)) {
                continue;
            }
            switch (indicator.type()) {
                case DOMAIN -> {
                    String[] labels = value.split("\\.");
                    if (families.contains(indicator.family()) && labels.length == 2
                            && labels[0].matches("[a-z0-9-]+") && COMMON_TLDS.contains(labels[1])) {
                        domains.add(value);
                    }
                    if (labels.length >= 3) {
                        String parent = value.substring(value.indexOf('.') + 1);
                        if (oracle.host(parent).isEmpty()) {
                            parentDomains.add(parent);
                        }
                    }
                }
                case IPV4 -> addresses.add(value);
                case PROCESS -> {
                    processes.add(value);
                    if (value.length() > 17) {
                        longProcesses.add(value);
                    }
                    if (value.matches("[a-z]+(\\.[A-Za-z]+)+")) {
                        dottedProcesses.add(value);
                    }
                }
                case EMAIL -> emails.add(value);
                case PROFILE_ID -> profileIds.add(value);
                case FILE_NAME -> fileNames.add(value);
                case FILE_PATH -> {
                    if (domainOf(value) != null) {
                        filePaths.add(value);
                    }
                }
                default -> {
                }
            }
        }
    }

    /**
     * Writes a backup into {@code folder}.
     *
     * @param indicators the indicators to draw traces from, and to check every value against
     * @param withTraces false for a clean backup: ordinary content only
     */
    static PlantedBackup write(Path folder, long seed, List<Indicator> indicators, boolean withTraces) {
        PlantedBackup backup = new PlantedBackup(folder, seed, withTraces, indicators);
        backup.write();
        return backup;
    }

    Path folder() {
        return folder;
    }

    /** What each entry that must alert must raise, by entry key; each list sorted. */
    Map<String, List<String>> expectedAlerts() {
        return Collections.unmodifiableMap(expected);
    }

    /** The keys of the near misses: entries the scan must read and must not alert on. */
    Set<String> nearMisses() {
        return Collections.unmodifiableSet(nearMisses);
    }

    @Override
    public String toString() {
        return (withTraces ? "backup with planted traces" : "clean backup") + " of seed " + seed + " " + layouts;
    }

    /** The key of an artifact's entry, as the expectations name it. */
    static String key(String artifact, Object entry) {
        String what;
        if (entry == null) {
            what = "(no entry)";
        } else if (entry instanceof Sms.Message m) {
            what = "message " + m.rowid();
        } else if (entry instanceof SafariHistory.Visit v) {
            what = "visit " + v.visitId();
        } else if (entry instanceof DataUsage.Usage u) {
            what = u.kind() + " " + (u.procId() != null ? u.procId() : u.liveProcId())
                    + (u.liveId() != null ? " usage " + u.liveId() : "");
        } else if (entry instanceof Tcc.Access a) {
            what = a.service() + " " + a.client();
        } else if (entry instanceof IdStatusCache.Lookup l) {
            what = l.service() + " " + l.user();
        } else if (entry instanceof OsAnalyticsAdDaily.NetUsage n) {
            what = n.process();
        } else if (entry instanceof LocationdClients.Client c) {
            what = c.client();
        } else if (entry instanceof ConfigurationProfiles.Profile p) {
            what = p.payloadIdentifier();
        } else if (entry instanceof ProfileEvents.Event e) {
            what = e.profileId() + " " + e.operation();
        } else if (entry instanceof SmsAttachments.Attachment a) {
            what = "attachment " + a.attachmentId();
        } else if (entry instanceof SafariBrowserState.Tab t) {
            what = "tab " + t.tabUrl();
        } else if (entry instanceof WebkitResourceLoadStatistics.ObservedDomain d) {
            what = d.registrableDomain();
        } else if (entry instanceof WebkitSessionResourceLog.DomainStatistics d) {
            what = d.origin();
        } else if (entry instanceof ChromeHistory.Visit v) {
            what = "visit " + v.visitId();
        } else if (entry instanceof ChromeFavicon.Favicon f) {
            what = f.url();
        } else if (entry instanceof FirefoxHistory.Visit v) {
            what = "visit " + v.id();
        } else if (entry instanceof FirefoxFavicon.Favicon f) {
            what = "icon " + f.id() + " of " + f.historyId();
        } else if (entry instanceof Manifest.BackupFile f) {
            what = f.domain() + " " + f.relativePath();
        } else {
            what = entry.getClass().getSimpleName();
        }
        return artifact + ": " + what;
    }

    /** An alert as the expectations describe it. */
    static String describe(Alert alert) {
        MatchedIndicator matched = alert.matchedIndicator();
        return matched == null ? heuristic(alert.level())
                : describe(alert.level(), matched.type(), matched.value(), matched.name(), matched.stix2FileName());
    }

    private static String describe(Severity level, String type, String value, String family, String file) {
        return level + " " + type + " \"" + value + "\" of " + family + " (" + file + ")";
    }

    private static String heuristic(Severity level) {
        return level + " heuristic";
    }

    // ---------------------------------------------------------------------------------------------------------

    private void write() {
        BackupBuilder builder = new BackupBuilder(folder).time(start.minus(Duration.ofDays(400)));
        SmsDatabase.Layout smsLayout = pick(SmsDatabase.Layout.values());
        builder.info("Device Name", "Planted iPhone " + seed)
                .info("Product Version", smsLayout == SmsDatabase.Layout.IOS_16 ? "16.6" : "10.3.3")
                .info("Last Backup Date", start.plus(Duration.ofDays(30)));
        for (String directory : List.of("Library", "Library/Preferences", "Library/SMS", "Library/Caches")) {
            builder.directory("HomeDomain", directory);
        }
        builder.file("HomeDomain", "Library/SMS/sms.db", sms(smsLayout));
        safari(builder);
        browsers(builder);
        builder.file("WirelessDomain", "Library/Databases/DataUsage.sqlite", dataUsage());
        builder.file("HomeDomain", "Library/TCC/TCC.db", tcc());
        idStatusCache(builder);
        builder.file(OsAnalyticsAdDailyPlist.DOMAIN, OsAnalyticsAdDailyPlist.RELATIVE_PATH, osAnalytics());
        locationd(builder);
        profiles(builder);
        manifest(builder);
        builder.build();
    }

    // --- sms -------------------------------------------------------------------------------------------------

    /** A message to write: its text, and what it must raise (nothing for ordinary ones and near misses). */
    private record Text(String text, Set<Indicator> matches, Severity heuristic, boolean nearMiss) {
    }

    private byte[] sms(SmsDatabase.Layout layout) {
        layouts.add("sms.db " + layout);
        SmsDatabase db = SmsDatabase.create(layout);
        int handles = 2 + random.nextInt(3);
        for (int h = 1; h <= handles; h++) {
            db.handle(h, "+1555555" + (1000 + random.nextInt(9000)), random.nextBoolean() ? "SMS" : "iMessage");
        }
        List<Text> texts = new ArrayList<>();
        for (int i = 0, n = 3 + random.nextInt(6); i < n; i++) {
            String text = sentence();
            if (random.nextInt(3) == 0) {
                text += " https://" + pick(BENIGN_HOSTS) + path();
            }
            texts.add(new Text(text, Set.of(), null, false));
        }
        if (withTraces) {
            List<Integer> styles = new ArrayList<>();
            for (int style = 0; style < LINK_STYLES; style++) {
                styles.add(style);
            }
            Collections.shuffle(styles, random);
            for (int style : styles.subList(0, 4)) {
                String host = random.nextInt(4) == 0 ? pick(domains) : subdomain() + "." + pick(domains);
                Set<Indicator> matches = new LinkedHashSet<>(oracle.host(host));
                String link = styledLink(host, path(), style);
                texts.add(new Text(sentence() + " " + link + " " + sentence(), planted(matches, link), null, false));
            }
            String address = pick(addresses);
            texts.add(new Text("Your code is ready: http://" + address + path(), planted(oracle.host(address),
                    address), null, false));
            texts.add(new Text(THREAT_NOTIFICATIONS.get(0) + ". Learn more at https://support.apple.com/en-us/102174",
                    Set.of(), Severity.HIGH, false));
            texts.add(new Text(THREAT_NOTIFICATIONS.get(1) + ".", Set.of(), Severity.HIGH, false));

            for (Supplier<String> nearMiss : List.<Supplier<String>>of(
                    () -> "x" + pick(domains), () -> "w" + pick(domains), () -> pick(domains) + ".example.net",
                    () -> pick(parentDomains), this::otherTopLevelDomain)) {
                String host = clean(nearMiss, oracle::host);
                String link = styledLink(host, path(), random.nextInt(LINK_STYLES));
                texts.add(new Text(sentence() + " " + link + " " + sentence(), Set.of(), null, true));
            }
            String wording = pick(THREAT_NOTIFICATIONS);
            for (String notQuiteApple : List.of("Did you get this? \"" + wording + "\"", wording.toLowerCase(Locale.ROOT),
                    " " + wording, "ALERT: Attackers may be targeting your iPhone", "FW: " + wording)) {
                texts.add(new Text(notQuiteApple, Set.of(), null, true));
            }
        }
        Collections.shuffle(texts, random);
        long rowid = 0;
        for (Text text : texts) {
            rowid++;
            Instant date = next();
            boolean onlyInBody = layout == SmsDatabase.Layout.IOS_16 && random.nextInt(3) == 0;
            boolean fromMe = text.matches().isEmpty() && text.heuristic() == null && !text.nearMiss()
                    && random.nextInt(3) == 0;
            db.message(rowid, 1 + random.nextInt(handles), fromMe, onlyInBody ? null : text.text(),
                    onlyInBody ? SmsDatabase.attributedBody(text.text()) : null, date,
                    random.nextBoolean() ? date.plusSeconds(30 + random.nextInt(3600)) : null);
            String key = key("sms", "message " + rowid);
            if (text.nearMiss()) {
                nearMisses.add(key);
            } else if (text.heuristic() != null || !text.matches().isEmpty()) {
                expect(key, text.matches(), text.heuristic());
            }
        }
        attachments(db, rowid);
        return db.bytes();
    }

    /** Ordinary attachments of the messages; with traces, a received /var/tmp/…-1 file and its near misses. */
    private void attachments(SmsDatabase db, long messages) {
        long id = 0;
        for (int i = 0, n = 2 + random.nextInt(4); i < n; i++) {
            String name = "IMG_" + (1000 + random.nextInt(9000)) + ".jpeg";
            ordinary(oracle.fileName(name));
            db.attachment(++id, 1 + random.nextInt((int) messages), random.nextBoolean(),
                    "~/Library/SMS/Attachments/" + String.format("%02x/%02d/", random.nextInt(256), random.nextInt(16))
                            + uuid() + "/" + name, "image/jpeg", name, 10_000 + random.nextInt(1_000_000), next());
        }
        if (withTraces) {
            String payload = uuid() + "-1";
            db.attachment(++id, 1 + random.nextInt((int) messages), false, "/var/tmp/com.apple.messages/" + payload,
                    null, payload, random.nextInt(100_000), next());
            expect(key("sms_attachments", "attachment " + id), Set.of(), Severity.MEDIUM);
            for (String[] nearMiss : List.of(new String[] {"sent", "/var/tmp/" + uuid() + "-1"},
                    new String[] {"received", "/var/tmp/" + uuid() + "-2"},
                    new String[] {"received", "/var/tmp/" + uuid() + "-10"},
                    new String[] {"received", "/private/var/tmp/" + uuid() + "-1"},
                    new String[] {"received", "/var/mobile/tmp/" + uuid() + "-1"})) {
                String name = nearMiss[1].substring(nearMiss[1].lastIndexOf('/') + 1);
                db.attachment(++id, 1 + random.nextInt((int) messages), nearMiss[0].equals("sent"), nearMiss[1], null,
                        name, random.nextInt(100_000), next());
                nearMisses.add(key("sms_attachments", "attachment " + id));
            }
        }
    }

    private static final int LINK_STYLES = 15;
    private static final int PERCENT_ENCODED_STYLE = 6;
    private static final String REDIRECTOR = "l.example.com";

    /** A link to {@code host} written one of the ways messages hold links. */
    private String styledLink(String host, String path, int style) {
        return switch (style) {
            case 0 -> "https://" + host + path;
            case 1 -> "(https://" + host + path + ")";
            case 2 -> "https://" + host + path + pick(List.of(".", ",", "!", "?", ";", ":", "..."));
            case 3 -> "hxxps://" + host.replace(".", "[.]") + path;
            case 4 -> "HTTPS://" + host.toUpperCase(Locale.ROOT) + path;
            case 5 -> host + path;
            case PERCENT_ENCODED_STYLE -> "https://" + REDIRECTOR + "/out?u="
                    + URLEncoder.encode("https://" + host + path, StandardCharsets.UTF_8) + "&src=sms";
            case 7 -> "https:\\/\\/" + host + path.replace("/", "\\/");
            case 8 -> "<https://" + host + path + ">";
            case 9 -> "\"https://" + host + path + "\"";
            case 10 -> "https://" + host + ":8443" + path;
            case 11 -> "http://" + host + ".";
            case 12 -> "hxxp://" + host.replace(".", "(.)") + path;
            case 13 -> "https://someone@" + host + path;
            case 14 -> pick(List.of("您的包裹已到达，请点击", "詳細はこちら", "Нажмите")) + "https://" + host + path
                    + pick(List.of("。", " ", "查看"));
            default -> throw new IllegalArgumentException("no link style " + style);
        };
    }

    // --- safari ----------------------------------------------------------------------------------------------

    private void safari(BackupBuilder builder) {
        boolean minimal = random.nextBoolean();
        String domain = random.nextBoolean() ? SafariHistoryDatabase.DOMAIN : SafariHistoryDatabase.APP_DOMAIN;
        String path = random.nextBoolean() ? SafariHistoryDatabase.RELATIVE_PATH
                : SafariHistoryDatabase.profilePath(uuid());
        layouts.add("History.db " + (minimal ? "minimal" : "recent") + " in " + domain + " " + path);
        SafariHistoryDatabase db = minimal ? SafariHistoryDatabase.minimal() : SafariHistoryDatabase.recent();
        long[] id = {0};
        Function<String, Long> visit = url -> {
            db.visit(++id[0], url, next(), sentence());
            return id[0];
        };
        for (int i = 0, n = 4 + random.nextInt(5); i < n; i++) {
            visit.apply("https://" + pick(BENIGN_HOSTS) + path());
        }
        visit.apply("http://" + pick(BENIGN_HOSTS) + "/");
        if (withTraces) {
            String host = subdomain() + "." + pick(domains);
            expect(safariKey(visit.apply("https://" + host + path())), planted(oracle.host(host), host));

            String target = subdomain() + "." + pick(domains);
            Set<Indicator> targetMatches = planted(oracle.host(target), target);
            long[] injection = redirect(db, id, "http://" + pick(BENIGN_HOSTS) + "/", "https://" + target + path(),
                    Duration.ofMillis(random.nextInt(1000)));
            expect(safariKey(injection[0]), targetMatches, Severity.MEDIUM);
            expect(safariKey(injection[1]), targetMatches);

            String from = pick(BENIGN_HOSTS);
            String to = clean(() -> pick(BENIGN_HOSTS), h -> strippedWww(h).equals(strippedWww(from)) ? null : Set.of());
            long[] benign = redirect(db, id, "http://" + from + path(), "https://" + to + path(),
                    Duration.ofMillis(random.nextInt(1000)));
            expect(safariKey(benign[0]), Set.of(), Severity.MEDIUM);
            nearMisses.add(safariKey(benign[1]));

            String nearHost = clean(() -> "x" + pick(domains), oracle::host);
            nearMisses.add(safariKey(visit.apply("https://" + nearHost + path())));
            nearRedirect(db, id, "https://" + pick(BENIGN_HOSTS) + "/", "https://" + target + path(), 100);
            nearRedirect(db, id, "http://" + from + "/", "https://" + to + "/", 1500);
            nearRedirect(db, id, "http://" + from + "/", "https://" + to + "/", 1000);
            nearRedirect(db, id, "http://example.com/", "https://www.example.com/", 100);
            nearRedirect(db, id, "http://" + from + "/", "https://" + from + "/home", 100);
            nearRedirect(db, id, "http://" + from + "/", "https://" + to + "/", -500);
        }
        builder.file(domain, path, db.bytes());
    }

    /** Adds a visit redirected to another after {@code delay}; returns both visit ids. */
    private long[] redirect(SafariHistoryDatabase db, long[] id, String from, String to, Duration delay) {
        Instant time = next();
        long source = ++id[0];
        db.visit(source, from, time, null);
        long destination = ++id[0];
        db.visit(destination, to, time.plus(delay), sentence());
        db.redirect(source, destination);
        return new long[] {source, destination};
    }

    /** A redirect that must not raise the injection heuristic (nor any indicator: both URLs must be clean). */
    private void nearRedirect(SafariHistoryDatabase db, long[] id, String from, String to, long delayMillis) {
        boolean toIndicator = !oracle.host(host(to)).isEmpty();
        ordinary(oracle.host(host(from)));
        long[] visits = redirect(db, id, from, to, Duration.ofMillis(delayMillis));
        if (toIndicator) {
            Set<Indicator> matches = oracle.host(host(to));
            expect(safariKey(visits[0]), matches);
            expect(safariKey(visits[1]), matches);
        } else {
            nearMisses.add(safariKey(visits[0]));
            nearMisses.add(safariKey(visits[1]));
        }
    }

    private static String safariKey(long visitId) {
        return key("safari_history", "visit " + visitId);
    }

    // --- datausage -------------------------------------------------------------------------------------------

    /** A process to write: name, bundle id, how many usage rows, and whether it must alert or is a near miss. */
    private record Process(String name, String bundleId, int rows, boolean planted, boolean nearMiss) {
    }

    private byte[] dataUsage() {
        DataUsageDatabase.Layout layout = pick(DataUsageDatabase.Layout.values());
        layouts.add("DataUsage " + layout);
        DataUsageDatabase db = DataUsageDatabase.create(layout);
        List<Process> list = new ArrayList<>();
        List<String[]> benign = new ArrayList<>(BENIGN_PROCESSES);
        Collections.shuffle(benign, random);
        for (String[] process : benign.subList(0, 4 + random.nextInt(5))) {
            list.add(new Process(process[0], process[1], random.nextInt(3), false, false));
        }
        if (withTraces) {
            String exact = pick(processes);
            list.add(new Process(random.nextInt(3) == 0 ? uuid() + "/" + exact : exact, null, random.nextInt(3),
                    true, false));
            String longName = pick(longProcesses);
            list.add(new Process(longName.substring(0, 15 + random.nextInt(2)), null, 1 + random.nextInt(2), true,
                    false));
            for (String nearMiss : nearMissProcesses()) {
                list.add(new Process(nearMiss, null, 1, false, true));
            }
        }
        Collections.shuffle(list, random);
        boolean deleted = withTraces;
        boolean gap = withTraces && random.nextBoolean();
        int gapAfter = 1 + random.nextInt(list.size() - 1);
        layouts.add(deleted ? gap ? "deleted process in a gap" : "deleted process after the last" : "no deletion");
        long pk = 0;
        long live = 0;
        long gapPk = -1;
        for (int i = 0; i < list.size(); i++) {
            if (gap && i == gapAfter) {
                gapPk = ++pk;
            }
            Process process = list.get(i);
            pk++;
            Instant first = next();
            Instant last = first.plusSeconds(random.nextInt(86_400));
            db.process(pk, process.name(), process.bundleId(), first, last);
            Set<Indicator> matches = new LinkedHashSet<>(oracle.process(process.name()));
            if (process.bundleId() != null) {
                matches.addAll(oracle.process(process.bundleId()));
                matches.addAll(oracle.appId(process.bundleId()));
            }
            if (!process.planted()) {
                ordinary(matches);
            }
            List<String> keys = new ArrayList<>();
            for (int row = 0; row < process.rows(); row++) {
                live++;
                db.liveUsage(live, pk, last.minusSeconds(random.nextInt(3600)), random.nextInt(1_000_000),
                        random.nextInt(100_000), random.nextInt(1_000_000), random.nextInt(100_000));
                keys.add(key("datausage", "LIVE_USAGE " + pk + " usage " + live));
            }
            if (keys.isEmpty()) {
                keys.add(key("datausage", "PROCESS " + pk));
            }
            for (String key : keys) {
                if (process.planted()) {
                    expect(key, planted(matches, process.name()));
                } else if (process.nearMiss()) {
                    nearMisses.add(key);
                }
            }
        }
        if (deleted) {
            long deletedPk = gap ? gapPk : pk + 1 + random.nextInt(5);
            live++;
            db.liveUsage(live, deletedPk, next(), 0, 0, random.nextInt(100_000), random.nextInt(1_000_000));
            expect(key("datausage", "DELETED_PROCESS_USAGE " + deletedPk + " usage " + live), Set.of(),
                    Severity.HIGH);
            if (gap) {
                expect(key("datausage", "MISSING_PROCESS " + gapPk), Set.of(), Severity.LOW);
            }
        }
        return db.bytes();
    }

    /**
     * Process names that must not match: an indicator one character longer, shorter or in another case (at no
     * truncation length), and the 14- and 17-character prefixes of a long indicator.
     */
    private List<String> nearMissProcesses() {
        List<String> names = new ArrayList<>();
        names.add(cleanProcess(() -> pick(processes) + (char) ('a' + random.nextInt(26))));
        names.add(cleanProcess(() -> {
            String name = pick(processes);
            return name.length() > 2 ? name.substring(0, name.length() - 1) : "";
        }));
        names.add(cleanProcess(() -> {
            String name = pick(processes);
            String first = name.substring(0, 1);
            String swapped = first.equals(first.toUpperCase(Locale.ROOT)) ? first.toLowerCase(Locale.ROOT)
                    : first.toUpperCase(Locale.ROOT);
            return swapped + name.substring(1);
        }));
        names.add(cleanProcess(() -> pick(longProcesses).substring(0, 14)));
        names.add(cleanProcess(() -> pick(longProcesses).substring(0, 17)));
        return names;
    }

    private String cleanProcess(Supplier<String> candidate) {
        return clean(() -> {
            String name = candidate.get();
            return name.length() < 2 || name.length() == 15 || name.length() == 16 ? null : name;
        }, oracle::process);
    }

    // --- tcc -------------------------------------------------------------------------------------------------

    /** A TCC decision to write, and whether it must alert or is a near miss. */
    private record Access(String service, String client, int clientType, boolean planted, boolean nearMiss) {
    }

    private byte[] tcc() {
        TccDatabase.Layout layout = pick(TccDatabase.Layout.values());
        layouts.add("TCC.db " + layout);
        TccDatabase db = TccDatabase.create(layout);
        List<Access> rows = new ArrayList<>();
        for (int i = 0, n = 4 + random.nextInt(4); i < n; i++) {
            String client = pick(BENIGN_APPS);
            ordinary(tccMatches(client, TccDatabase.BUNDLE_ID));
            rows.add(new Access(pick(TCC_SERVICES), client, TccDatabase.BUNDLE_ID, false, false));
        }
        if (withTraces) {
            rows.add(new Access(pick(TCC_SERVICES), pick(processes), TccDatabase.BUNDLE_ID, true, false));
            rows.add(new Access(pick(TCC_SERVICES), "/usr/libexec/" + pick(processes), TccDatabase.ABSOLUTE_PATH,
                    true, false));
            if (!dottedProcesses.isEmpty()) {
                rows.add(new Access(pick(TCC_SERVICES), pick(dottedProcesses), TccDatabase.BUNDLE_ID, true, false));
            }
            List<String> near = nearMissProcesses();
            rows.add(new Access(pick(TCC_SERVICES), near.get(0), TccDatabase.BUNDLE_ID, false, true));
            rows.add(new Access(pick(TCC_SERVICES), "/usr/libexec/" + near.get(1), TccDatabase.ABSOLUTE_PATH, false,
                    true));
        }
        Collections.shuffle(rows, random);
        Set<String> written = new LinkedHashSet<>();
        boolean recent = layout == TccDatabase.Layout.IOS_14;
        for (Access row : rows) {
            if (!written.add(row.service() + " " + row.client())) {
                continue;
            }
            db.access(row.service(), row.client(), row.clientType(), recent ? random.nextInt(4) : random.nextInt(2),
                    recent ? 1 + random.nextInt(12) : random.nextInt(4), next());
            String key = key("tcc", row.service() + " " + row.client());
            if (row.planted()) {
                expect(key, planted(tccMatches(row.client(), row.clientType()), row.client()));
            } else if (row.nearMiss()) {
                ordinary(tccMatches(row.client(), row.clientType()));
                nearMisses.add(key);
            }
        }
        return db.bytes();
    }

    private Set<Indicator> tccMatches(String client, int clientType) {
        Set<Indicator> matches = new LinkedHashSet<>(oracle.process(client));
        matches.addAll(clientType == TccDatabase.ABSOLUTE_PATH ? oracle.filePath(client) : oracle.appId(client));
        return matches;
    }

    // --- id status cache -------------------------------------------------------------------------------------

    private void idStatusCache(BackupBuilder builder) {
        String path = random.nextBoolean() ? IdStatusCachePlist.RELATIVE_PATH : IdStatusCachePlist.NEW_RELATIVE_PATH;
        layouts.add("id status cache " + path);
        IdStatusCachePlist plist = new IdStatusCachePlist();
        for (int i = 0, n = 2 + random.nextInt(4); i < n; i++) {
            String handle = random.nextBoolean() ? "tel:+1555555" + (1000 + random.nextInt(9000))
                    : "mailto:" + pick(WORDS).toLowerCase(Locale.ROOT) + random.nextInt(100) + "@example.com";
            plist.lookup(pick(IDS_SERVICES), handle, next(), 1 + random.nextInt(2));
        }
        if (withTraces) {
            for (int i = 0; i < 2; i++) {
                String email = pick(emails);
                String written = switch (random.nextInt(3)) {
                    case 0 -> email;
                    case 1 -> email.substring(0, 1).toUpperCase(Locale.ROOT) + email.substring(1);
                    default -> email.toUpperCase(Locale.ROOT);
                };
                String service = pick(IDS_SERVICES);
                plist.lookup(service, "mailto:" + written, next(), 1);
                expect(key("id_status_cache", service + " mailto:" + written), planted(oracle.email(written), email));
            }
            String atAnotherDomain = clean(() -> {
                String email = pick(emails);
                return email.substring(0, email.indexOf('@') + 1) + pick(List.of("gmail.co", "outlook.fr",
                        "example.com", "yahoo.de", "mail.ru"));
            }, oracle::email);
            String longer = clean(() -> "x" + pick(emails), oracle::email);
            for (String nearMiss : List.of(atAnotherDomain, longer)) {
                String service = pick(IDS_SERVICES);
                plist.lookup(service, "mailto:" + nearMiss, next(), 2);
                nearMisses.add(key("id_status_cache", service + " mailto:" + nearMiss));
            }
        }
        builder.file(IdStatusCachePlist.DOMAIN, path, plist.bytes());
    }

    // --- os analytics ----------------------------------------------------------------------------------------

    private byte[] osAnalytics() {
        OsAnalyticsAdDailyPlist plist = new OsAnalyticsAdDailyPlist();
        List<String> names = new ArrayList<>(BENIGN_DAEMONS);
        Collections.shuffle(names, random);
        for (String name : names.subList(0, 3 + random.nextInt(4))) {
            ordinary(oracle.process(name));
            usage(plist, name);
        }
        if (withTraces) {
            String name = pick(processes);
            usage(plist, name);
            expect(key("os_analytics_ad_daily", name), planted(oracle.process(name), name));
            String nearMiss = nearMissProcesses().get(random.nextInt(5));
            usage(plist, nearMiss);
            nearMisses.add(key("os_analytics_ad_daily", nearMiss));
        }
        return plist.bytes();
    }

    private void usage(OsAnalyticsAdDailyPlist plist, String name) {
        plist.process(name, next(), random.nextInt(10_000_000), random.nextInt(1_000_000), random.nextInt(1_000_000),
                random.nextInt(100_000));
    }

    // --- locationd -------------------------------------------------------------------------------------------

    private void locationd(BackupBuilder builder) {
        String domain = random.nextBoolean() ? LocationdClientsPlist.DOMAIN : "HomeDomain";
        layouts.add("locationd clients in " + domain);
        LocationdClientsPlist plist = new LocationdClientsPlist();
        plist.raw("MigratedFromVersion", 3);
        client(plist, "com.apple.Maps" + (random.nextBoolean() ? ":" : ""), "com.apple.Maps", null, null, false);
        client(plist, "com.apple.locationd.bundle-/System/Library/LocationBundles/Siri.bundle", null, null,
                "/System/Library/LocationBundles/Siri.bundle", false);
        client(plist, "/usr/libexec/routined", null, "/usr/libexec/routined", null, false);
        client(plist, pick(BENIGN_APPS), null, null, null, false);
        if (withTraces) {
            String path = "/usr/libexec/" + pick(processes);
            client(plist, path, null, path, null, true);
            if (!dottedProcesses.isEmpty()) {
                String id = pick(dottedProcesses);
                client(plist, id, id, null, null, true);
            }
            String nearMiss = "/usr/libexec/" + nearMissProcesses().get(random.nextInt(5));
            client(plist, nearMiss, null, nearMiss, null, false);
            nearMisses.add(key("locationd_clients", nearMiss));
        }
        builder.file(domain, LocationdClientsPlist.RELATIVE_PATH, plist.bytes());
    }

    private void client(LocationdClientsPlist plist, String key, String bundleId, String executable,
                        String bundlePath, boolean planted) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (bundleId != null) {
            fields.put("BundleId", bundleId);
        }
        if (executable != null) {
            fields.put("Executable", executable);
        }
        if (bundlePath != null) {
            fields.put("BundlePath", bundlePath);
        }
        fields.put("Authorization", 2 + random.nextInt(3));
        fields.put("LocationTimeStopped", next());
        if (random.nextBoolean()) {
            fields.put("SignificantTimeStopped", next());
        }
        plist.client(key, fields);
        String client = key.endsWith(":") ? key.substring(0, key.length() - 1) : key;
        Set<Indicator> matches = new LinkedHashSet<>(oracle.process(client.substring(client.lastIndexOf('/') + 1)));
        if (client.startsWith("/")) {
            matches.addAll(oracle.filePath(client));
        } else if (client.startsWith("com.apple.locationd.bundle-")) {
            matches.addAll(oracle.filePath(client.substring("com.apple.locationd.bundle-".length())));
        } else {
            matches.addAll(oracle.appId(client));
        }
        for (String value : new String[] {bundleId, executable, bundlePath}) {
            if (value != null) {
                matches.addAll(oracle.process(value));
                matches.addAll(oracle.appId(value));
                matches.addAll(value.startsWith("/") ? oracle.filePath(value) : Set.of());
            }
        }
        if (planted) {
            expect(key("locationd_clients", client), planted(matches, client));
        } else {
            ordinary(matches);
        }
    }

    // --- configuration profiles ------------------------------------------------------------------------------

    private void profiles(BackupBuilder builder) {
        boolean recent = random.nextBoolean();
        String domain = recent ? ConfigurationProfileStub.DOMAIN : ConfigurationProfileStub.OLD_DOMAIN;
        layouts.add("profiles in " + domain);
        ProfileEventsPlist events = new ProfileEventsPlist();
        profile(builder, domain, events, "com.example.wifi", "Office Wi-Fi", uuid(), false, false);
        if (random.nextBoolean()) {
            profile(builder, domain, events, "com.example.mail", "Mail", uuid(), false, false);
        }
        if (withTraces) {
            String id = pick(profileIds);
            String written = random.nextBoolean() ? id : id.toLowerCase(Locale.ROOT);
            profile(builder, domain, events, "com.example.update", "Software Update", written, true,
                    random.nextBoolean());
            String nearMiss = clean(() -> {
                char[] chars = pick(profileIds).toCharArray();
                int at = random.nextInt(chars.length);
                chars[at] = chars[at] == '-' ? '-' : chars[at] == 'A' ? 'B' : 'A';
                return new String(chars);
            }, oracle::profileId);
            profile(builder, domain, events, "com.example.vpnless", "Almost", nearMiss, false, false);
            nearMisses.add(key("configuration_profiles", "com.example.vpnless"));
        }
        builder.file(domain, ProfileEventsPlist.RELATIVE_PATH, events.bytes());
    }

    private void profile(BackupBuilder builder, String domain, ProfileEventsPlist events, String identifier,
                         String name, String uuid, boolean planted, boolean uuidOfPayload) {
        Instant installed = next();
        ConfigurationProfileStub stub = new ConfigurationProfileStub(uuidOfPayload ? uuid() : uuid, identifier,
                name, installed).description(sentence()).organization("Example Org");
        stub.payload("com.apple.wifi.managed", uuidOfPayload ? uuid : uuid());
        if (random.nextBoolean()) {
            stub.signed();
        }
        builder.file(domain, ConfigurationProfileStub.FOLDER + stub.fileName(), stub.bytes());
        String key = key("configuration_profiles", identifier);
        if (planted) {
            expect(key, planted(oracle.profileId(uuid), uuid));
        }
        String process = pick(List.of("/usr/libexec/mdmd", "Preferences", "/usr/libexec/profiled"));
        Set<Indicator> eventMatches = new LinkedHashSet<>(oracle.process(process));
        eventMatches.addAll(oracle.profileId(identifier));
        ordinary(eventMatches);
        events.event(identifier, "install", process, installed);
        expect(key("profile_events", identifier + " install"), Set.of(), Severity.INFORMATIONAL);
    }

    // --- manifest --------------------------------------------------------------------------------------------

    private void manifest(BackupBuilder builder) {
        manifestFile(builder, "HomeDomain", "Library/Preferences/com.apple.Maps.plist", false, false);
        manifestFile(builder, "CameraRollDomain", "Media/DCIM/100APPLE/IMG_0" + (100 + random.nextInt(900))
                + ".HEIC", false, false);
        manifestFile(builder, "AppDomain-com.apple.mobilesafari", webOrigin(pick(BENIGN_HOSTS)), false, false);
        if (!withTraces) {
            return;
        }
        manifestFile(builder, "RootDomain", "Library/Preferences/roleaccountd.plist", true, false);
        manifestFile(builder, "HomeDomain", "Library/Caches/" + pick(fileNames), true, false);
        String path = pick(filePaths);
        String[] domainPath = domainOf(path);
        String relative = domainPath[1];
        if (path.endsWith("/")) {
            builder.directory(domainPath[0], relative.substring(0, relative.length() - 1));
            expect(key("manifest", domainPath[0] + " " + relative.substring(0, relative.length() - 1)),
                    planted(manifestMatches(domainPath[0], relative.substring(0, relative.length() - 1)), path));
            relative += "Info.plist";
        }
        manifestFile(builder, domainPath[0], relative, true, false);
        String host = subdomain() + "." + pick(domains);
        manifestFile(builder, "AppDomain-com.apple.mobilesafari", webOrigin(host), true, false);

        manifestFile(builder, "RootDomain", "Library/Preferences/roleaccountd.plist.bak", false, true);
        manifestFile(builder, "RootDomain", "Library/Preferences/xroleaccountd.plist", false, true);
        String sibling = path.endsWith("/") ? path.substring(0, path.length() - 1) + "x/Info.plist" : path + "x";
        manifestFile(builder, domainPath[0], domainOf(sibling)[1], false, true);
        String nearHost = clean(() -> "x" + pick(domains), oracle::host);
        manifestFile(builder, "AppDomain-com.apple.mobilesafari", webOrigin(nearHost), false, true);
    }

    private String webOrigin(String host) {
        return "Library/WebKit/WebsiteData/LocalStorage/https_" + host + "_0.localstorage";
    }

    private void manifestFile(BackupBuilder builder, String domain, String relativePath, boolean planted,
                              boolean nearMiss) {
        if (!manifestRecords.add(domain + " " + relativePath)) {
            return;
        }
        builder.file(domain, relativePath, ("content of " + relativePath).getBytes(StandardCharsets.UTF_8));
        Set<Indicator> matches = manifestMatches(domain, relativePath);
        String key = key("manifest", domain + " " + relativePath);
        if (planted) {
            expect(key, planted(matches, relativePath));
        } else {
            ordinary(matches);
            if (nearMiss) {
                nearMisses.add(key);
            }
        }
    }

    /** The file indicators of a backup record's device path and of {@code /<relative path>}, and its origins. */
    private Set<Indicator> manifestMatches(String domain, String relativePath) {
        Set<Indicator> matches = new LinkedHashSet<>();
        String folder = FIXED_DOMAINS.get(domain);
        if (folder != null) {
            matches.addAll(oracle.filePath(folder + "/" + relativePath));
        }
        matches.addAll(oracle.filePath("/" + relativePath));
        for (String segment : relativePath.split("/")) {
            if (segment.startsWith("https_") && segment.endsWith("_0.localstorage")) {
                matches.addAll(oracle.host(segment.substring(6, segment.length() - "_0.localstorage".length())));
            }
        }
        return matches;
    }

    /** The backup domain and relative path of an absolute device path, or null when no fixed domain holds it. */
    private static String[] domainOf(String devicePath) {
        String path = devicePath.startsWith("/var/") ? "/private" + devicePath : devicePath;
        for (Map.Entry<String, String> domain : FIXED_DOMAINS.entrySet()) {
            if (path.startsWith(domain.getValue() + "/")) {
                return new String[] {domain.getKey(), path.substring(domain.getValue().length() + 1)};
            }
        }
        return null;
    }

    // --- other browsers and WebKit ----------------------------------------------------------------------------

    /**
     * Safari's open tabs, WebKit's observed domains and session resource log, and Chrome's and Firefox's
     * histories and icons: ordinary pages, and with traces one page or domain of an indicator in each (a redirect from
     * one in the resource log), beside a near miss.
     */
    private void browsers(BackupBuilder builder) {
        String trace = withTraces ? subdomain() + "." + pick(domains) : null;
        String nearHost = withTraces ? clean(() -> "x" + pick(domains), oracle::host) : null;

        BrowserStateDatabase tabs = random.nextBoolean() ? BrowserStateDatabase.recent() : BrowserStateDatabase.legacy();
        Set<String> tabUrls = new LinkedHashSet<>();
        for (int i = 0, n = 2 + random.nextInt(3); i < n; i++) {
            String url = "https://" + pick(BENIGN_HOSTS) + path();
            if (tabUrls.add(url)) {
                tabs.tab(sentence(), url, next(), BrowserStateDatabase.session(sentence(),
                        "https://" + pick(BENIGN_HOSTS) + path(), "https://" + pick(BENIGN_HOSTS) + "/", sentence(),
                        url, url));
            }
        }
        if (withTraces) {
            String url = "https://" + trace + path();
            tabs.tab(sentence(), url, next(), null);
            expect(key("safari_browser_state", "tab " + url), planted(oracle.host(trace), trace));
            String near = "https://" + nearHost + path();
            tabs.tab(sentence(), near, next(), null);
            nearMisses.add(key("safari_browser_state", "tab " + near));
        }
        builder.file(random.nextBoolean() ? BrowserStateDatabase.DOMAIN : BrowserStateDatabase.APP_DOMAIN,
                BrowserStateDatabase.RELATIVE_PATH, tabs.bytes());

        ObservationsDatabase observations = random.nextBoolean() ? ObservationsDatabase.recent()
                : ObservationsDatabase.ios14();
        Set<String> observed = new LinkedHashSet<>();
        for (int i = 0, n = 3 + random.nextInt(4); i < n; i++) {
            observed.add(strippedWww(pick(BENIGN_HOSTS)));
        }
        long domainId = 0;
        for (String domain : observed) {
            observations.domain(++domainId, domain, next(), random.nextBoolean() ? next() : null);
        }
        if (withTraces) {
            String domain = pick(domains);
            observations.domain(++domainId, domain, next(), null);
            expect(key("webkit_resource_load_statistics", domain), planted(oracle.host(domain), domain));
            observations.domain(++domainId, nearHost, next(), null);
            nearMisses.add(key("webkit_resource_load_statistics", nearHost));
        }
        builder.file(ChromeDatabases.DOMAIN, ObservationsDatabase.RELATIVE_PATH, observations.bytes());

        ResourceLogPlist log = random.nextBoolean() ? ResourceLogPlist.recent() : ResourceLogPlist.legacy();
        List<String> origins = new ArrayList<>(observed);
        for (int i = 0; i < origins.size(); i++) {
            log.domain(origins.get(i), i == 0 ? List.of() : List.of(origins.get(i - 1)), List.of(), List.of(), next());
        }
        if (withTraces) {
            String landing = "landing.example.com";
            ordinary(oracle.host(landing));
            String from = pick(domains);
            log.domain(landing, List.of(from), List.of(), List.of(), next());
            expect(key("webkit_session_resource_log", landing), planted(oracle.host(from), from), Severity.HIGH);
            String loader = "widgets.example.net";
            ordinary(oracle.host(loader));
            String under = pick(domains);
            log.domain(loader, List.of(), List.of(), List.of(under), next());
            expect(key("webkit_session_resource_log", loader), planted(oracle.host(under), under));
            log.domain(nearHost, List.of(origins.get(0)), List.of(), List.of(), next());
            nearMisses.add(key("webkit_session_resource_log", nearHost));
        }
        builder.file("AppDomain-com.apple.mobilesafari", ResourceLogPlist.RELATIVE_PATH, log.bytes());

        ChromeDatabases chrome = random.nextBoolean() ? ChromeDatabases.recent() : ChromeDatabases.legacy();
        long visit = 0;
        for (int i = 0, n = 3 + random.nextInt(4); i < n; i++) {
            String page = "https://" + pick(BENIGN_HOSTS) + path();
            chrome.visit(++visit, page, sentence(), next(), 0, null);
            chrome.icon(page + "#" + visit, "https://" + pick(BENIGN_HOSTS) + "/favicon.ico", next(), next());
        }
        FirefoxBrowserDatabase firefox = random.nextBoolean() ? FirefoxBrowserDatabase.recent()
                : FirefoxBrowserDatabase.early();
        long firefoxVisit = 0;
        long icon = 0;
        Map<String, Long> firefoxPages = new LinkedHashMap<>();
        for (int i = 0, n = 3 + random.nextInt(4); i < n; i++) {
            String page = "https://" + pick(BENIGN_HOSTS) + path();
            firefox.visit(++firefoxVisit, page, sentence(), next(), random.nextBoolean());
            firefoxPages.putIfAbsent(page, (long) firefoxPages.size() + 1);
        }
        String firefoxIconPage = firefoxPages.keySet().iterator().next();
        firefox.icon(firefoxIconPage, "https://" + pick(BENIGN_HOSTS) + "/icon-" + (++icon) + ".png", next());
        if (withTraces) {
            String url = "https://" + trace + path();
            chrome.visit(++visit, url, sentence(), next(), 0, null);
            expect(key("chrome_history", "visit " + visit), planted(oracle.host(trace), trace));
            chrome.visit(++visit, "https://" + nearHost + path(), sentence(), next(), 0, null);
            nearMisses.add(key("chrome_history", "visit " + visit));
            chrome.icon(url, "https://" + trace + "/favicon.ico", next(), next());
            expect(key("chrome_favicon", url), planted(oracle.host(trace), trace));
            String near = "https://" + nearHost + path();
            chrome.icon(near, "https://" + nearHost + "/favicon.ico", next(), next());
            nearMisses.add(key("chrome_favicon", near));

            firefox.visit(++firefoxVisit, url, sentence(), next(), true);
            expect(key("firefox_history", "visit " + firefoxVisit), planted(oracle.host(trace), trace));
            firefox.visit(++firefoxVisit, "https://" + nearHost + path(), sentence(), next(), true);
            nearMisses.add(key("firefox_history", "visit " + firefoxVisit));
            firefox.icon(firefoxIconPage, "https://" + trace + "/icon-" + (++icon) + ".png", next());
            expect(key("firefox_favicon", "icon " + icon + " of " + firefoxPages.get(firefoxIconPage)),
                    planted(oracle.host(trace), trace));
            firefox.icon(firefoxIconPage, "https://" + nearHost + "/icon-" + (++icon) + ".png", next());
            nearMisses.add(key("firefox_favicon", "icon " + icon + " of " + firefoxPages.get(firefoxIconPage)));
        }
        builder.file(ChromeDatabases.DOMAIN, ChromeDatabases.HISTORY_PATH, chrome.history());
        builder.file(ChromeDatabases.DOMAIN, ChromeDatabases.FAVICONS_PATH, chrome.favicons());
        builder.file(FirefoxBrowserDatabase.GROUP_DOMAIN, FirefoxBrowserDatabase.RELATIVE_PATH, firefox.bytes());
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static String key(String artifact, String what) {
        return artifact + ": " + what;
    }

    private void expect(String key, Collection<Indicator> matches, Severity... heuristics) {
        List<String> alerts = new ArrayList<>();
        for (Indicator indicator : matches) {
            alerts.add(describe(Severity.HIGH, indicator.type().stixKey(), indicator.value(), indicator.family(),
                    indicator.sourceFile()));
        }
        for (Severity level : heuristics) {
            if (level != null) {
                alerts.add(heuristic(level));
            }
        }
        if (alerts.isEmpty()) {
            throw new IllegalStateException("nothing expected of " + key);
        }
        Collections.sort(alerts);
        if (expected.put(key, alerts) != null) {
            throw new IllegalStateException("two planted traces share the key " + key);
        }
    }

    /** The matches of a planted trace, which must match something, or the generator is wrong. */
    private static Set<Indicator> planted(Set<Indicator> matches, String what) {
        if (matches.isEmpty()) {
            throw new IllegalStateException("the planted trace " + what + " matches no indicator");
        }
        return matches;
    }

    /** Checks that ordinary content matches no indicator. */
    private static Set<Indicator> ordinary(Set<Indicator> matches) {
        if (!matches.isEmpty()) {
            throw new IllegalStateException("ordinary content matches " + matches);
        }
        return matches;
    }

    /** A candidate from {@code candidate} for which {@code matches} finds nothing (a null candidate is skipped). */
    private static String clean(Supplier<String> candidate, Function<String, Set<Indicator>> matches) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            String value = candidate.get();
            if (value != null && !value.isEmpty()) {
                Set<Indicator> found = matches.apply(value);
                if (found != null && found.isEmpty()) {
                    return value;
                }
            }
        }
        throw new IllegalStateException("no clean candidate found");
    }

    private String otherTopLevelDomain() {
        String domain = pick(domains);
        String tld = pick(OTHER_TLDS);
        String other = domain.substring(0, domain.lastIndexOf('.') + 1) + tld;
        return other.equals(domain) ? null : other;
    }

    private static String host(String url) {
        String rest = url.substring(url.indexOf("://") + 3);
        int end = rest.indexOf('/');
        return end < 0 ? rest : rest.substring(0, end);
    }

    private static String strippedWww(String host) {
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    private String subdomain() {
        return pick(List.of("www", "c4", "m", "secure-login", "track", "cdn" + random.nextInt(10),
                "a" + (char) ('a' + random.nextInt(26)) + random.nextInt(100)));
    }

    private String path() {
        StringBuilder path = new StringBuilder("/");
        for (int i = 0, n = 4 + random.nextInt(6); i < n; i++) {
            path.append("abcdefghijkmnpqrstuvwxyzABCDEFGH23456789".charAt(random.nextInt(40)));
        }
        if (random.nextInt(3) == 0) {
            path.append("?id=").append(random.nextInt(100_000));
        }
        return path.toString();
    }

    private String sentence() {
        StringBuilder sentence = new StringBuilder();
        for (int i = 0, n = 3 + random.nextInt(7); i < n; i++) {
            String word = pick(WORDS);
            sentence.append(i == 0 ? word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1) : " " + word);
        }
        return sentence.append(pick(List.of(".", "!", "?"))).toString();
    }

    private String uuid() {
        return new java.util.UUID(random.nextLong(), random.nextLong()).toString().toUpperCase(Locale.ROOT);
    }

    private Instant next() {
        clock = clock.plusSeconds(60 + random.nextInt(7200)).plusMillis(random.nextInt(1000));
        return clock;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
