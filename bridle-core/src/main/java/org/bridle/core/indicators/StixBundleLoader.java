package org.bridle.core.indicators;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Loads STIX 2.1 bundles of indicators, as Amnesty, MVT and OTX publish them.
 *
 * <p>Each {@code indicator} whose pattern is a single equality comparison {@code [key = 'value']} (whitespace
 * optional; the value may hold {@code =}, spaces and the escapes {@code \'} and {@code \\}) with a key that
 * {@link IndicatorType#fromStixKey} knows becomes an {@link Indicator}. Domain, IPv4, URL and e-mail values are refanged
 * ({@code [.]}, {@code (.)}, {@code hxxp}). The indicator's family is the name of the {@code malware} it
 * {@code indicates} (several names joined by {@code ", "}), else the name of the first {@code report} that lists
 * it in {@code object_refs}, else the file name without its extension. Other object types are ignored.
 *
 * <p>What cannot be used is reported as a {@link Problem} and the rest still loads: an indicator without a pattern,
 * with a non-STIX pattern type, a compound pattern, another operator, an unknown key or an unusable value; an
 * element of {@code objects} that is not an object or has no type or id; an {@code indicates} relationship that
 * refers to an object the bundle lacks. Only a file that cannot be read, is not JSON or is not a bundle fails as a
 * whole. Loading streams the file (no tree of it is built), is stateless and thread-safe.
 */
public final class StixBundleLoader {
    private static final JsonFactory JSON = new JsonFactory();
    private static final String NOT_A_BUNDLE =
            " is not a STIX 2.1 bundle (a JSON object with \"type\": \"bundle\" and an \"objects\" list).";

    private StixBundleLoader() {
    }

    /** Loads a bundle file; its indicators carry its file name as their source. */
    public static IndicatorFile load(Path file) throws IndicatorFileException {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IndicatorFileException("The indicator file " + file + " does not exist.", e);
        } catch (AccessDeniedException e) {
            throw new IndicatorFileException("The indicator file " + file + " cannot be read: permission denied.", e);
        } catch (IOException e) {
            throw new IndicatorFileException("The indicator file " + file + " cannot be read (" + reason(e) + ").", e);
        }
        Path name = file.getFileName();
        return load(name != null ? name.toString() : file.toString(), file.toAbsolutePath().toString(), content);
    }

    /** What went wrong, for a sentence a user reads: the message, without the exception's class name. */
    private static String reason(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? "an input/output error" : message;
    }

    /**
     * Loads a bundle from its bytes.
     *
     * @param name the file name indicators carry as their source
     * @param location where the bytes came from, for messages
     */
    public static IndicatorFile load(String name, String location, byte[] content) throws IndicatorFileException {
        List<StixObject> objects;
        try (JsonParser parser = JSON.createParser(content)) {
            objects = bundleObjects(parser);
            if (objects != null && parser.nextToken() != null) {
                throw new IndicatorFileException("The indicator file " + location + " is not valid JSON (line "
                        + parser.currentLocation().getLineNr() + ": more after the bundle).");
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new IndicatorFileException("The indicator file " + location + " is not valid JSON" + where + ".", e);
        } catch (IOException e) {
            throw new IndicatorFileException("The indicator file " + location + " cannot be read (" + reason(e) + ").",
                    e);
        }
        if (objects == null) {
            throw new IndicatorFileException("The indicator file " + location + NOT_A_BUNDLE);
        }
        return new Bundle(name).read(objects, location, ContentDigest.of(content));
    }

    /** The objects of the bundle the parser starts on, or null when it is JSON but no bundle. */
    private static List<StixObject> bundleObjects(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return null;
        }
        String type = null;
        List<StixObject> objects = null;
        boolean objectsIsList = true;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("type") && value == JsonToken.VALUE_STRING) {
                type = parser.getText();
            } else if (field.equals("objects") && value == JsonToken.START_ARRAY) {
                objects = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    objects.add(StixObject.read(parser, objects.size()));
                }
            } else {
                objectsIsList &= !field.equals("objects");
                parser.skipChildren();
            }
        }
        return "bundle".equals(type) && objectsIsList ? objects : null;
    }

    /**
     * The fields of one element of a bundle's {@code objects} that the loader reads; a field of another JSON type
     * than expected counts as absent. Every object of a bundle is held until the bundle is read (relationships may
     * come before what they name), so an object keeps its string fields in an array by {@link #field} rather than
     * in a map, and the values many objects share ({@code "indicator"}, {@code "stix"}, …) once.
     */
    private static final class StixObject {
        /** The string fields read, in the order of {@link #field}. */
        private static final int FIELDS = 8;

        /** Its position in {@code objects}. */
        final int index;
        /** Whether it is a JSON object at all. */
        final boolean isObject;
        /** Its string fields among those read, by {@link #field}; null where absent. */
        private final String[] texts;
        /** The strings of its {@code object_refs} list, or null when it has no such list. */
        final List<String> objectRefs;

        private StixObject(int index, boolean isObject, String[] texts, List<String> objectRefs) {
            this.index = index;
            this.isObject = isObject;
            this.texts = texts;
            this.objectRefs = objectRefs;
        }

        static StixObject read(JsonParser parser, int index) throws IOException {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                return new StixObject(index, false, new String[FIELDS], null);
            }
            String[] texts = new String[FIELDS];
            List<String> refs = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                int field = field(name);
                if (value == JsonToken.VALUE_STRING && field >= 0) {
                    texts[field] = shared(parser.getText());
                } else if (value == JsonToken.START_ARRAY && name.equals("object_refs")) {
                    refs = new ArrayList<>();
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        if (parser.currentToken() == JsonToken.VALUE_STRING) {
                            refs.add(parser.getText());
                        } else {
                            parser.skipChildren();
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
            return new StixObject(index, true, texts, refs);
        }

        /** The place of a string field the loader reads, or -1 for any other field. */
        private static int field(String name) {
            return switch (name) {
                case "type" -> 0;
                case "id" -> 1;
                case "name" -> 2;
                case "pattern" -> 3;
                case "pattern_type" -> 4;
                case "relationship_type" -> 5;
                case "source_ref" -> 6;
                case "target_ref" -> 7;
                default -> -1;
            };
        }

        /** The one copy of a value many objects share, or the value itself. */
        private static String shared(String value) {
            return switch (value) {
                case "indicator" -> "indicator";
                case "relationship" -> "relationship";
                case "malware" -> "malware";
                case "report" -> "report";
                case "indicates" -> "indicates";
                case "stix" -> "stix";
                default -> value;
            };
        }

        /** A string field the loader reads ({@link #field}), or null when the object has none. */
        String text(String name) {
            return texts[field(name)];
        }

        String position() {
            return "objects[" + index + "]";
        }
    }

    /** The reading of one bundle's objects. */
    private static final class Bundle {
        private final String fileName;
        /** Problems by the position of their object, so that they come out in file order. */
        private final Map<Integer, List<Problem>> problems = new TreeMap<>();
        private final List<StixObject> indicators = new ArrayList<>();
        private final Set<String> indicatorIds = new HashSet<>();
        private final List<StixObject> indicates = new ArrayList<>();
        private final Map<String, String> malwareNames = new HashMap<>();
        private final Map<String, String> reportNames = new HashMap<>();
        private final Map<String, Set<String>> malwareFamilies = new HashMap<>();

        Bundle(String fileName) {
            this.fileName = fileName;
        }

        IndicatorFile read(List<StixObject> objects, String location, ContentDigest content) {
            objects.forEach(this::collect);
            indicates.forEach(this::link);
            List<Indicator> loaded = new ArrayList<>(indicators.size());
            for (StixObject indicator : indicators) {
                Indicator usable = indicator(indicator);
                if (usable != null) {
                    loaded.add(usable);
                }
            }
            List<Problem> inFileOrder = new ArrayList<>();
            problems.values().forEach(inFileOrder::addAll);
            return new IndicatorFile(fileName, location, content, loaded, inFileOrder);
        }

        private void collect(StixObject object) {
            if (!object.isObject) {
                problem(object, object.position(), "is not a JSON object");
                return;
            }
            String type = object.text("type");
            String id = object.text("id");
            if (type == null) {
                problem(object, id != null ? id : object.position(), "has no type");
                return;
            }
            boolean used = type.equals("indicator") || type.equals("malware") || type.equals("report")
                    || type.equals("relationship");
            if (!used) {
                return;
            }
            if (id == null) {
                problem(object, object.position(), "is a " + type + " object without an id");
                return;
            }
            switch (type) {
                case "indicator" -> {
                    indicators.add(object);
                    indicatorIds.add(id);
                }
                case "malware" -> {
                    String name = object.text("name");
                    if (name == null || name.isBlank()) {
                        problem(object, id, "has no name, so its indicators are named after a report or the file");
                    } else {
                        malwareNames.put(id, name.strip());
                    }
                }
                case "report" -> report(object, id);
                default -> {
                    if ("indicates".equals(object.text("relationship_type"))) {
                        indicates.add(object);
                    }
                }
            }
        }

        private void report(StixObject report, String id) {
            String name = report.text("name");
            if (name == null || name.isBlank()) {
                problem(report, id, "has no name, so its indicators are named after the file");
                return;
            }
            if (report.objectRefs == null) {
                problem(report, id, "has no object_refs list");
                return;
            }
            for (String ref : report.objectRefs) {
                reportNames.putIfAbsent(ref, name.strip());
            }
        }

        private void link(StixObject relationship) {
            String id = relationship.text("id");
            String source = relationship.text("source_ref");
            String target = relationship.text("target_ref");
            if (source == null || target == null) {
                problem(relationship, id, "has no source_ref or no target_ref");
            } else if (!indicatorIds.contains(source)) {
                problem(relationship, id, "refers to " + source + ", which is not an indicator of this bundle");
            } else if (target.startsWith("malware--")) {
                String name = malwareNames.get(target);
                if (name == null) {
                    problem(relationship, id, "refers to " + target + ", which is not a named malware of this bundle");
                } else {
                    malwareFamilies.computeIfAbsent(source, key -> new LinkedHashSet<>()).add(name);
                }
            }
        }

        private Indicator indicator(StixObject object) {
            String id = object.text("id");
            String pattern = object.text("pattern");
            if (pattern == null) {
                problem(object, id, "has no pattern");
                return null;
            }
            String patternType = object.text("pattern_type");
            if (patternType != null && !patternType.equalsIgnoreCase("stix")) {
                problem(object, id, "has a " + patternType + " pattern; only STIX patterns are supported");
                return null;
            }
            StixPattern parsed;
            String value;
            try {
                parsed = StixPattern.parse(pattern);
                value = isNetwork(parsed.type()) ? Refang.refang(parsed.value()) : parsed.value();
            } catch (IllegalArgumentException unusable) {
                problem(object, id, "has the pattern " + pattern + ", which " + unusable.getMessage());
                return null;
            }
            try {
                IndicatorKeys.ofIndicator(parsed.type(), value);
            } catch (IllegalArgumentException unusable) {
                problem(object, id, "has the " + parsed.type().stixKey() + " value '" + value + "', which "
                        + unusable.getMessage());
                return null;
            }
            return new Indicator(parsed.type(), value, family(id), fileName, id);
        }

        private String family(String indicatorId) {
            Set<String> malware = malwareFamilies.get(indicatorId);
            if (malware != null) {
                return String.join(", ", malware);
            }
            String report = reportNames.get(indicatorId);
            if (report != null) {
                return report;
            }
            int dot = fileName.lastIndexOf('.');
            return dot > 0 ? fileName.substring(0, dot) : fileName;
        }

        private void problem(StixObject object, String objectId, String reason) {
            problems.computeIfAbsent(object.index, index -> new ArrayList<>())
                    .add(new Problem(fileName, objectId, reason));
        }

        private static boolean isNetwork(IndicatorType type) {
            return type == IndicatorType.DOMAIN || type == IndicatorType.IPV4 || type == IndicatorType.URL
                    || type == IndicatorType.EMAIL;
        }
    }
}
