package org.bridle.conformance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bridle.android.artifacts.AndroidArtifacts;
import org.bridle.android.bugreport.Bugreport;
import org.bridle.core.indicators.BuiltinIndicators;
import org.bridle.core.indicators.IndicatorSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Unseen bugreport zips drawn from fixed seeds ({@link PlantedAndroid}), checked with the built-in indicators: a
 * stalkerware app of Echap's feed, a sideloaded app allowed to install apps, an indicator property, an indicator
 * app's process under its kernel-truncated name, and a crash of a root daemon, among random benign packages,
 * operations, processes and an app's crash. Every trace raises its alerts, and nothing else does.
 */
class PlantedBugreportTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7, 42, 1234, 20261122})
    void everyPlantedTraceAndNoFalseAlert(long seed) throws Exception {
        IndicatorSet indicators = BuiltinIndicators.load();
        PlantedAndroid planted = PlantedAndroid.of(seed, indicators);
        List<PlantedAndroid.Trace> traces = new ArrayList<>();
        planted.check(Bugreport.open(planted.bugreport(dir, traces)), AndroidArtifacts.forBugreport(), traces);
    }
}
