package org.bridle.core.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bridle.core.model.Observable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The STIX files of MVT's test corpus, with the counts MVT's README gives. The corpus is found at the path in
 * {@code BRIDLE_CORPUS}, else at {@code ../shared/corpus} from the repository root.
 */
class StixCorpusTest {
    private Path stix;

    @BeforeEach
    void findCorpus() throws IOException {
        String configured = System.getenv("BRIDLE_CORPUS");
        Path corpus = configured != null && !configured.isBlank() ? Path.of(configured)
                : repositoryRoot().resolve("../shared/corpus").normalize();
        String absent = "the conformance corpus is absent: no folder " + corpus.toAbsolutePath()
                + " (set BRIDLE_CORPUS to its path)";
        String ci = System.getenv("CI");
        if (ci != null && !ci.isBlank()) {
            assertThat(corpus).as(absent).isDirectory();
        }
        assumeTrue(Files.isDirectory(corpus), absent);
        stix = corpus.resolve("mvt/stix2");
    }

    /** The folder of the parent pom, the one that lists the modules. */
    private static Path repositoryRoot() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom) && Files.readString(pom).contains("<module>bridle-core</module>")) {
                return dir;
            }
        }
        throw new IllegalStateException("no parent pom.xml above " + Path.of("").toAbsolutePath());
    }

    @Test
    void cytroxHas343IndicatorsOfPredator() throws Exception {
        IndicatorFile cytrox = StixBundleLoader.load(stix.resolve("cytrox.stix2"));

        assertThat(cytrox.problems()).isEmpty();
        assertThat(cytrox.indicators()).hasSize(343).extracting(Indicator::family).containsOnly("Predator");
        assertThat(cytrox.countsByType()).containsExactly(Map.entry(IndicatorType.DOMAIN, 336),
                Map.entry(IndicatorType.FILE_PATH, 6), Map.entry(IndicatorType.PROFILE_ID, 1));

        IndicatorSet set = IndicatorSet.builder().add(cytrox).build();
        assertThat(set.match(Observable.profileId("76dab334-7e17-475d-a5d6-0794eb5818a5"))).hasSize(1);
        assertThat(set.match(Observable.filePath("/var/tmp/hooker"))).hasSize(1);
        assertThat(set.match(Observable.filePath("/data/local/tmp/wd/fs.db")))
                .extracting(match -> match.indicator().value())
                .containsExactly("/data/local/tmp/wd/fs.db", "/data/local/tmp/wd/");
        assertThat(set.match(Observable.url("https://yo.utube.digital/watch"))).extracting(m -> m.indicator().value())
                .containsExactly("yo.utube.digital", "utube.digital");
    }

    @Test
    void theOtxExportHas69IndicatorsGroupedByItsReport() throws Exception {
        IndicatorFile otx = StixBundleLoader.load(stix.resolve("638cd3ee5e5f019f84f9e0ea.json"));

        assertThat(otx.problems()).isEmpty();
        assertThat(otx.indicators()).hasSize(69).extracting(Indicator::family).containsOnly(
                "Pegasus Forensic Traces per Target Identified in the Aftermath of the Pegasus Project Revelations "
                        + "- Amnesty International");
        assertThat(otx.countsByType()).containsExactly(Map.entry(IndicatorType.DOMAIN, 15),
                Map.entry(IndicatorType.URL, 54));

        IndicatorSet set = IndicatorSet.builder().add(otx).build();
        assertThat(set.match(Observable.text("Your code: http://statsads.co/2dL8ARH")))
                .extracting(match -> match.indicator().value())
                .containsExactly("http://statsads.co/2dL8ARH", "statsads.co");
        assertThat(set.match(Observable.url("https://statsads.co/2dL8ARH")))
                .extracting(match -> match.indicator().value()).containsExactly("statsads.co");
    }
}
