package org.bridle.android.artifacts;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bridle.android.Fixtures;
import org.bridle.android.androidqf.AndroidQf;
import org.bridle.android.backup.AndroidBackup;
import org.bridle.android.bugreport.Bugreport;
import org.bridle.core.source.PasswordSource;

/** Builds the sources artifact tests run through: a bugreport zip and an AndroidQF folder in a test folder. */
final class Sources {
    private Sources() {
    }

    /** A dumpstate section dumping one service. */
    static String service(String name, String output) {
        return "DUMP OF SERVICE " + name + ":\n" + output + "\n-------------------------------\n";
    }

    /** A bugreport zip with the given dumpstate, plus extra entries (names and contents). */
    static Bugreport bugreport(Path dir, String dumpstate, Object... extraEntries) throws Exception {
        Object[] entries = new Object[4 + extraEntries.length];
        entries[0] = "main_entry.txt";
        entries[1] = "dumpstate.txt";
        entries[2] = "dumpstate.txt";
        entries[3] = dumpstate;
        System.arraycopy(extraEntries, 0, entries, 4, extraEntries.length);
        Path zip = Files.write(dir.resolve("bugreport.zip"), Fixtures.zip(Fixtures.entries(entries)));
        return Bugreport.open(zip);
    }

    /** An AndroidQF folder holding the given files and an {@code acquisition.json}, as every acquisition does. */
    static AndroidQf androidQf(Path dir, String... namesAndContents) throws Exception {
        Path qf = Files.createDirectories(dir.resolve("androidqf"));
        Files.writeString(qf.resolve("acquisition.json"), "{}");
        for (int i = 0; i < namesAndContents.length; i += 2) {
            Files.writeString(qf.resolve(namesAndContents[i]), namesAndContents[i + 1]);
        }
        return AndroidQf.open(qf, PasswordSource.NONE);
    }

    /** An unencrypted, compressed {@code .ab} file holding the given tar entries. */
    static AndroidBackup backup(Path dir, java.util.Map<String, byte[]> entries) throws Exception {
        Path ab = Files.write(dir.resolve("backup.ab"), Fixtures.ab(5, true, Fixtures.tar(entries, null)));
        return AndroidBackup.open(ab, PasswordSource.NONE);
    }
}
