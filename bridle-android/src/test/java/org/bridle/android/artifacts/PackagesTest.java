package org.bridle.android.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.bridle.android.AndroidScan;
import org.bridle.core.model.Alert;
import org.bridle.core.model.Observable;
import org.bridle.core.model.ObservableKind;
import org.bridle.core.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackagesTest {
    private static final String DUMPSYS = String.join("\n",
            "Verifiers:",
            "  Required: com.android.vending (uid=10019)",
            "",
            "Packages:",
            "  Package [com.topjohnwu.magisk] (a1):",
            "    userId=10200",
            "    versionName=26.1",
            "    pkgFlags=[ HAS_CODE ALLOW_CLEAR_USER_DATA ]",
            "    installerPackageName=com.android.vending",
            "    firstInstallTime=2024-01-02 10:00:00",
            "    signatures=PackageSignatures{ca01ffa version:2, signatures:[57f52fdb], past signatures:[]}",
            "    requested permissions:",
            "      android.permission.INTERNET",
            "      android.permission.READ_SMS: restricted=true",
            "    install permissions:",
            "      android.permission.INTERNET: granted=true",
            "    User 0: ceDataInode=1 installed=true hidden=false enabled=0",
            "  Package [com.wssyncmldm] (b2):",
            "    userId=1000",
            "    pkgFlags=[ SYSTEM HAS_CODE ]",
            "    User 0: ceDataInode=2 installed=true enabled=3",
            "",
            "Shared users:",
            "  SharedUser [android.uid.system] (c3):",
            "");

    private static final String JSON = """
            [{"name":"com.sideloaded","installer":"null","system":false,"disabled":false,"uid":10300,
              "files":[{"path":"/data/app/base.apk","md5":"m","sha1":"s1","sha256":"s256",
                        "certificate":{"Md5":"cm","Sha1":"cs1","Sha256":"cs256"}}]},
             {"name":"com.preinstalled","installer":"null","system":true,"files":[]},
             {"name":"com.from.browser","installer":"com.android.packageinstaller","system":false,"files":[]},
             {"name":"org.from.store","installer":"org.fdroid.fdroid","system":false,"files":[]},
             {"name":"com.play","installer":"com.android.vending","system":false,"files":[]}]
            """;

    @TempDir
    Path dir;

    @Test
    void readsDumpsysPackageWithPermissionsAndState() throws Exception {
        AndroidScan scan = AndroidScan.run(Sources.bugreport(dir, Sources.service("package", DUMPSYS)),
                new Packages());
        List<Packages.Package> packages = scan.entries("packages");
        assertThat(packages).extracting(Packages.Package::name).containsExactly("com.topjohnwu.magisk",
                "com.wssyncmldm");
        Packages.Package magisk = packages.get(0);
        assertThat(magisk.uid()).isEqualTo(10200);
        assertThat(magisk.installer()).isEqualTo("com.android.vending");
        assertThat(magisk.system()).isFalse();
        assertThat(magisk.disabled()).isFalse();
        assertThat(magisk.firstInstallTime()).isEqualTo("2024-01-02 10:00:00");
        assertThat(magisk.permissions()).containsExactly("android.permission.INTERNET",
                "android.permission.READ_SMS");
        assertThat(packages.get(1).disabled()).isTrue();
        // signatures= holds 32-bit hash codes of the certificates, not digests: nothing to check as a hash
        assertThat(magisk.files()).isEmpty();
        assertThat(new Packages().observables(magisk)).containsExactly(Observable.appId("com.topjohnwu.magisk"));
        assertThat(scan.alerts("packages")).extracting(Alert::level, Alert::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Severity.MEDIUM, "The rooting app com.topjohnwu.magisk is installed."),
                org.assertj.core.groups.Tuple.tuple(Severity.MEDIUM,
                        "The security or system-update package com.wssyncmldm is disabled."));
    }

    @Test
    void readsPackagesJsonWithHashesAndJudgesInstallers() throws Exception {
        Packages artifact = new Packages();
        AndroidScan scan = AndroidScan.run(Sources.androidQf(dir, "packages.json", JSON,
                "dumpsys.txt", Sources.service("package", DUMPSYS)), artifact);
        List<Packages.Package> packages = scan.entries("packages");
        assertThat(packages).hasSize(5);
        assertThat(scan.outcome("packages").notes()).singleElement().asString()
                .contains("packages.json lists the same packages");
        assertThat(artifact.observables(packages.get(0))).containsExactly(Observable.appId("com.sideloaded"),
                new Observable(ObservableKind.FILE_MD5, "m"), new Observable(ObservableKind.FILE_SHA1, "s1"),
                new Observable(ObservableKind.FILE_SHA256, "s256"), new Observable(ObservableKind.APP_CERT_MD5, "cm"),
                new Observable(ObservableKind.APP_CERT_SHA1, "cs1"),
                new Observable(ObservableKind.APP_CERT_SHA256, "cs256"));
        assertThat(scan.alerts("packages")).extracting(Alert::level, Alert::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Severity.MEDIUM, "com.sideloaded is not a system app and has"
                        + " no installer: it was installed with adb or sideloaded."),
                org.assertj.core.groups.Tuple.tuple(Severity.MEDIUM,
                        "com.from.browser was installed through a browser (installer com.android.packageinstaller)."),
                org.assertj.core.groups.Tuple.tuple(Severity.INFORMATIONAL,
                        "org.from.store was installed from the third-party store org.fdroid.fdroid."));
    }
}
