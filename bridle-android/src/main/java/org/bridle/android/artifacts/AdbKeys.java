package org.bridle.android.artifacts;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bridle.android.abx.AbxElement;
import org.bridle.android.abx.AbxFormatException;
import org.bridle.android.abx.AbxReader;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.io.EvidenceFormatException;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * The computers trusted for USB debugging ({@code dumpsys adb}): the keys of {@code user_keys=} (base64 key, then
 * {@code user@host}) and the {@code <adbKey key="..." lastConnection="ms"/>} entries of an XML keystore, merged by
 * key. A key's fingerprint is the MD5 of its decoded bytes, as colon-separated upper-case hex (what Android shows).
 * Since Android 12 the dump may hold the keystore in Android's binary XML ({@code keystore=ABX\0...}, raw bytes
 * inside the text): it is read with {@link AbxReader}, its {@code adbKey} elements as those of the XML keystore.
 * A binary keystore that cannot be read fails the artifact with the reason, after the keys read from the rest;
 * one that was altered by being saved as text (as in AndroidQF's dumpsys.txt) is noted instead, as no reader could
 * decode it.
 */
public final class AdbKeys implements Artifact<AdbKeys.AdbKey> {
    private static final byte[] BINARY_KEYSTORE = "keystore=ABX\0".getBytes(StandardCharsets.ISO_8859_1);
    /** U+FFFD in UTF-8: what a byte that is not UTF-8 becomes when binary data is saved as text. */
    private static final byte[] REPLACEMENT_CHARACTER = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};
    private static final Pattern XML_KEY = Pattern.compile("<adbKey key=\"([^\"]+)\" lastConnection=\"(\\d+)\"");

    /** One trusted key; {@code lastConnection} is null when the dump does not give it. */
    public record AdbKey(String fingerprint, String user, Instant lastConnection) {
    }

    @Override public String id() { return "adb_keys"; }
    @Override public String description() { return "Computers trusted for USB debugging (dumpsys adb)"; }
    @Override public List<DevicePath> locations() { return List.of(DevicePath.of("@dumpsys/adb")); }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<AdbKey> out) throws Exception {
        Map<String, String> users = new LinkedHashMap<>();
        Map<String, Instant> lastConnections = new LinkedHashMap<>();
        byte[] content = file.readAllBytes();
        TextLines.forEach(new ByteArrayInputStream(content), line -> {
            String s = line.strip();
            if (s.startsWith("user_keys=")) {
                String key = s.substring("user_keys=".length());
                int space = key.indexOf(' ');
                if (space > 0) {
                    users.putIfAbsent(key.substring(0, space), key.substring(space + 1).strip());
                }
            }
            Matcher m = XML_KEY.matcher(s);
            if (m.find()) {
                trusted(m.group(1), m.group(2), users, lastConnections);
            }
        });
        AbxFormatException unreadable = null;
        int binary = indexOf(content, BINARY_KEYSTORE, 0);
        if (binary >= 0) {
            try {
                AbxElement keystore = AbxReader.read(content, binary + "keystore=".length());
                for (AbxElement key : keystore.descendants("adbKey")) {
                    key.attribute("key").ifPresent(k -> trusted(k, key.attribute("lastConnection").orElse(null),
                            users, lastConnections));
                }
            } catch (AbxFormatException e) {
                if (indexOf(content, REPLACEMENT_CHARACTER, binary) >= 0) {
                    out.note(file.origin() + ": the binary keystore was altered when the dump was saved as text "
                            + "(its bytes above 0x7F became U+FFFD), so it cannot be decoded; the keys are those of "
                            + "user_keys, without their last connection");
                } else {
                    unreadable = e;
                }
            }
        }
        for (Map.Entry<String, String> key : users.entrySet()) {
            out.entry(new AdbKey(fingerprint(key.getKey()), key.getValue(), lastConnections.get(key.getKey())));
        }
        if (unreadable != null) {
            throw new EvidenceFormatException(file.origin() + ": the binary keystore cannot be read: "
                    + unreadable.getMessage(), unreadable);
        }
    }

    /** Records a keystore's key ({@code base64 [user@host]}) and its last connection in milliseconds, if given. */
    private static void trusted(String key, String lastConnection, Map<String, String> users,
                                Map<String, Instant> lastConnections) {
        int space = key.indexOf(' ');
        String bare = space > 0 ? key.substring(0, space) : key;
        users.putIfAbsent(bare, space > 0 ? key.substring(space + 1).strip() : null);
        if (lastConnection != null && lastConnection.matches("-?\\d{1,18}")) {
            lastConnections.put(bare, Instant.ofEpochMilli(Long.parseLong(lastConnection)));
        }
    }

    private static int indexOf(byte[] content, byte[] needle, int from) {
        outer:
        for (int i = from; i + needle.length <= content.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (content[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String fingerprint(String base64) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(Base64.getDecoder().decode(base64));
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (IllegalArgumentException e) {
            return "not base64: " + base64;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has MD5", e);
        }
    }

    @Override
    public List<TimelineEvent> timeline(AdbKey k) {
        return k.lastConnection() == null ? List.of() : List.of(new TimelineEvent(k.lastConnection(), id(),
                "adb_connection", "last USB debugging connection of " + k.user() + " (" + k.fingerprint() + ")"));
    }
}
