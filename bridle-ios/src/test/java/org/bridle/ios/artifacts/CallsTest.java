package org.bridle.ios.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.bridle.core.model.Observable;
import org.bridle.core.model.TimelineEvent;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.ios.ArtifactScan;
import org.bridle.ios.BackupAndDump;
import org.bridle.testkit.SqliteFixture;
import org.bridle.testkit.ios.CallHistoryDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallsTest {
    private static final Instant T1 = Instant.parse("2022-03-01T08:00:00Z");
    private static final Instant T2 = Instant.parse("2022-03-02T19:30:00Z");

    @TempDir
    Path dir;

    private final Calls calls = new Calls();

    @Test
    void readsCallsFromABackupAndADump() throws Exception {
        ArtifactScan scan = scan(CallHistoryDatabase.create()
                .call(T1, 62.4, "+33600000001", "com.apple.Telephony", false, true)
                .call(T2, 0, "+33600000002", "net.whatsapp.WhatsApp", true, false).bytes());

        assertThat(scan.<Calls.Call>entries("calls")).containsExactly(
                new Calls.Call(T1, 62.4, "France", "+33600000001", null, "com.apple.Telephony", "incoming", true, 1L,
                        "CALL-1"),
                new Calls.Call(T2, 0.0, "France", "+33600000002", null, "net.whatsapp.WhatsApp", "outgoing", false,
                        1L, "CALL-2"));
        assertThat(calls.observables(scan.<Calls.Call>entries("calls").get(1)))
                .containsExactly(Observable.appId("net.whatsapp.WhatsApp"));
        assertThat(scan.sink().timeline()).containsExactly(
                new TimelineEvent(T1, "calls", "call",
                        "Incoming call from +33600000001 using com.apple.Telephony, 62 seconds"),
                new TimelineEvent(T2, "calls", "call",
                        "Outgoing call to +33600000002 using net.whatsapp.WhatsApp, 0 seconds, not answered"));
    }

    @Test
    void theOlderLayoutHasNoServiceProvider() throws Exception {
        ArtifactScan scan = scan(CallHistoryDatabase.create(CallHistoryDatabase.Layout.OLDER)
                .call(T1, 5, "+33600000001", "ignored", true, true).bytes());

        Calls.Call call = scan.<Calls.Call>entries("calls").get(0);
        assertThat(call.provider()).isNull();
        assertThat(call.direction()).isEqualTo("outgoing");
        assertThat(calls.observables(call)).isEmpty();
    }

    @Test
    void aDatabaseWithoutCallRecordsHasNoEntriesAndANote() throws Exception {
        ArtifactScan scan = scan(SqliteFixture.bytes("CREATE TABLE Z_METADATA (Z_VERSION INTEGER)"));

        assertThat(scan.entries("calls")).isEmpty();
        assertThat(scan.outcome("calls").notes()).containsExactly("CallHistory.storedata has no ZCALLRECORD table");
    }

    @Test
    void anEmptyFileIsAFailureOfThisArtifact() throws Exception {
        ArtifactOutcome outcome = scan(new byte[0]).outcome("calls");

        assertThat(outcome.status()).isEqualTo(ArtifactOutcome.Status.FAILED);
        assertThat(outcome.failures().get(0).reason()).isEqualTo("the database file is empty");
    }

    private ArtifactScan scan(byte[] database) throws Exception {
        return BackupAndDump.rootFile(dir, CallHistoryDatabase.DEVICE_PATH, database, calls);
    }
}
