package org.bridle.android.artifacts;

import java.util.Set;

/** Package names whose presence or state means something (the lists MVT keeps, as facts about Android). */
final class AndroidPackages {
    private AndroidPackages() {
    }

    static final Set<String> ROOTING = Set.of("com.noshufou.android.su", "com.noshufou.android.su.elite",
            "eu.chainfire.supersu", "com.koushikdutta.superuser", "com.thirdparty.superuser", "com.yellowes.su",
            "com.koushikdutta.rommanager", "com.koushikdutta.rommanager.license", "com.dimonvideo.luckypatcher",
            "com.chelpus.lackypatch", "com.ramdroid.appquarantine", "com.ramdroid.appquarantinepro",
            "com.devadvance.rootcloak", "com.devadvance.rootcloakplus", "de.robv.android.xposed.installer",
            "com.saurik.substrate", "com.zachspong.temprootremovejb", "com.amphoras.hidemyroot",
            "com.amphoras.hidemyrootadfree", "com.formyhm.hiderootPremium", "com.formyhm.hideroot",
            "me.phh.superuser", "eu.chainfire.supersu.pro", "com.kingouser.com", "com.topjohnwu.magisk");

    static final Set<String> SECURITY = Set.of("com.policydm", "com.samsung.android.app.omcagent",
            "com.samsung.android.securitylogagent", "com.sec.android.soagent");

    static final Set<String> SYSTEM_UPDATE = Set.of("com.android.updater", "com.google.android.gms",
            "com.huawei.android.hwouc", "com.lge.lgdmsclient", "com.motorola.ccc.ota", "com.oneplus.opbackup",
            "com.oppo.ota", "com.transsion.systemupdate", "com.wssyncmldm");

    static final Set<String> THIRD_PARTY_STORES = Set.of("com.aurora.store", "org.fdroid.fdroid");

    static final Set<String> BROWSER_INSTALLERS = Set.of("com.google.android.packageinstaller",
            "com.android.packageinstaller");
}
