package org.bridle.ios.artifacts;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import org.bridle.core.io.AppleTime;
import org.bridle.core.io.KeyedArchive;

/**
 * The numeric and time fields of an {@code MBFile} blob that {@link Manifest} reads, each as {@link KeyedArchive}
 * gives it: a whole number, a real or a time, or absent (for a missing field and for any other value). Numbers are
 * held unboxed. Two are equal when every field is of the same kind with the same value.
 */
public final class MbFileValues {
    /** The fields, by their key in the archived object. */
    public enum Field {
        BIRTH("Birth"), LAST_MODIFIED("LastModified"), LAST_STATUS_CHANGE("LastStatusChange"), MODE("Mode"),
        USER_ID("UserID"), GROUP_ID("GroupID"), SIZE("Size"), INODE_NUMBER("InodeNumber");

        /** The keys of the fields, in the order of the fields. */
        static final List<String> KEYS = Arrays.stream(values()).map(Field::key).toList();

        private final String key;

        Field(String key) {
            this.key = key;
        }

        /** The key of the field in the archived object. */
        public String key() {
            return key;
        }
    }

    private static final int WHOLE = 1;
    private static final int REAL = 2;
    private static final int TIME = 3;
    private static final Field[] FIELDS = Field.values();

    /** No fields, as for a record without a blob or with one that cannot be decoded. */
    public static final MbFileValues NONE = new MbFileValues();

    /** The kind of each field, two bits per field by its ordinal: 0 when absent, else a WHOLE, REAL or TIME. */
    private int kinds;
    /** A whole number, or a real's bits, by field. */
    private final long[] numbers = new long[FIELDS.length];
    /** The times by field, made when the first time is set. */
    private Instant[] times;

    MbFileValues() {
    }

    /** The fields of an archived object decoded by {@link KeyedArchive}; other keys and values are left out. */
    public static MbFileValues of(Map<?, ?> decoded) {
        MbFileValues values = new MbFileValues();
        for (Field field : FIELDS) {
            Object value = decoded.get(field.key);
            if (value instanceof Long whole) {
                values.setWhole(field.ordinal(), whole);
            } else if (value instanceof Double real) {
                values.setReal(field.ordinal(), real);
            } else if (value instanceof Instant time) {
                values.setTime(field.ordinal(), time);
            }
        }
        return values;
    }

    // the setters take a field's ordinal; MbFileFields fills a new instance with them, nothing changes one handed out

    void setWhole(int field, long whole) {
        set(field, WHOLE, whole);
    }

    void setReal(int field, double real) {
        set(field, REAL, Double.doubleToRawLongBits(real));
    }

    void setTime(int field, Instant time) {
        if (times == null) {
            times = new Instant[FIELDS.length];
        }
        times[field] = time;
        set(field, TIME, 0);
    }

    private void set(int field, int kind, long number) {
        kinds = kinds & ~(3 << 2 * field) | kind << 2 * field;
        numbers[field] = number;
    }

    private int kind(int field) {
        return kinds >>> 2 * field & 3;
    }

    /** The field as a whole number (a real cut to its whole part), or null when it is absent or a time. */
    public Long number(Field field) {
        int index = field.ordinal();
        return switch (kind(index)) {
            case WHOLE -> numbers[index];
            case REAL -> (long) Double.longBitsToDouble(numbers[index]);
            default -> null;
        };
    }

    /** The field as a time: a number as Unix seconds (as iOS 10 and later write them), or null when absent. */
    public Instant time(Field field) {
        int index = field.ordinal();
        return switch (kind(index)) {
            case WHOLE -> AppleTime.fromUnixSeconds(numbers[index]);
            case REAL -> AppleTime.fromUnixSeconds((long) Double.longBitsToDouble(numbers[index]));
            case TIME -> times[index];
            default -> null;
        };
    }

    /** The field as {@link KeyedArchive} gives it: a {@code Long}, {@code Double} or {@code Instant}, or null. */
    private Object value(int field) {
        return switch (kind(field)) {
            case WHOLE -> numbers[field];
            case REAL -> Double.longBitsToDouble(numbers[field]);
            case TIME -> times[field];
            default -> null;
        };
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof MbFileValues values) || kinds != values.kinds) {
            return false;
        }
        for (int field = 0; field < FIELDS.length; field++) {
            if (!Objects.equals(value(field), values.value(field))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = kinds;
        for (int field = 0; field < FIELDS.length; field++) {
            hash = 31 * hash + Objects.hashCode(value(field));
        }
        return hash;
    }

    /** The present fields, as a map prints them: {@code {Size=4096, Birth=2020-03-01T10:00:00Z}}. */
    @Override
    public String toString() {
        StringJoiner fields = new StringJoiner(", ", "{", "}");
        for (Field field : FIELDS) {
            Object value = value(field.ordinal());
            if (value != null) {
                fields.add(field.key + "=" + value);
            }
        }
        return fields.toString();
    }
}
