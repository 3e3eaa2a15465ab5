package org.bridle.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The JSON conventions of every report file: record components in snake_case, times as
 * {@code yyyy-MM-dd HH:mm:ss.SSSSSS} in UTC (MVT's {@code isodate}), indented output.
 */
public final class ReportJson {
    /** The time format of reports (MVT's isodate), always UTC. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .enable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
            .addModule(new SimpleModule("bridle-time").addSerializer(Instant.class, new InstantSerializer()))
            .build();

    private ReportJson() {
    }

    /** The mapper to write report JSON with. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Formats a time as reports write it. */
    public static String format(Instant time) {
        return time == null ? "" : ReportTime.format(time);
    }

    private static final class InstantSerializer extends StdSerializer<Instant> {
        InstantSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(ReportTime.format(value));
        }
    }
}
