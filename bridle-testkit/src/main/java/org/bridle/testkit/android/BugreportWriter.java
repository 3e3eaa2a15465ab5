package org.bridle.testkit.android;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes an {@code adb bugreport} zip: {@code main_entry.txt} naming the dumpstate file, the dumpstate (text, or
 * bytes when it embeds binary data such as a binary-XML keystore), and extra entries such as {@code FS/...} files
 * and tombstones.
 */
public final class BugreportWriter {
    /** The dumpstate file's name in the zip. */
    public static final String DUMPSTATE = "bugreport-test.txt";

    private BugreportWriter() {
    }

    /** A dumpstate section dumping one service, ended by a line of dashes. */
    public static String service(String name, String output) {
        return "DUMP OF SERVICE " + name + ":\n" + output + "\n-------------------------------------------------------------------------------\n";
    }

    /** A dumpstate section running a command, with its duration line. */
    public static String section(String title, String command, String output) {
        return "------ " + title + " (" + command + ") ------\n" + output + "\n------ 0.1s was the duration of '"
                + title + "' ------\n";
    }

    /** The bugreport zip of a dumpstate ({@code String} or {@code byte[]}) and extra entries, in order. */
    public static byte[] zip(Object dumpstate, Map<String, ?> extraEntries) {
        Map<String, Object> entries = new LinkedHashMap<>();
        entries.put("main_entry.txt", DUMPSTATE.getBytes(StandardCharsets.UTF_8));
        entries.put(DUMPSTATE, dumpstate);
        entries.putAll(extraEntries);
        return AndroidArchives.zip(entries);
    }
}
