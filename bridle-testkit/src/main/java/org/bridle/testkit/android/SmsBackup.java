package org.bridle.testkit.android;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The telephony provider's message backups as {@code adb backup} holds them: zlib-compressed JSON arrays under
 * {@link #FOLDER}, one object a message ({@code address}, {@code body}, {@code date} in milliseconds,
 * {@code type} 1 for received).
 */
public final class SmsBackup {
    /** Where the telephony provider's backup files are in the backup's tar. */
    public static final String FOLDER = "apps/com.android.providers.telephony/d_f/";

    private SmsBackup() {
    }

    /** A received SMS as the backup's JSON writes it. */
    public static String received(String address, String body, long millis) {
        return "{\"address\":\"" + json(address) + "\",\"body\":\"" + json(body) + "\",\"date\":\"" + millis
                + "\",\"type\":\"1\",\"read\":\"1\"}";
    }

    /** The content of an {@code NNNNNN_sms_backup} file holding the given messages' JSON. */
    public static byte[] file(List<String> messages) {
        return AndroidArchives.zlib(("[" + String.join(",", messages) + "]").getBytes(StandardCharsets.UTF_8));
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
