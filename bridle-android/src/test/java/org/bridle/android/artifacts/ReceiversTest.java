package org.bridle.android.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.bridle.android.AndroidScan;
import org.bridle.core.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiversTest {
    static final String TABLES = String.join("\n",
            "Activity Resolver Table:",
            "  Non-Data Actions:",
            "      android.intent.action.MAIN:",
            "        1a2b com.example.app/.Main",
            "Receiver Resolver Table:",
            "  Full MIME Types:",
            "      application/*:",
            "        3c4d com.mime.only/.R",
            "  Non-Data Actions:",
            "      android.provider.Telephony.SMS_RECEIVED:",
            "        5e6f com.example.spy/.SmsReceiver (2 filters)",
            "      android.intent.action.BOOT_COMPLETED:",
            "        7a8b com.example.app/com.example.app.Boot",
            "",
            "Packages:");

    @TempDir
    Path dir;

    @Test
    void readsTheNonDataActionsAndNotesSmsReceivers() throws Exception {
        AndroidScan scan = AndroidScan.run(Sources.bugreport(dir, Sources.service("package", TABLES)),
                new Receivers());
        assertThat(scan.<Receivers.Receiver>entries("receivers")).containsExactly(
                new Receivers.Receiver("android.provider.Telephony.SMS_RECEIVED", "com.example.spy", ".SmsReceiver"),
                new Receivers.Receiver("android.intent.action.BOOT_COMPLETED", "com.example.app",
                        "com.example.app.Boot"));
        assertThat(scan.alerts("receivers")).singleElement().satisfies(a -> {
            assertThat(a.level()).isEqualTo(Severity.INFORMATIONAL);
            assertThat(a.message()).isEqualTo("com.example.spy receives incoming SMS.");
        });
    }
}
