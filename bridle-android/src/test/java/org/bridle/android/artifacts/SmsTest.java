package org.bridle.android.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.bridle.android.AndroidScan;
import org.bridle.core.model.Observable;
import org.bridle.testkit.android.AndroidArchives;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmsTest {
    private static final String FOLDER = "apps/com.android.providers.telephony/d_f/";

    @TempDir
    Path dir;

    @Test
    void readsSmsAndMmsBackupsWithTheirLinks() throws Exception {
        byte[] sms = AndroidArchives.zlib(("[{\"address\":\"+15550100\",\"body\":\"Your parcel: https://track.example/x\","
                + "\"date\":\"1700000000123\",\"date_sent\":\"0\",\"type\":\"1\",\"read\":\"1\"}]")
                .getBytes(StandardCharsets.UTF_8));
        byte[] mms = AndroidArchives.zlib(("[{\"date\":\"1700000100\",\"msg_box\":\"2\",\"recipients\":[\"+15550101\"],"
                + "\"mms_body\":\"see http://mms.example\",\"read\":\"0\"}]").getBytes(StandardCharsets.UTF_8));
        Sms artifact = new Sms();
        AndroidScan scan = AndroidScan.run(Sources.backup(dir, AndroidArchives.entries(
                FOLDER + "000000_sms_backup", sms, FOLDER + "000001_mms_backup", mms)), artifact);
        List<Sms.Message> messages = scan.entries("sms");
        assertThat(messages).containsExactly(
                new Sms.Message("sms", "+15550100", "Your parcel: https://track.example/x",
                        Instant.ofEpochMilli(1700000000123L), null, "received", true,
                        List.of("https://track.example/x")),
                new Sms.Message("mms", "+15550101", "see http://mms.example", Instant.ofEpochSecond(1700000100L),
                        null, "sent", false, List.of("http://mms.example")));
        assertThat(artifact.observables(messages.get(0))).containsExactly(Observable.url("https://track.example/x"));
        assertThat(artifact.timeline(messages.get(0))).singleElement()
                .satisfies(e -> assertThat(e.event()).isEqualTo("sms_received"));
    }

    @Test
    void aCorruptFileIsAFailureOfThatFile() throws Exception {
        AndroidScan scan = AndroidScan.run(Sources.backup(dir, AndroidArchives.entries(
                FOLDER + "000000_sms_backup", "not zlib".getBytes(StandardCharsets.UTF_8))), new Sms());
        assertThat(scan.outcome("sms").failures()).hasSize(1);
    }
}
