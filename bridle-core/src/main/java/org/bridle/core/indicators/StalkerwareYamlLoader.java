package org.bridle.core.indicators;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads the stalkerware indicators of the Echap association ({@code stalkerware-indicators}: {@code ioc.yaml},
 * {@code watchware.yaml}) as published: a YAML list of apps, each with a {@code name} (the family), and lists of
 * {@code packages} (app ids), {@code certificates} (SHA-1 of the signing certificate), {@code websites} and
 * {@code distribution} (domains, or URLs when written with a scheme), {@code c2.domains} and {@code c2.ips} (or {@code c2.ip}), and
 * {@code ios_bundles} (app ids). Certificate organisations and name patterns are not indicators bridle can match:
 * they are listed as problems. An indicator's object id is the app's name, the key and the position, such as
 * {@code TheTruthSpy/packages[3]}. Indicators come in file order: app by app, and within an app in the order of
 * the keys above.
 */
public final class StalkerwareYamlLoader {
    private static final List<Map.Entry<String, IndicatorType>> LISTS = List.of(
            Map.entry("packages", IndicatorType.APP_ID), Map.entry("ios_bundles", IndicatorType.APP_ID),
            Map.entry("certificates", IndicatorType.APP_CERT_SHA1), Map.entry("websites", IndicatorType.DOMAIN),
            Map.entry("distribution", IndicatorType.DOMAIN));
    private static final List<Map.Entry<String, IndicatorType>> C2 = List.of(
            Map.entry("domains", IndicatorType.DOMAIN), Map.entry("ips", IndicatorType.IPV4),
            Map.entry("ip", IndicatorType.IPV4));
    private static final List<String> IGNORED = List.of("name", "names", "type", "c2", "packages", "ios_bundles",
            "certificates", "websites", "distribution");

    private StalkerwareYamlLoader() {
    }

    /**
     * The YAML parser, built when a YAML file is first loaded: asking {@link #handles} (as every check does for its
     * {@code --iocs} files) loads none of Jackson's YAML classes or snakeyaml.
     */
    private static final class Yaml {
        static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());
    }

    /** Whether a file name is one of this format's ({@code .yaml} or {@code .yml}). */
    public static boolean handles(String fileName) {
        return fileName.endsWith(".yaml") || fileName.endsWith(".yml");
    }

    /** Loads a YAML file; its indicators carry its file name as their source. */
    public static IndicatorFile load(Path file) throws IndicatorFileException {
        try {
            return load(file.getFileName().toString(), file.toAbsolutePath().toString(), Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new IndicatorFileException("The indicator file " + file + " does not exist.", e);
        } catch (IOException e) {
            throw new IndicatorFileException("The indicator file " + file + " cannot be read.", e);
        }
    }

    /**
     * Loads the YAML from its bytes.
     *
     * @param name the file name indicators carry as their source
     * @param location where the bytes came from, for messages
     */
    public static IndicatorFile load(String name, String location, byte[] content) throws IndicatorFileException {
        JsonNode apps;
        try {
            apps = Yaml.MAPPER.readTree(content);
        } catch (JacksonException e) {
            throw new IndicatorFileException("The indicator file " + location + " is not valid YAML"
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")") + ".", e);
        } catch (IOException e) {
            throw new IndicatorFileException("The indicator file " + location + " cannot be read.", e);
        }
        if (apps == null || !apps.isArray()) {
            throw new IndicatorFileException("The indicator file " + location
                    + " is not a stalkerware indicator list (a YAML list of apps with a name).");
        }
        List<Indicator> indicators = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < apps.size(); i++) {
            JsonNode app = apps.get(i);
            String family = app.path("name").asText("");
            if (family.isBlank()) {
                problems.add(new Problem(name, "[" + i + "]", "has no name"));
                continue;
            }
            for (Map.Entry<String, IndicatorType> list : LISTS) {
                read(app.path(list.getKey()), list.getValue(), family, list.getKey(), name, indicators, problems);
            }
            for (Map.Entry<String, IndicatorType> list : C2) {
                read(app.path("c2").path(list.getKey()), list.getValue(), family, "c2." + list.getKey(), name,
                        indicators, problems);
            }
            app.fieldNames().forEachRemaining(field -> {
                if (!IGNORED.contains(field)) {
                    problems.add(new Problem(name, family + "/" + field, "is not a kind of indicator bridle matches"));
                }
            });
        }
        return new IndicatorFile(name, location, ContentDigest.of(content), indicators, problems);
    }

    private static void read(JsonNode list, IndicatorType type, String family, String key, String fileName,
                             List<Indicator> indicators, List<Problem> problems) {
        for (int j = 0; j < list.size(); j++) {
            String value = Refang.refang(list.get(j).asText("").strip());
            String id = family + "/" + key + "[" + j + "]";
            IndicatorType actual = type == IndicatorType.DOMAIN && value.contains("://") ? IndicatorType.URL : type;
            try {
                IndicatorKeys.ofIndicator(actual, value);
                indicators.add(new Indicator(actual, value, family, fileName, id));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(fileName, id, "\"" + value + "\" " + e.getMessage()));
            }
        }
    }
}
