package org.bridle.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.indicators.Indicator;
import org.bridle.core.indicators.IndicatorSet;
import org.bridle.core.indicators.IndicatorType;
import org.bridle.core.model.Alert;
import org.bridle.core.model.Observable;
import org.bridle.core.model.Severity;
import org.bridle.core.scan.MemorySink;
import org.bridle.core.scan.ScanEngine;
import org.bridle.core.scan.ScanListener;
import org.bridle.core.source.Source;
import org.bridle.testkit.android.AdbBackupWriter;
import org.bridle.testkit.android.AndroidArchives;
import org.bridle.testkit.android.AndroidQfFolder;
import org.bridle.testkit.android.BugreportWriter;
import org.bridle.testkit.android.SmsBackup;

/**
 * Unseen Android evidence drawn from a seed: an AndroidQF acquisition (folder or zip) and a bugreport zip, each
 * with planted traces among random noise (random package names, order and placement, benign apps, processes,
 * settings and links, each checked against the indicators to match none), and the traces expected of them.
 * {@link #check} asserts every trace found and no other alert, naming the seed.
 */
final class PlantedAndroid {
    /** A planted trace: an alert of {@code artifact} at {@code level} whose message names {@code mark}. */
    record Trace(String what, String artifact, Severity level, String mark) {
    }

    private static final List<String> WORDS = List.of("notes", "weather", "photo", "cloud", "garden", "recipe",
            "metro", "ticket", "puzzle", "radio", "atlas", "pocket", "violet", "harbor", "tandem", "quartz");
    private static final List<String> SYSTEM_APPS = List.of("com.android.phone", "com.android.settings",
            "com.android.systemui", "com.android.providers.media", "com.android.bluetooth");
    private static final List<String> DAEMONS = List.of("system_server", "surfaceflinger", "servicemanager",
            "logd", "netd", "zygote64", "audioserver");
    private static final List<String> ROOT_BINARIES = List.of("/system/xbin/su", "/system/bin/su", "/sbin/su",
            "/sbin/magisk", "/system/xbin/busybox", "/data/local/xbin/su");
    private static final List<String> ROOT_DAEMONS = List.of("vold", "netd", "installd", "init");
    /** MVT's dangerous settings with an unsafe value each, and their safe value. */
    private static final List<String[]> SETTINGS = List.of(new String[] {"package_verifier_enable", "0", "1"},
            new String[] {"verifier_verify_adb_installs", "0", "1"}, new String[] {"upload_apk_enable", "0", "1"},
            new String[] {"adb_install_need_confirm", "0", "1"}, new String[] {"send_security_reports", "0", "1"});
    private static final List<String> BENIGN_HOSTS = List.of("www.example.org", "en.wikipedia.org",
            "www.example.com", "docs.example.net", "news.example.edu");

    private final long seed;
    private final Random random;
    private final IndicatorSet indicators;

    private PlantedAndroid(long seed, IndicatorSet indicators) {
        this.seed = seed;
        this.random = new Random(seed);
        this.indicators = indicators;
    }

    static PlantedAndroid of(long seed, IndicatorSet indicators) {
        return new PlantedAndroid(seed, indicators);
    }

