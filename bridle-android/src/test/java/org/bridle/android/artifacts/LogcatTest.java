package org.bridle.android.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import org.bridle.android.AndroidScan;
import org.bridle.core.indicators.IndicatorMatch;
import org.bridle.core.indicators.IndicatorMatcher;
import org.bridle.core.model.Alert;
import org.bridle.core.model.Observable;
import org.bridle.core.model.ObservableKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogcatTest {
    private static final String LOGCAT = String.join("\n",
            "--------- beginning of main",
            "11-01 10:00:00.100  1200  1250 I ActivityManager: Start proc 4242:com.example.spy/u0a99 for service"
                    + " {com.example.spy/com.example.spy.SyncService}",
            "11-01 10:00:01.200  4242  4242 D SyncService: posting to https://c2.example.net/up?id=1 now",
            "11-01 10:00:02.300  4242  4242 D SyncService: com.example.spy.extra com.example.spyware"
                    + " xcom.example.spy android.intent.action.MAIN c2.example.net com.example.spy@1a2b",
            "11-01 10:00:03.400  1200  1250 I ActivityManager: Killing 4242:com.example.spy/u0a99: stop",
            "not a logcat line, still read: com.other.app.",
            "");

    @TempDir
    Path dir;

    @Test
    void keepsEachAppIdAndLinkOnceWithItsFirstLineAndCount() throws Exception {
        AndroidScan scan = AndroidScan.run(Sources.androidQf(dir, "logcat.txt", LOGCAT), new Logcat());
        List<Logcat.Mention> mentions = scan.entries("logcat");
        assertThat(mentions).extracting(Logcat.Mention::kind, Logcat.Mention::value, Logcat.Mention::firstLine,
                Logcat.Mention::firstTime, Logcat.Mention::lines).contains(
                tuple("app_id", "com.example.spy", 2L, "11-01 10:00:00.100", 4L),
                tuple("app_id", "com.example.spy.SyncService", 2L, "11-01 10:00:00.100", 1L),
                tuple("url", "https://c2.example.net/up?id=1", 3L, "11-01 10:00:01.200", 1L),
                tuple("app_id", "com.other.app", 6L, null, 1L));
        assertThat(mentions).filteredOn(m -> m.kind().equals("url")).extracting(Logcat.Mention::value)
                .containsExactly("https://c2.example.net/up?id=1");
        assertThat(mentions).extracting(Logcat.Mention::value).contains("xcom.example.spy")
                .doesNotContain("ActivityManager", "com.example.spy/u0a99", "com.example.spy@1a2b", "com.other.app.");
    }

    /** Only a whole token equal to an indicator app id alerts; longer ids, class names and bare hosts do not. */
    @Test
    void matchesIndicatorsExactlyAndNeverAsSubstrings() throws Exception {
        IndicatorMatcher indicators = observable -> {
            boolean spy = observable.kind() == ObservableKind.APP_ID && observable.value().equals("com.example.spy");
            boolean c2 = observable.kind() == ObservableKind.URL && observable.value().contains("c2.example.net");
            return spy || c2 ? List.of(new IndicatorMatch(new org.bridle.core.indicators.Indicator(
                    org.bridle.core.indicators.IndicatorType.APP_ID, observable.value(), "Spy", "test", "x"),
                    observable.value())) : List.of();
        };
        AndroidScan scan = AndroidScan.run(Sources.androidQf(dir, "logcat.txt", LOGCAT, "logcat_old.txt",
                "11-01 09:00:00.000  1  1 I Boot: com.example.spyware com.example.spy.extra\n"), indicators,
                new Logcat());
        assertThat(scan.alerts("logcat")).extracting(Alert::message).hasSize(2)
                .anyMatch(m -> m.contains("com.example.spy") && !m.contains("spyware"))
                .anyMatch(m -> m.contains("https://c2.example.net/up?id=1"));
        assertThat(new Logcat().observables(scan.<Logcat.Mention>entries("logcat").get(0)))
                .containsExactly(Observable.appId("com.example.spy"));
    }

    @Test
    void keepsAtMostTheBoundOfDistinctValuesAndSaysSo() throws Exception {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i <= Logcat.MAX_VALUES; i++) {
            log.append("11-01 10:00:00.000  1  1 I Tag: com.app.n").append(i).append('\n');
        }
        AndroidScan scan = AndroidScan.run(Sources.androidQf(dir, "logcat.txt", log.toString()), new Logcat());
        assertThat(scan.<Logcat.Mention>entries("logcat")).hasSize(Logcat.MAX_VALUES);
        assertThat(scan.outcome("logcat").notes()).singleElement()
                .satisfies(n -> assertThat(n).contains("more than " + Logcat.MAX_VALUES));
    }
}
