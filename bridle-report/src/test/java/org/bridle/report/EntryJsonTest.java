package org.bridle.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bridle.android.artifacts.AndroidArtifacts;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.model.Severity;
import org.bridle.ios.artifacts.IosArtifacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntryJsonTest {
    private static final ObjectMapper MAPPER = ReportJson.mapper();

    @TempDir
    Path dir;

    /** How a report file was written before: databind, value by value, through the default pretty printer. */
    private static String databind(List<?> values) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator gen = MAPPER.getFactory().createGenerator(bytes)) {
            gen.useDefaultPrettyPrinter();
            gen.writeStartArray();
            for (Object value : values) {
                MAPPER.writeValue(gen, value);
            }
            gen.writeEndArray();
            gen.writeRaw('\n');
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private String fast(List<?> values) throws IOException {
        Path file = dir.resolve("entries.json");
        try (EntryArrayFile out = new EntryArrayFile(file)) {
            for (Object value : values) {
                out.add(value);
            }
        }
        return Files.readString(file);
    }

    /** The entry types of every iOS and Android artifact, with the record types nested in them. */
    private static Set<Class<?>> productEntryTypes() {
        List<Artifact<?>> artifacts = new ArrayList<>();
        artifacts.addAll(IosArtifacts.forBackup());
        artifacts.addAll(IosArtifacts.dumpOnly());
        artifacts.addAll(IosArtifacts.forFilesystem());
        artifacts.addAll(AndroidArtifacts.forBugreport());
        artifacts.addAll(AndroidArtifacts.forBackup());
        artifacts.addAll(AndroidArtifacts.forAndroidQf());
        Set<Class<?>> types = new LinkedHashSet<>();
        for (Artifact<?> artifact : artifacts) {
            addRecords(entryType(artifact.getClass()), types);
        }
        return types;
    }

    private static Type entryType(Class<?> artifact) {
        for (Class<?> c = artifact; c != null; c = c.getSuperclass()) {
            for (Type t : c.getGenericInterfaces()) {
                if (t instanceof ParameterizedType p && p.getRawType() == Artifact.class) {
                    return p.getActualTypeArguments()[0];
                }
            }
        }
        throw new AssertionError("no entry type for " + artifact);
    }

    private static void addRecords(Type type, Set<Class<?>> into) {
        if (type instanceof ParameterizedType p) {
            for (Type argument : p.getActualTypeArguments()) {
                addRecords(argument, into);
            }
        } else if (type instanceof Class<?> c) {
            if (c.isSealed()) {
                for (Class<?> permitted : c.getPermittedSubclasses()) {
                    addRecords(permitted, into);
                }
            } else if (c.isRecord() && into.add(c)) {
                for (var component : c.getRecordComponents()) {
                    addRecords(component.getGenericType(), into);
                }
            }
        }
    }

    @Test
    void everyEntryRecordOfTheProductIsWrittenAsDatabindWritesIt() throws IOException {
        Set<Class<?>> types = productEntryTypes();
        assertThat(types).hasSizeGreaterThan(50);
        SampleValues samples = new SampleValues(6);
        for (Class<?> type : types) {
            assertThat(EntryJson.writerFor(type)).as(type.getName()).isInstanceOf(RecordWriter.class);
            List<Object> entries = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                Object entry = samples.record(type, 0);
                if (entry != null) {
                    entries.add(entry);
                }
            }
            assertThat(entries).as(type.getName()).isNotEmpty();
            assertThat(fast(entries)).as(type.getName()).isEqualTo(databind(entries));
        }
    }

    record Scalars(String text, long count, int small, double ratio, boolean flag, Long boxedCount, Integer boxedSmall,
                   Double boxedRatio, Boolean boxedFlag, Instant time, byte[] blob, Severity level) {
    }

    record Nested(String name, List<Scalars> children, Map<String, Object> extra, Object anything,
                  List<String> strings, Nested parent) {
    }

    @Test
    void edgeValuesAreWrittenAsDatabindWritesThem() throws IOException {
        Scalars extremes = new Scalars("é\u0000\u001f\"\\😀\ud800", Long.MIN_VALUE, Integer.MIN_VALUE, Double.NaN, true,
                Long.MAX_VALUE, Integer.MAX_VALUE, Double.NEGATIVE_INFINITY, false,
                Instant.parse("+10000-01-01T00:00:00Z"), new byte[] {0, -1, 127, -128, 1}, Severity.HIGH);
        Scalars nulls = new Scalars(null, 0, 0, -0.0, false, null, null, null, null, null, null, null);
        Scalars small = new Scalars("", 1, -1, 4.9e-324, false, 0L, 0, 1e21, true, Instant.EPOCH, new byte[0],
                Severity.LOW);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("null", null);
        extra.put("empty list", List.of());
        extra.put("empty map", Map.of());
        extra.put("nested nulls", Arrays.asList(null, Arrays.asList(null, null)));
        extra.put("record", small);
        Nested parent = new Nested("p", List.of(), Map.of(), null, List.of(), null);
        Nested child = new Nested("c", Arrays.asList(extremes, null, nulls), extra, extremes,
                Arrays.asList("a", null, ""), parent);
        String longText = "é\u0001😀".repeat(3000) + "x".repeat(9000);
        List<Object> values = Arrays.asList(extremes, nulls, small, parent, child, null, "top", 3L,
                List.of(), Map.of(), longText);
        assertThat(fast(values)).isEqualTo(databind(values));
        assertThat(fast(List.of())).isEqualTo(databind(List.of())).isEqualTo("[ ]\n");
        assertThat(EntryJson.writerFor(Nested.class)).isInstanceOf(RecordWriter.class);
    }

    record Unusual(Set<String> set, BigInteger huge, Map<Object, String> keyed, String[] array, char letter,
                   float single) {
    }

    record Renamed(@JsonProperty("other") String name) {
    }

    @Test
    void whatTheWriterDoesNotKnowIsWrittenByDatabind() throws IOException {
        Map<Object, String> keyed = new TreeMap<>(Map.of(2, "two", 1, "one"));
        List<Object> values = List.of(
                new Unusual(new LinkedHashSet<>(List.of("b", "a")), new BigInteger("123456789012345678901234567890"),
                        keyed, new String[] {"x", null}, 'q', 1.5f),
                new Renamed("n"), Map.of(5, "integer key"), Set.of("s"));
        assertThat(fast(values)).isEqualTo(databind(values)).contains("\"other\" : \"n\"");
        assertThat(EntryJson.writerFor(Renamed.class)).isEqualTo(StandardValueWriter.DATABIND);
    }
}
