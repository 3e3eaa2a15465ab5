package org.bridle.core.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.bridle.core.io.Hashing;
import org.junit.jupiter.api.Test;

class ContentDigestTest {
    private static final byte[] ONE = "{\"type\": \"bundle\", \"objects\": [1]}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER = "{\"type\": \"bundle\", \"objects\": [2]}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theDigestOfBytesIsTheirSha256AndTheirLength() {
        ContentDigest digest = ContentDigest.of(ONE.clone());

        assertThat(digest.sha256()).isEqualTo(Hashing.hex("SHA-256", ONE));
        assertThat(digest.length()).isEqualTo(ONE.length);
        assertThat(digest.sha256()).as("asked again").isEqualTo(Hashing.hex("SHA-256", ONE));
    }

    @Test
    void digestsAreEqualForTheSameBytesOnlyWhetherComputedOrKnown() {
        ContentDigest computed = ContentDigest.of(ONE.clone());
        ContentDigest known = ContentDigest.known(Hashing.hex("SHA-256", ONE), ONE.length);

        assertThat(computed).isEqualTo(known).hasSameHashCodeAs(known).isEqualTo(ContentDigest.of(ONE.clone()));
        assertThat(computed).as("same length, other bytes").isNotEqualTo(ContentDigest.of(OTHER.clone()));
        assertThat(known).as("same digest, another length")
                .isNotEqualTo(ContentDigest.known(Hashing.hex("SHA-256", ONE), ONE.length + 1));
    }

    @Test
    void aSetSkipsAFileWithTheContentOfOneAddedAndKeepsOneOfTheSameLengthWithOtherContent() throws Exception {
        IndicatorFile first = StixBundleLoader.load("a.stix2", "test:a", ONE);
        IndicatorFile sameContent = StixBundleLoader.load("b.stix2", "test:b", ONE.clone());
        IndicatorFile sameLength = StixBundleLoader.load("c.stix2", "test:c", OTHER);

        IndicatorSet set = IndicatorSet.builder().add(first).add(sameContent).add(sameLength).build();

        assertThat(set.files()).extracting(IndicatorFile::name).containsExactly("a.stix2", "c.stix2");
    }
}
