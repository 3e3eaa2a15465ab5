package org.bridle.ios.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IosVersionsTest {
    @Test
    void comparesWithTheNewestReleaseOfTheSameLine() {
        assertThat(IosVersions.outdatedNote("16.7")).hasValueSatisfying(note -> assertThat(note)
                .startsWith("iOS 16.7 is older than 16.7.16, the newest release of iOS 16"));
        assertThat(IosVersions.outdatedNote("13.6.1")).isPresent();
        assertThat(IosVersions.outdatedNote("13.7")).isEmpty();
        assertThat(IosVersions.outdatedNote("26.6.1")).isEmpty();
        assertThat(IosVersions.outdatedNote("26.7")).as("newer than the list knows").isEmpty();
    }

    @Test
    void somethingThatIsNotAVersionGetsNoNote() {
        assertThat(IosVersions.outdatedNote(null)).isEmpty();
        assertThat(IosVersions.outdatedNote("18C66")).isEmpty();
        assertThat(IosVersions.outdatedNote("14.x")).isEmpty();
    }
}