    /**
     * Writes an AndroidQF acquisition with a stalkerware app of Echap's feed, a sideloaded app, a root binary, a
     * disabled verifier, an indicator app's process and, in its nested backup, an SMS link to an indicator
     * domain; returns the folder or zip to open and fills {@code traces}.
     */
    Path androidQf(Path dir, List<Trace> traces) throws Exception {
        String stalkerware = pick(appIds(true));
        String sideloaded = cleanApp();
        String processApp = planted(() -> pick(appIds(false)), id -> !id.equals(stalkerware));
        String rootBinary = pick(ROOT_BINARIES);
        String[] setting = pick(SETTINGS);
        String domain = indicatorDomain();
        traces.add(new Trace("stalkerware app", "packages", Severity.HIGH, stalkerware));
        traces.add(new Trace("sideloaded app", "packages", Severity.MEDIUM, sideloaded));
        traces.add(new Trace("root binary", "root_binaries", Severity.HIGH, rootBinary));
        traces.add(new Trace("disabled verifier", "settings", Severity.MEDIUM, setting[0]));
        traces.add(new Trace("indicator process", "processes", Severity.HIGH, processApp));
        traces.add(new Trace("SMS link", "sms", Severity.HIGH, domain));
        traces.add(new Trace("stalkerware app in logcat", "logcat", Severity.HIGH, stalkerware));

        List<String> packages = new ArrayList<>();
        packages.add(packageJson(stalkerware, "com.android.vending", false));
        packages.add(packageJson(sideloaded, "null", false));
        for (int i = 0, n = 2 + random.nextInt(6); i < n; i++) {
            packages.add(packageJson(cleanApp(), "com.android.vending", false));
        }
        for (String system : SYSTEM_APPS) {
            packages.add(packageJson(system, "null", true));
        }
        Collections.shuffle(packages, random);

        boolean json = random.nextBoolean();
        List<String> ps = new ArrayList<>();
        int pid = 100 + random.nextInt(500);
        for (String daemon : DAEMONS) {
            ps.add(process(json, "root", pid++, daemon));
        }
        for (int i = 0, n = 2 + random.nextInt(5); i < n; i++) {
            ps.add(process(json, "u0_a" + random.nextInt(300), pid++,
                    cleanApp() + (random.nextBoolean() ? "" : ":remote")));
        }
        ps.add(process(json, "u0_a" + random.nextInt(300), pid++,
                processApp + (random.nextBoolean() ? "" : ":sync")));
        ps.add(process(json, "u0_a" + random.nextInt(300), pid,
                noise(() -> processApp + pick(List.of("x", "2", ".helper")))));
        Collections.shuffle(ps, random);

        Map<String, Object> files = new LinkedHashMap<>();
        files.put("logcat.txt", logcat(stalkerware));
        files.put("packages.json", "[" + String.join(",\n", packages) + "]");
        if (json) {
            files.put("processes.json", "[" + String.join(",\n", ps) + "]");
        } else {
            files.put(pick(List.of("ps.txt", "processes.txt")), "USER PID PPID VSZ RSS WCHAN ADDR S NAME\n"
                    + String.join("\n", ps) + "\n");
        }
        files.put("root_binaries.json", "[\"" + rootBinary + "\"]");
        files.put("getprop.txt", "[ro.product.model]: [Pixel " + (5 + random.nextInt(5)) + "]\n");
        String plantedIn = pick(List.of("global", "secure", "system"));
        for (String namespace : List.of("global", "secure", "system")) {
            List<String> lines = new ArrayList<>();
            for (String[] other : SETTINGS) {
                lines.add(other[0] + "=" + (other == setting && namespace.equals(plantedIn) ? other[1] : other[2]));
            }
            lines.add("screen_brightness=" + random.nextInt(255));
            Collections.shuffle(lines, random);
            files.put("settings_" + namespace + ".txt", String.join("\n", lines) + "\n");
        }
        List<String> messages = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
            String link = "https://" + noise(() -> pick(BENIGN_HOSTS)) + path();
            messages.add(SmsBackup.received("+1555" + (1000000 + random.nextInt(8999999)), "see " + link, next()));
        }
        messages.add(random.nextInt(messages.size() + 1), SmsBackup.received("+15550100",
                "Your parcel is waiting: https://" + domain + path(), next()));
        byte[] tar = AndroidArchives.tar(AndroidArchives.entries(SmsBackup.FOLDER + "000000_sms_backup",
                SmsBackup.file(messages)), null);
        files.put("backup.ab", AdbBackupWriter.plain(1 + random.nextInt(5), random.nextBoolean(), tar));

