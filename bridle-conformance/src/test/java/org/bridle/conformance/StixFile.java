package org.bridle.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bridle.core.indicators.IndicatorFile;
import org.bridle.core.indicators.IndicatorSet;
import org.bridle.core.indicators.StixBundleLoader;

/**
 * A STIX 2.1 bundle of one indicator of one malware family, written to a file the way MVT's tests write theirs, and
 * loaded back through the real loader into a real {@link IndicatorSet}.
 */
final class StixFile {
    static final String FAMILY = "MVT test";
    private static final ObjectMapper JSON = new ObjectMapper();

    private StixFile() {
    }

    /**
     * Writes {@code <folder>/<name>} holding the indicator {@code [<stixKey> = '<value>']} of {@link #FAMILY}, and
     * returns the set loaded from it.
     */
    static IndicatorSet oneIndicator(Path folder, String name, String stixKey, String value) throws Exception {
        ObjectNode bundle = JSON.createObjectNode().put("type", "bundle")
                .put("id", "bundle--3e2a3fcb-0b7e-4e5b-a0b5-4f2bd0b4a001");
        ArrayNode objects = bundle.putArray("objects");
        objects.addObject().put("type", "malware").put("spec_version", "2.1")
                .put("id", "malware--3e2a3fcb-0b7e-4e5b-a0b5-4f2bd0b4a002").put("name", FAMILY).put("is_family", false);
        objects.addObject().put("type", "indicator").put("spec_version", "2.1")
                .put("id", "indicator--3e2a3fcb-0b7e-4e5b-a0b5-4f2bd0b4a003")
                .put("pattern", "[" + stixKey + " = '" + value.replace("\\", "\\\\").replace("'", "\\'") + "']")
                .put("pattern_type", "stix").put("valid_from", "2021-07-18T00:00:00Z");
        objects.addObject().put("type", "relationship").put("spec_version", "2.1")
                .put("id", "relationship--3e2a3fcb-0b7e-4e5b-a0b5-4f2bd0b4a004").put("relationship_type", "indicates")
                .put("source_ref", "indicator--3e2a3fcb-0b7e-4e5b-a0b5-4f2bd0b4a003")
                .put("target_ref", "malware--3e2a3fcb-0b7e-4e5b-a0b5-4f2bd0b4a002");
        Path file = folder.resolve(name);
        Files.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(bundle));
        IndicatorFile loaded = StixBundleLoader.load(file);
        if (!loaded.problems().isEmpty() || loaded.indicators().size() != 1) {
            throw new IllegalStateException("the test bundle " + file + " did not load as one indicator: "
                    + loaded.problems());
        }
        return IndicatorSet.builder().add(loaded).build();
    }
}
