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
    STRING {
        @Override
        public void write(Utf8JsonOutput out, Object value, int nesting) throws IOException {
            out.string((String) value);
        }
    },
    /** A time, formatted by {@link ReportTime} (the mapper's serializer of times). */
    INSTANT {
        @Override
        public void write(Utf8JsonOutput out, Object value, int nesting) throws IOException {
            out.time((Instant) value);
        }
    },
    /** A {@code Long} or an {@code Integer}. */
    INTEGRAL {
        @Override
        public void write(Utf8JsonOutput out, Object value, int nesting) throws IOException {
            out.number(((Number) value).longValue());
        }
    },
    DOUBLE {
        @Override
        public void write(Utf8JsonOutput out, Object value, int nesting) throws IOException {
            out.number((double) (Double) value);
        }
    },
    BOOLEAN {
        @Override
        public void write(Utf8JsonOutput out, Object value, int nesting) throws IOException {
            out.booleanValue((Boolean) value);
        }
    },
    /** An enum constant, by its name. */
    ENUM {
        @Override
        public void write(Utf8JsonOutput out, Object value, int nesting) throws IOException {
            out.string(((Enum<?>) value).name());
        }
    },
    /** A byte array, in base64. */
    BINARY {
        @Override
        public void write(Utf8JsonOutput out, Object value, int nesting) throws IOException {
            out.binary((byte[]) value);
        }
    },
    /** A list, on one line; each element is written by the writer of its own class. */
    LIST {
        @Override
        public void write(Utf8JsonOutput out, Object value, int nesting) throws IOException {
            out.raw((byte) '[');
            boolean first = true;
            for (Object element : (List<?>) value) {
                out.raw(first ? Separators.FIRST_ELEMENT : Separators.NEXT_ELEMENT);
                first = false;
                EntryJson.write(out, element, nesting);
            }
            out.raw(Separators.END_ARRAY);
        }
    },
    /** A map whose keys are all strings, in its iteration order; a map with another key goes to databind. */
    MAP {
        @Override
        public void write(Utf8JsonOutput out, Object value, int nesting) throws IOException {
            Map<?, ?> map = (Map<?, ?>) value;
            for (Object key : map.keySet()) {
                if (!(key instanceof String)) {
                    DATABIND.write(out, value, nesting);
                    return;
                }
            }
            out.raw((byte) '{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.raw((byte) ',');
                }
                first = false;
                out.newLine(nesting + 1);
                out.string((String) entry.getKey());
                out.raw(Separators.NAME_VALUE);
                EntryJson.write(out, entry.getValue(), nesting + 1);
            }
            Separators.endObject(out, !first, nesting);
        }
    },
    /** A value of a declared type that is not final: written by the writer of its runtime class. */
    BY_CLASS {
        @Override
        public void write(Utf8JsonOutput out, Object value, int nesting) throws IOException {
            EntryJson.write(out, value, nesting);
        }
    },
    /** Any other value, written by databind itself with its pretty printer starting at this nesting. */
    DATABIND {
        @Override
        public void write(Utf8JsonOutput out, Object value, int nesting) throws IOException {
            out.raw(ReportJson.mapper().writer(new NestedPrettyPrinter(nesting)).writeValueAsBytes(value));
        }
    }
}
