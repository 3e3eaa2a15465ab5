package org.bridle.testkit.ios;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bridle.testkit.SqliteFixture;

/**
 * Writes WebKit's {@code observations.db} (ResourceLoadStatistics) with its {@code ObservedDomains} table. Times are
 * Unix seconds; WebKit writes -1 for "never". {@link #recent()} has {@code mostRecentWebPushInteractionTime} (iOS 16
 * and later), {@link #ios14()} has not.
 */
public final class ObservationsDatabase {
    public static final String RELATIVE_PATH = "Library/WebKit/WebsiteData/ResourceLoadStatistics/observations.db";

    private final boolean webPush;
    private final List<String> statements = new ArrayList<>();

    private ObservationsDatabase(boolean webPush) {
        this.webPush = webPush;
        statements.add("CREATE TABLE ObservedDomains (domainID INTEGER PRIMARY KEY, registrableDomain TEXT NOT NULL "
                + "UNIQUE ON CONFLICT FAIL, lastSeen REAL NOT NULL, hadUserInteraction INTEGER NOT NULL, "
                + "mostRecentUserInteractionTime REAL NOT NULL, grandfathered INTEGER NOT NULL, "
                + "isPrevalent INTEGER NOT NULL, isVeryPrevalent INTEGER NOT NULL, dataRecordsRemoved INTEGER NOT NULL, "
                + "timesAccessedAsFirstPartyDueToUserInteraction INTEGER NOT NULL, "
                + "timesAccessedAsFirstPartyDueToStorageAccessAPI INTEGER NOT NULL, "
                + "isScheduledForAllButCookieDataRemoval INTEGER NOT NULL"
                + (webPush ? ", mostRecentWebPushInteractionTime REAL NOT NULL" : "") + ")");
        statements.add("CREATE TABLE TopFrameUniqueRedirectsTo (sourceDomainID INTEGER NOT NULL, "
                + "toDomainID INTEGER NOT NULL)");
    }

    /** The layout of iOS 16 and later. */
    public static ObservationsDatabase recent() {
        return new ObservationsDatabase(true);
    }

    /** The layout of iOS 14, as in MVT's test backup. */
    public static ObservationsDatabase ios14() {
        return new ObservationsDatabase(false);
    }

    /** Adds a domain last seen at {@code lastSeen}, with a user interaction at {@code interaction} (null: none). */
    public ObservationsDatabase domain(long id, String domain, Instant lastSeen, Instant interaction) {
        List<String> columns = new ArrayList<>(List.of("domainID", "registrableDomain", "lastSeen",
                "hadUserInteraction", "mostRecentUserInteractionTime", "grandfathered", "isPrevalent",
                "isVeryPrevalent", "dataRecordsRemoved", "timesAccessedAsFirstPartyDueToUserInteraction",
                "timesAccessedAsFirstPartyDueToStorageAccessAPI", "isScheduledForAllButCookieDataRemoval"));
        List<Object> values = new ArrayList<>(Arrays.asList(id, domain, unix(lastSeen), interaction != null,
                interaction == null ? -1.0 : unix(interaction), 0, 0, 0, 0, 0, 0, 0));
        if (webPush) {
            columns.add("mostRecentWebPushInteractionTime");
            values.add(-1.0);
        }
        statements.add(SqlLiterals.insert("ObservedDomains", columns, values));
        return this;
    }

    private static double unix(Instant time) {
        return time.getEpochSecond() + time.getNano() / 1e9;
    }

    /** The database file's bytes. */
    public byte[] bytes() {
        return SqliteFixture.bytes(statements.toArray(new String[0]));
    }
}
