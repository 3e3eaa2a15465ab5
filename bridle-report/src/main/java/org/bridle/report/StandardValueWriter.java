package org.bridle.report;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The value kinds report entries hold, each written as databind's serializer for that kind writes it; {@link
 * #DATABIND} hands any other value to {@link ReportJson#mapper()}.
 */
enum StandardValueWriter implements ValueWriter {
    STRING,
    /** A time, formatted by {@link ReportTime} (the mapper's serializer of times). */
    INSTANT,
    /** A {@code Long} or an {@code Integer}. */
    INTEGRAL,
    DOUBLE,
    BOOLEAN,
    /** An enum constant, by its name. */
    ENUM,
    /** A byte array, in base64. */
    BINARY,
    /** A list, on one line; each element is written by the writer of its own class. */
    LIST,
    /** A map whose keys are all strings, in its iteration order; a map with another key goes to databind. */
    MAP,
    /** A value of a declared type that is not final: written by the writer of its runtime class. */
    BY_CLASS,
    /** Any other value, written by databind itself with its pretty printer starting at this nesting. */
    DATABIND;

    @Override
    public void write(Utf8JsonOutput out, Object value, int nesting) throws IOException {
        switch (this) {
            case STRING -> out.string((String) value);
            case INSTANT -> out.time((Instant) value);
            case INTEGRAL -> out.number(((Number) value).longValue());
            case DOUBLE -> out.number((double) (Double) value);
            case BOOLEAN -> out.booleanValue((Boolean) value);
            case ENUM -> out.string(((Enum<?>) value).name());
            case BINARY -> out.binary((byte[]) value);
            case LIST -> list(out, (List<?>) value, nesting);
            case MAP -> map(out, (Map<?, ?>) value, nesting);
            case BY_CLASS -> EntryJson.write(out, value, nesting);
            case DATABIND -> out.raw(ReportJson.mapper().writer(new NestedPrettyPrinter(nesting))
                    .writeValueAsBytes(value));
        }
    }

    private static void list(Utf8JsonOutput out, List<?> list, int nesting) throws IOException {
        out.raw((byte) '[');
        boolean first = true;
        for (Object element : list) {
            out.raw(first ? Separators.FIRST_ELEMENT : Separators.NEXT_ELEMENT);
            first = false;
            EntryJson.write(out, element, nesting);
        }
        out.raw(Separators.END_ARRAY);
    }

    private static void map(Utf8JsonOutput out, Map<?, ?> map, int nesting) throws IOException {
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                DATABIND.write(out, map, nesting);
                return;
            }
        }
        out.raw((byte) '{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            out.objectEntry(first, nesting + 1, Utf8JsonOutput.NOTHING);
            first = false;
            out.string((String) entry.getKey());
            out.raw(Separators.NAME_VALUE);
            EntryJson.write(out, entry.getValue(), nesting + 1);
        }
        Separators.endObject(out, !first, nesting);
    }
}
