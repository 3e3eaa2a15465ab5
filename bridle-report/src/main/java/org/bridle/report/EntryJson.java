package org.bridle.report;

import java.io.IOException;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes report entries, Java records, with exactly the bytes {@link ReportJson#mapper()} writes for them through
 * its default pretty printer, without databind's per-value work: each class gets its writer once (a {@link
 * RecordWriter} for a record, a {@link StandardValueWriter} for the other kinds entries hold), and a value of a kind
 * it does not know is written by the mapper itself. Thread-safe.
 */
final class EntryJson {
    /** The writer of each class met so far (a map rather than a {@code ClassValue}: its look-ups took longer). */
    private static final Map<Class<?>, ValueWriter> WRITERS = new ConcurrentHashMap<>();

    private EntryJson() {
    }

    /** Writes {@code value} (JSON null for null) as the mapper would, inside {@code nesting} open objects. */
    static void write(Utf8JsonOutput out, Object value, int nesting) throws IOException {
        if (value == null) {
            out.nullValue();
        } else if (value instanceof String text) {
            out.string(text); // the commonest value inside entries (links, names), without a look-up
        } else {
            writerFor(value.getClass()).write(out, value, nesting);
        }
    }

    /** The writer of values whose runtime class is {@code type} (boxed, for a primitive type). */
    static ValueWriter writerFor(Class<?> type) {
        ValueWriter writer = WRITERS.get(type);
        if (writer == null) {
            // not computeIfAbsent: building a record's writer looks up the writers of its components
            writer = writerOf(type);
            WRITERS.putIfAbsent(type, writer);
        }
        return writer;
    }

    private static ValueWriter writerOf(Class<?> type) {
        if (type == String.class) {
            return StandardValueWriter.STRING;
        } else if (type == Instant.class) {
            return StandardValueWriter.INSTANT;
        } else if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return StandardValueWriter.INTEGRAL;
        } else if (type == Double.class || type == double.class) {
            return StandardValueWriter.DOUBLE;
        } else if (type == Boolean.class || type == boolean.class) {
            return StandardValueWriter.BOOLEAN;
        } else if (type == byte[].class) {
            return StandardValueWriter.BINARY;
        } else if (Enum.class.isAssignableFrom(type)) {
            return plainEnum(type) ? StandardValueWriter.ENUM : StandardValueWriter.DATABIND;
        } else if (List.class.isAssignableFrom(type)) {
            return StandardValueWriter.LIST;
        } else if (Map.class.isAssignableFrom(type)) {
            return StandardValueWriter.MAP;
        } else if (type.isRecord()) {
            RecordWriter writer = RecordWriter.of(type);
            return writer != null ? writer : StandardValueWriter.DATABIND;
        }
        return StandardValueWriter.DATABIND;
    }

    /** Whether databind writes the constants of an enum class by their names: no Jackson annotation on it. */
    private static boolean plainEnum(Class<?> type) {
        Class<?> declaring = type.isEnum() ? type : type.getSuperclass();
        if (RecordWriter.hasJacksonAnnotation(declaring)) {
            return false;
        }
        for (Field field : declaring.getDeclaredFields()) {
            if (RecordWriter.hasJacksonAnnotation(field)) {
                return false;
            }
        }
        return true;
    }
}
