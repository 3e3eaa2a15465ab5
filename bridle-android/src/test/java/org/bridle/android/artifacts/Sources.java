package org.bridle.android.artifacts;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bridle.android.androidqf.AndroidQf;
import org.bridle.android.backup.AndroidBackup;
import org.bridle.android.bugreport.Bugreport;
import org.bridle.core.source.PasswordSource;
import org.bridle.testkit.android.AdbBackupWriter;
import org.bridle.testkit.android.AndroidArchives;
import org.bridle.testkit.android.AndroidQfFolder;
import org.bridle.testkit.android.BugreportWriter;

/** Builds the sources artifact tests run through: a bugreport zip and an AndroidQF folder in a test folder. */
final class Sources {
    private Sources() {
    }

    /** A dumpstate section dumping one service. */
    static String service(String name, String output) {
        return BugreportWriter.service(name, output);
    }

    /** A bugreport zip with the given dumpstate ({@code String} or {@code byte[]}), plus extra entries. */
    static Bugreport bugreport(Path dir, Object dumpstate, Object... extraEntries) throws Exception {
        Path zip = Files.write(dir.resolve("bugreport.zip"),
                BugreportWriter.zip(dumpstate, AndroidArchives.entries(extraEntries)));
        return Bugreport.open(zip);
    }

    /** An AndroidQF folder holding the given files and an {@code acquisition.json}, as every acquisition does. */
    static AndroidQf androidQf(Path dir, String... namesAndContents) throws Exception {
        return AndroidQf.open(AndroidQfFolder.write(dir.resolve("androidqf"), AndroidArchives.entries(
                (Object[]) namesAndContents)), PasswordSource.NONE);
    }

    /** An unencrypted, compressed {@code .ab} file holding the given tar entries. */
    static AndroidBackup backup(Path dir, java.util.Map<String, byte[]> entries) throws Exception {
        Path ab = Files.write(dir.resolve("backup.ab"), AdbBackupWriter.plain(5, true, AndroidArchives.tar(entries, null)));
        return AndroidBackup.open(ab, PasswordSource.NONE);
    }
}
