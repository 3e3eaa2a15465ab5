package org.bridle.android.artifacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.Finding;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.model.Observable;
import org.bridle.core.model.ObservableKind;
import org.bridle.core.model.Severity;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * The installed packages, from {@code dumpsys package} (its {@code Packages:} list) or AndroidQF's
 * {@code packages.json}. App ids, APK hashes and signing-certificate hashes are checked against indicators.
 * Heuristics: a rooting app, an app installed through a browser's package installer, and a non-system app with
 * no installer (adb or a sideload) are MEDIUM; an app from a third-party store is INFORMATIONAL; a disabled
 * security or system-update package is MEDIUM. When the evidence holds both, {@code packages.json} is read and
 * {@code dumpsys package} is not, so that no package is reported twice.
 *
 * <p>{@code dumpsys package} gives no APK hashes, and its {@code signatures=PackageSignatures{... signatures:[hex]}}
 * are the certificates' 32-bit Java hash codes ({@code Signature.hashCode}), not digests, so they are not read:
 * APK and certificate hashes come only from AndroidQF's {@code packages.json}.
 */
public final class Packages implements Artifact<Packages.Package> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DevicePath PACKAGES_JSON = DevicePath.of("@androidqf/packages.json");
    /** The first line of a package in {@code dumpsys package}; group 1 is its name. */
    static final Pattern PACKAGE = Pattern.compile("^  Package \\[(.+?)\\].*:$");
    private static final Pattern ENABLED = Pattern.compile("\\benabled=(\\d+)");

    /**
     * One package. {@code installer} is {@code "null"} when the system recorded none, null when the source does
     * not say; {@code system} and {@code disabled} are null when unknown.
     */
    public record Package(String name, String installer, Boolean system, Boolean disabled, Long uid,
                          String versionName, String firstInstallTime, String lastUpdateTime,
                          List<String> permissions, List<ApkFile> files) {
    }

    /** One APK of a package, with its hashes and its signing certificate's hashes (null when not given). */
    public record ApkFile(String path, String md5, String sha1, String sha256, String certificateMd5,
                          String certificateSha1, String certificateSha256) {
    }

    @Override public String id() { return "packages"; }
    @Override public String description() { return "Installed packages (dumpsys package, packages.json)"; }

    @Override
    public List<DevicePath> locations() {
        return List.of(DevicePath.of("@dumpsys/package"), PACKAGES_JSON);
    }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<Package> out) throws Exception {
        if (file.devicePath().endsWith(".json")) {
            try (InputStream in = file.open()) {
                for (JsonNode p : JSON.readTree(in)) {
                    emit(fromJson(p), out);
                }
            }
        } else if (context.source().resolve(PACKAGES_JSON).stream().anyMatch(EvidenceFile::present)) {
            out.note(file.origin() + " is not read: packages.json lists the same packages with more detail");
        } else {
            parseDumpsys(file, out);
        }
    }

    private static Package fromJson(JsonNode p) {
        List<ApkFile> files = new ArrayList<>();
        for (JsonNode f : p.path("files")) {
            JsonNode c = f.path("certificate");
            files.add(new ApkFile(text(f, "path"), text(f, "md5"), text(f, "sha1"), text(f, "sha256"),
                    text(c, "Md5"), text(c, "Sha1"), text(c, "Sha256")));
        }
        List<String> permissions = new ArrayList<>();
        for (JsonNode perm : p.path("requested_permissions")) {
            permissions.add(perm.isTextual() ? perm.asText() : text(perm, "name"));
        }
        return new Package(text(p, "name"), text(p, "installer"), bool(p, "system"), bool(p, "disabled"),
                p.path("uid").canConvertToLong() ? p.path("uid").asLong() : null, text(p, "version_name"),
                text(p, "first_install_time"), text(p, "last_update_time"), List.copyOf(permissions),
                List.copyOf(files));
    }

    private static void parseDumpsys(EvidenceFile file, Emitter<Package> out) throws Exception {
        DumpsysPackageReader reader = new DumpsysPackageReader(p -> emit(p, out));
        TextLines.forEach(file, reader::line);
        reader.finish();
    }

    private static void emit(Package p, Emitter<Package> out) {
        Finding finding = judge(p);
        if (finding == null) {
            out.entry(p);
        } else {
            out.entry(p, finding);
        }
    }

    static Finding judge(Package p) {
        String name = p.name();
        if (AndroidPackages.ROOTING.contains(name)) {
            return new Finding(Severity.MEDIUM, "The rooting app " + name + " is installed.", null);
        }
        if (Boolean.TRUE.equals(p.disabled())
                && (AndroidPackages.SECURITY.contains(name) || AndroidPackages.SYSTEM_UPDATE.contains(name))) {
            return new Finding(Severity.MEDIUM, "The security or system-update package " + name
                    + " is disabled.", null);
        }
        String installer = p.installer();
        if (installer == null) {
            return null;
        }
        if (AndroidPackages.BROWSER_INSTALLERS.contains(installer)) {
            return new Finding(Severity.MEDIUM, name + " was installed through a browser (installer " + installer
                    + ").", null);
        }
        if (AndroidPackages.THIRD_PARTY_STORES.contains(installer)) {
            return new Finding(Severity.INFORMATIONAL, name + " was installed from the third-party store "
                    + installer + ".", null);
        }
        if (installer.equals("null") && Boolean.FALSE.equals(p.system())) {
            return new Finding(Severity.MEDIUM, name + " is not a system app and has no installer: it was"
                    + " installed with adb or sideloaded.", null);
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }

    private static Boolean bool(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isBoolean() ? null : v.asBoolean();
    }

    @Override
    public List<Observable> observables(Package p) {
        List<Observable> out = new ArrayList<>();
        if (p.name() != null) {
            out.add(Observable.appId(p.name()));
        }
        for (ApkFile f : p.files()) {
            add(out, ObservableKind.FILE_MD5, f.md5());
            add(out, ObservableKind.FILE_SHA1, f.sha1());
            add(out, ObservableKind.FILE_SHA256, f.sha256());
            add(out, ObservableKind.APP_CERT_MD5, f.certificateMd5());
            add(out, ObservableKind.APP_CERT_SHA1, f.certificateSha1());
            add(out, ObservableKind.APP_CERT_SHA256, f.certificateSha256());
        }
        return out;
    }

    private static void add(List<Observable> out, ObservableKind kind, String value) {
        if (value != null && !value.isEmpty()) {
            out.add(new Observable(kind, value));
        }
    }

    /** Reads the {@code Packages:} list of {@code dumpsys package}, one line at a time. */
    private static final class DumpsysPackageReader {
        private final java.util.function.Consumer<Package> sink;
        private boolean inList;
        private boolean inPermissions;
        private String name;
        private String installer;
        private Boolean system;
        private Boolean disabled;
        private Long uid;
        private String version;
        private String firstInstall;
        private String lastUpdate;
        private List<String> permissions = new ArrayList<>();

        DumpsysPackageReader(java.util.function.Consumer<Package> sink) {
            this.sink = sink;
        }

        void line(String line) {
            if (!inList) {
                inList = line.equals("Packages:");
                return;
            }
            if (!line.isEmpty() && !line.startsWith(" ")) {
                finish();
                inList = false;
                return;
            }
            Matcher start = PACKAGE.matcher(line);
            if (start.matches()) {
                finish();
                name = start.group(1);
                return;
            }
            if (name == null || line.isBlank()) {
                return;
            }
            int indent = TextLines.indent(line);
            String s = line.strip();
            if (inPermissions && indent >= 6) {
                permissions.add(s.split(":")[0]);
                return;
            }
            inPermissions = indent == 4 && s.equals("requested permissions:");
            if (indent != 4) {
                return;
            }
            if (s.startsWith("userId=")) {
                uid = parseLong(s.substring(7));
            } else if (s.startsWith("installerPackageName=")) {
                installer = s.substring("installerPackageName=".length());
            } else if (s.startsWith("pkgFlags=[")) {
                system = s.contains(" SYSTEM ");
            } else if (s.startsWith("versionName=")) {
                version = s.substring("versionName=".length());
            } else if (s.startsWith("firstInstallTime=")) {
                firstInstall = s.substring("firstInstallTime=".length());
            } else if (s.startsWith("lastUpdateTime=")) {
                lastUpdate = s.substring("lastUpdateTime=".length());
            } else if (s.startsWith("User 0:")) {
                Matcher m = ENABLED.matcher(s);
                if (m.find()) {
                    int state = Integer.parseInt(m.group(1));
                    disabled = state == 2 || state == 3;
                }
            }
        }

        void finish() {
            if (name != null) {
                sink.accept(new Package(name, installer, system, disabled, uid, version, firstInstall, lastUpdate,
                        List.copyOf(permissions), List.of()));
            }
            name = null;
            installer = null;
            system = null;
            disabled = null;
            uid = null;
            version = null;
            firstInstall = null;
            lastUpdate = null;
            permissions = new ArrayList<>();
            inPermissions = false;
        }

        private static Long parseLong(String s) {
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
