package org.bridle.ios.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bridle.core.model.Alert;
import org.bridle.core.model.Observable;
import org.bridle.core.model.Severity;
import org.bridle.core.scan.ArtifactOutcome;
import org.bridle.ios.ArtifactScan;
import org.bridle.testkit.BackupBuilder;
import org.bridle.testkit.PlistFixture;
import org.bridle.testkit.ios.ConfigurationProfileStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationProfilesTest {
    private static final Instant T = Instant.parse("2021-01-10T09:00:00Z");
    private static final String DOMAIN = ConfigurationProfileStub.DOMAIN;
    private static final String FOLDER = ConfigurationProfileStub.FOLDER;

    @TempDir
    Path dir;

    private final ConfigurationProfiles artifact = new ConfigurationProfiles();

    private static BackupBuilder add(BackupBuilder backup, String domain, ConfigurationProfileStub stub) {
        return backup.file(domain, FOLDER + stub.fileName(), stub.bytes());
    }

    @Test
    void readsAProfileWithItsPayloadsAndDoesNotFlagAWifiProfile() throws Exception {
        ConfigurationProfileStub wifi = new ConfigurationProfileStub("76DAB334-7E17-475D-A5D6-0794EB5818A5",
                "com.example.wifi", "Office Wi-Fi", T)
                .description("Joins the office network").organization("Example Corp")
                .payload("com.apple.wifi.managed", "0B1F1C5E-1111-4111-8111-111111111111")
                .payload("com.apple.security.pkcs1", "0B1F1C5E-2222-4222-8222-222222222222")
                .signed();
        BackupBuilder builder = add(new BackupBuilder(dir.resolve("b")), DOMAIN, wifi)
                .file(DOMAIN, FOLDER + "ProfileTruth.plist", PlistFixture.binary(Map.of("x", 1)));
        Path backup = builder.build();

        ArtifactScan scan = ArtifactScan.overBackup(backup, artifact);

        List<ConfigurationProfiles.Profile> profiles = scan.entries("configuration_profiles");
        assertThat(profiles).singleElement().satisfies(p -> {
            assertThat(p.payloadUuid()).isEqualTo("76DAB334-7E17-475D-A5D6-0794EB5818A5");
            assertThat(p.payloadIdentifier()).isEqualTo("com.example.wifi");
            assertThat(p.payloadDisplayName()).isEqualTo("Office Wi-Fi");
            assertThat(p.payloadDescription()).isEqualTo("Joins the office network");
            assertThat(p.payloadOrganization()).isEqualTo("Example Corp");
            assertThat(p.installDate()).isEqualTo(T);
            assertThat(p.payloadTypes()).containsExactly("com.apple.wifi.managed", "com.apple.security.pkcs1");
            assertThat(p.signed()).isTrue();
            assertThat(p.removalDisallowed()).isNull();
            assertThat(p.path()).isEqualTo("@sysshared/systemgroup.com.apple.configurationprofiles/"
                    + FOLDER + wifi.fileName());
            assertThat(artifact.observables(p)).containsExactly(
                    Observable.profileId("76DAB334-7E17-475D-A5D6-0794EB5818A5"),
                    Observable.profileId("0B1F1C5E-1111-4111-8111-111111111111"),
                    Observable.profileId("0B1F1C5E-2222-4222-8222-222222222222"));
        });
        assertThat(scan.sink().alerts()).as("Wi-Fi and a plain certificate are no risk").isEmpty();
        assertThat(scan.sink().timeline()).singleElement().satisfies(e -> assertThat(e.description())
                .isEqualTo("Configuration profile installed: 76DAB334-7E17-475D-A5D6-0794EB5818A5 - Office Wi-Fi: "
                        + "Joins the office network"));
    }

    @Test
    void flagsRootCertificatesVpnsProxiesAndNotificationSettingsInEitherLocation() throws Exception {
        BackupBuilder builder = new BackupBuilder(dir.resolve("b"));
        add(builder, DOMAIN, new ConfigurationProfileStub("A-1", "com.example.mitm", "Free VPN", T)
                .payload("com.apple.security.root", "A-1-1").payload("com.apple.vpn.managed", "A-1-2"));
        add(builder, DOMAIN, new ConfigurationProfileStub("A-2", "com.example.proxy", "Proxy", T)
                .payload("com.apple.proxy.http.global", "A-2-1"));
        add(builder, ConfigurationProfileStub.OLD_DOMAIN, new ConfigurationProfileStub("A-3", "com.example.quiet",
                "Quiet", T).payload("com.apple.wifi.managed", "A-3-1")
                .payload("com.apple.notificationsettings", "A-3-2"));
        add(builder, ConfigurationProfileStub.OLD_DOMAIN, new ConfigurationProfileStub("A-4", "com.example.mail",
                "Mail", T).payload("com.apple.mail.managed", "A-4-1"));
        Path backup = builder.build();

        ArtifactScan scan = ArtifactScan.overBackup(backup, artifact);

        assertThat(scan.<ConfigurationProfiles.Profile>entries("configuration_profiles"))
                .extracting(ConfigurationProfiles.Profile::payloadUuid)
                .containsExactlyInAnyOrder("A-1", "A-2", "A-3", "A-4");
        List<Alert> alerts = scan.sink().alerts("configuration_profiles");
        assertThat(alerts).hasSize(3);
        assertThat(alerts).filteredOn(a -> a.message().contains("Free VPN")).singleElement().satisfies(a -> {
            assertThat(a.level()).isEqualTo(Severity.LOW);
            assertThat(a.message()).contains("installs a root certificate", "configures a VPN");
            assertThat(a.eventTime()).isEqualTo(T);
        });
        assertThat(alerts).filteredOn(a -> a.message().contains("\"Proxy\"")).singleElement()
                .satisfies(a -> assertThat(a.level()).isEqualTo(Severity.LOW));
        assertThat(alerts).filteredOn(a -> a.message().contains("Quiet")).singleElement()
                .satisfies(a -> assertThat(a.level()).isEqualTo(Severity.MEDIUM));
    }

    @Test
    void aStubThatIsNotAPropertyListIsAFailure() throws Exception {
        Path backup = new BackupBuilder(dir.resolve("b"))
                .file(DOMAIN, FOLDER + "profile-0000.stub", "garbage").build();

        ArtifactScan scan = ArtifactScan.overBackup(backup, artifact);

        ArtifactOutcome outcome = scan.outcome("configuration_profiles");
        assertThat(outcome.status()).isEqualTo(ArtifactOutcome.Status.FAILED);
        assertThat(outcome.failures()).singleElement().satisfies(f -> assertThat(f.reason())
                .contains("not a valid property list"));
    }
}