        Path folder = AndroidQfFolder.write(dir.resolve("acquisition-" + seed), files);
        if (random.nextBoolean()) {
            return folder;
        }
        String prefix = random.nextBoolean() ? "" : "androidqf_" + seed + "/";
        Map<String, Object> entries = new LinkedHashMap<>();
        try (var walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                entries.put(prefix + folder.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return Files.write(dir.resolve("acquisition-" + seed + ".zip"), AndroidArchives.zip(entries));
    }

    /**
     * Writes a bugreport zip with a stalkerware app, a sideloaded app allowed to install apps, an indicator
     * property, an indicator app's process under its kernel name (the last 15 characters of a longer id), and a
     * crash of a root daemon; fills {@code traces}.
     */
    Path bugreport(Path dir, List<Trace> traces) throws IOException {
        String stalkerware = pick(appIds(true));
        String sideloaded = cleanApp();
        String processApp = planted(() -> pick(appIds(false)), id -> id.length() > 15 && !id.equals(stalkerware)
                && appIds(false).stream().filter(other -> other.endsWith(id.substring(id.length() - 15))).count() == 1);
        String property = pick(indicators.indicators().stream()
                .filter(i -> i.type() == IndicatorType.ANDROID_PROPERTY).map(Indicator::value).distinct().sorted()
                .toList());
        String daemon = pick(ROOT_DAEMONS);
        traces.add(new Trace("stalkerware app", "packages", Severity.HIGH, stalkerware));
        traces.add(new Trace("sideloaded app", "packages", Severity.MEDIUM, sideloaded));
        traces.add(new Trace("install permission", "appops", Severity.MEDIUM, sideloaded));
        traces.add(new Trace("indicator property", "getprop", Severity.HIGH, property));
        traces.add(new Trace("indicator process", "processes", Severity.HIGH, processApp));
        traces.add(new Trace("root crash", "tombstones", Severity.MEDIUM, daemon));

        List<String> noise = new ArrayList<>();
        for (int i = 0, n = 2 + random.nextInt(5); i < n; i++) {
            noise.add(cleanApp());
        }
        List<String> packages = new ArrayList<>();
        packages.add(packageDump(stalkerware, "com.android.vending", false));
        packages.add(packageDump(sideloaded, "null", false));
        noise.forEach(app -> packages.add(packageDump(app, "com.android.vending", false)));
        SYSTEM_APPS.forEach(app -> packages.add(packageDump(app, "null", true)));
        Collections.shuffle(packages, random);

        List<String> appops = new ArrayList<>();
        appops.add(appop(sideloaded, "REQUEST_INSTALL_PACKAGES"));
        noise.forEach(app -> appops.add(appop(app, pick(List.of("CAMERA", "COARSE_LOCATION", "READ_CONTACTS")))));
        Collections.shuffle(appops, random);

        List<String> ps = new ArrayList<>();
        int pid = 100 + random.nextInt(500);
        for (String name : DAEMONS) {
            ps.add(psThread(pid, pid++, name));
        }
        for (String app : noise) {
            ps.add(psThread(pid, pid++, app.length() > 15 ? app.substring(app.length() - 15) : app));
        }
        ps.add(psThread(pid, pid, processApp.substring(processApp.length() - 15)));
        ps.add(psThread(pid, pid + 1, "Binder:" + pid + "_1"));
        Collections.shuffle(ps, random);

        List<String> properties = new ArrayList<>(List.of("[ro.product.model]: [Pixel 8]",
                "[persist.sys.timezone]: [Europe/Paris]", "[" + property + "]: [1]"));
        Collections.shuffle(properties, random);

        String dumpstate = "== dumpstate: 2026-11-01 10:00:00\n"
                + BugreportWriter.section("SYSTEM PROPERTIES", "getprop", String.join("\n", properties))
                + BugreportWriter.section("PROCESSES AND THREADS", "ps -A -T -Z -O pri,nice,rtprio,sched,pcy,time",
                "LABEL USER PID TID PPID VSZ RSS WCHAN ADDR S CMD\n" + String.join("\n", ps))
                + BugreportWriter.service("package", "Packages:\n" + String.join("", packages))
                + BugreportWriter.service("appops", "Current AppOps Service state:\n" + String.join("", appops));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("FS/data/tombstones/tombstone_0" + random.nextInt(10),
                "pid: 900, tid: 901, name: " + daemon + "  >>> /system/bin/" + daemon + " <<<\nuid: 0\n");
        String app = pick(noise);
        extra.put("FS/data/tombstones/tombstone_1" + random.nextInt(10),
                "pid: 4000, tid: 4001, name: " + app + "  >>> " + app + " <<<\nuid: 10123\n");
        return Files.write(dir.resolve("bugreport-" + seed + ".zip"), BugreportWriter.zip(dumpstate, extra));
    }

    /**
     * A logcat in threadtime format: system and benign app lines (package names, class names, components,
     * intents, benign links) and, among them, the start of the planted app's process.
     */
    private String logcat(String planted) {
        List<String> messages = new ArrayList<>();
        for (String app : SYSTEM_APPS) {
            messages.add("I ActivityManager: Start proc " + (2000 + random.nextInt(9000)) + ":" + app + "/1000"
                    + " for service {" + app + "/" + app + ".MainService}");
        }
        for (int i = 0, n = 3 + random.nextInt(6); i < n; i++) {
            String app = cleanApp();
            messages.add(pick(List.of(
                    "I ActivityTaskManager: START u0 {act=android.intent.action.MAIN cmp=" + app + "/.MainActivity}",
                    "D " + app + ": fetched https://" + noise(() -> pick(BENIGN_HOSTS)) + path() + " in 120 ms",
                    "W System.err: at " + app + ".sync.Worker.run(Worker.java:42)",
                    "I PackageManager: Package " + app + " codePath changed")));
        }
        messages.add(random.nextInt(messages.size() + 1), "I ActivityManager: Start proc "
                + (2000 + random.nextInt(9000)) + ":" + planted + "/u0a" + random.nextInt(300) + " for service {"
                + planted + "/.Sync}");
        StringBuilder out = new StringBuilder("--------- beginning of main\n");
        for (String message : messages) {
            out.append(String.format("11-%02d %02d:%02d:%02d.%03d %5d %5d %s%n", 1 + random.nextInt(28),
                    random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(1000),
                    1000 + random.nextInt(9000), 1000 + random.nextInt(9000), message));
        }
        return out.toString();
    }

    /**
     * Scans {@code source} (then closed) with the indicators, and asserts that every trace raised its alert and
     * that no other alert (LOW or above) was raised.
     */
    void check(Source source, List<Artifact<?>> artifacts, List<Trace> traces) throws Exception {
        MemorySink sink = new MemorySink();
        try (source) {
            new ScanEngine(indicators, 2).run(source, artifacts, sink, ScanListener.NONE);
        }
        List<Alert> raised = sink.alerts().stream().filter(a -> a.level().compareTo(Severity.LOW) >= 0).toList();
        for (Trace trace : traces) {
            assertThat(raised).as("seed %d: the %s (%s) is found", seed, trace.what(), trace.mark())
                    .anyMatch(a -> a.artifact().equals(trace.artifact()) && a.level() == trace.level()
                            && a.message().contains(trace.mark()));
        }
        for (Alert alert : raised) {
            assertThat(traces).as("seed %d: the alert %s: %s is of a planted trace", seed, alert.artifact(),
                    alert.message()).anyMatch(t -> t.artifact().equals(alert.artifact())
                    && alert.message().contains(t.mark()));
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    /** App-id indicators: Echap's stalkerware feed ({@code ioc.yaml}) only, or all of them. */
    private List<String> appIds(boolean stalkerware) {
        return indicators.indicators().stream().filter(i -> i.type() == IndicatorType.APP_ID)
                .filter(i -> !stalkerware || i.sourceFile().endsWith("ioc.yaml"))
                .map(Indicator::value).filter(id -> id.matches("[a-zA-Z][\\w]*(\\.[a-zA-Z_][\\w]*)+"))
                .distinct().sorted().toList();
    }

    private String indicatorDomain() {
        List<String> domains = indicators.indicators().stream().filter(i -> i.type() == IndicatorType.DOMAIN)
                .map(Indicator::value).filter(d -> d.matches("[a-z0-9-]+(\\.[a-z0-9-]+)+")).distinct().sorted()
                .toList();
        return planted(() -> pick(domains), d -> !indicators.match(Observable.url("https://" + d + "/x")).isEmpty());
    }

    /** A random app id that matches no indicator. */
    private String cleanApp() {
        return noise(() -> pick(List.of("com", "org", "net", "io")) + "." + pick(WORDS) + "." + pick(WORDS)
                + (random.nextBoolean() ? "" : "." + pick(WORDS)));
    }

    /** A candidate that matches no indicator as an app id, a process or a host. */
    private String noise(Supplier<String> candidate) {
        return planted(candidate, value -> indicators.match(Observable.appId(value)).isEmpty()
                && indicators.match(Observable.process(value)).isEmpty()
                && indicators.match(Observable.url("https://" + value + "/")).isEmpty());
    }

    /** A candidate that passes {@code test}. */
    private String planted(Supplier<String> candidate, Predicate<String> test) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            String value = candidate.get();
            if (test.test(value)) {
                return value;
            }
        }
        throw new IllegalStateException("seed " + seed + ": no candidate found");
    }

    private String packageJson(String name, String installer, boolean system) {
        return "{\"name\":\"" + name + "\",\"installer\":\"" + installer + "\",\"system\":" + system
                + ",\"files\":[]}";
    }

    private String packageDump(String name, String installer, boolean system) {
        return "  Package [" + name + "] (" + Integer.toHexString(random.nextInt()) + "):\n"
                + "    userId=" + (system ? 1000 + random.nextInt(100) : 10000 + random.nextInt(500)) + "\n"
                + "    pkgFlags=[ " + (system ? "SYSTEM " : "") + "HAS_CODE ]\n"
                + "    installerPackageName=" + installer + "\n";
    }

    private String appop(String app, String op) {
        return "  Uid u0a" + random.nextInt(500) + ":\n    Package " + app + ":\n      " + op + " (allow):\n";
    }

    /** A process as a line of {@code ps -A}, or as AndroidQF's collector writes it in JSON. */
    private static String process(boolean json, String user, int pid, String name) {
        if (!json) {
            return user + " " + pid + " 1 100000 2000 0 0 S " + name;
        }
        String task = name.length() > 15 ? name.substring(name.length() - 15) : name;
        return "{\"pid\":" + pid + ",\"uid\":" + (user.equals("root") ? 0 : 10000 + pid % 500) + ",\"ppid\":1,"
                + "\"filename\":\"(" + task + ")\",\"state\":\"S\",\"command_line\":[\"" + name + "\"],"
                + "\"context\":\"u:r:untrusted_app:s0\"}";
    }

    private static String psThread(int pid, int tid, String name) {
        return "u:r:untrusted_app:s0 u0_a99 " + pid + " " + tid + " 700 10000 200 0 0 S " + name;
    }

    private String path() {
        return "/" + Integer.toString(random.nextInt(1 << 20), 36);
    }

    private long next() {
        return 1_700_000_000_000L + random.nextInt(1_000_000_000);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
