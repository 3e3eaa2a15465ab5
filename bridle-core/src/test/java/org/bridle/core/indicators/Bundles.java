package org.bridle.core.indicators;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** STIX bundles written in tests. */
final class Bundles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArrayNode objects = JSON.createArrayNode();

    static Bundles bundle() {
        return new Bundles();
    }

    Bundles indicator(String id, String pattern) {
        objects.addObject().put("type", "indicator").put("spec_version", "2.1").put("id", id)
                .put("pattern", pattern).put("pattern_type", "stix");
        return this;
    }

    Bundles malware(String id, String name) {
        objects.addObject().put("type", "malware").put("id", id).put("name", name).put("is_family", false);
        return this;
    }

    Bundles indicates(String id, String indicatorId, String malwareId) {
        objects.addObject().put("type", "relationship").put("id", id).put("relationship_type", "indicates")
                .put("source_ref", indicatorId).put("target_ref", malwareId);
        return this;
    }

    Bundles report(String id, String name, String... refs) {
        ObjectNode report = objects.addObject().put("type", "report").put("id", id).put("name", name);
        ArrayNode list = report.putArray("object_refs");
        for (String ref : refs) {
            list.add(ref);
        }
        return this;
    }

    /** Adds an element to "objects" as raw JSON. */
    Bundles raw(String json) {
        try {
            objects.add(JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    String json() {
        ObjectNode root = JSON.createObjectNode().put("type", "bundle").put("id", "bundle--1");
        root.set("objects", objects);
        return root.toString();
    }

    Path write(Path folder, String fileName) {
        try {
            return Files.writeString(folder.resolve(fileName), json(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    IndicatorFile load(String fileName) {
        try {
            return StixBundleLoader.load(fileName, "test:" + fileName, json().getBytes(StandardCharsets.UTF_8));
        } catch (IndicatorFileException e) {
            throw new AssertionError(e);
        }
    }
}
