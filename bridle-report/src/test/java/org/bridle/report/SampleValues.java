package org.bridle.report;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random values of any record type for comparing writers, drawn from edge cases: nulls, empty and non-ASCII
 * strings, control characters, lone and paired surrogates, extreme and non-finite numbers, times outside years 1 to
 * 9999, empty lists, maps with null values and nested records.
 */
final class SampleValues {
    private static final String[] STRINGS = {"", "plain", "é ü 日本語", "tab\tnew\nline\r\u0000\u001f\u007f", "quote \" back \\ slash /",
        "emoji 😀 pair", "lone \ud800 high", "lone \udc00 low", "</script>&<'>", "\u2028\u2029", "x".repeat(3000)};
    private static final Instant[] TIMES = {Instant.EPOCH, Instant.parse("2019-08-29T23:13:30.539788Z"),
        Instant.ofEpochSecond(1_600_000_000L, 999_999_999), Instant.parse("0001-01-01T00:00:00Z"),
        Instant.parse("9999-12-31T23:59:59.999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
        Instant.parse("-0001-06-01T12:00:00Z"), Instant.ofEpochSecond(-1, 1)};
    private static final long[] LONGS = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MAX_VALUE + 1L, 978_307_200};
    private static final int[] INTS = {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 501};
    private static final double[] DOUBLES = {0.0, -0.0, 0.1, 1.0, -1.5, 1e300, -1e-300, Double.MIN_VALUE,
        Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 123456789.123456789, 1e7,
        1e-3};

    private final Random random;

    SampleValues(long seed) {
        random = new Random(seed);
    }

    /** A record of {@code type} with random components, or null when its constructor refused twenty tries. */
    Object record(Class<?> type, int depth) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        for (int attempt = 0; attempt < 20; attempt++) {
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                args[i] = value(components[i].getGenericType(), depth, attempt < 10);
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                return constructor.newInstance(args);
            } catch (ReflectiveOperationException | RuntimeException refused) {
                // a compact constructor rejected these values: try others
            }
        }
        return null;
    }

    /** A value of a declared type; null now and then unless the type is primitive or {@code nulls} is false. */
    Object value(Type declared, int depth, boolean nulls) {
        Class<?> raw = raw(declared);
        if (!raw.isPrimitive() && nulls && random.nextInt(6) == 0) {
            return null;
        }
        if (raw == String.class || raw == CharSequence.class) {
            return STRINGS[random.nextInt(STRINGS.length)];
        } else if (raw == Instant.class) {
            return TIMES[random.nextInt(TIMES.length)];
        } else if (raw == long.class || raw == Long.class) {
            return LONGS[random.nextInt(LONGS.length)];
        } else if (raw == int.class || raw == Integer.class) {
            return INTS[random.nextInt(INTS.length)];
        } else if (raw == double.class || raw == Double.class) {
            return DOUBLES[random.nextInt(DOUBLES.length)];
        } else if (raw == boolean.class || raw == Boolean.class) {
            return random.nextBoolean();
        } else if (raw == byte[].class) {
            byte[] bytes = new byte[random.nextInt(5) * 7];
            random.nextBytes(bytes);
            return bytes;
        } else if (raw.isEnum()) {
            Object[] constants = raw.getEnumConstants();
            return constants[random.nextInt(constants.length)];
        } else if (raw == List.class) {
            Type element = argument(declared, 0);
            List<Object> list = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                list.add(value(element, depth + 1, nulls));
            }
            return nulls ? list : List.copyOf(list);
        } else if (raw == Map.class) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                map.put("k" + i + STRINGS[random.nextInt(3)], value(argument(declared, 1), depth + 1, nulls));
            }
            return map;
        } else if (raw.isRecord()) {
            return depth > 3 ? null : record(raw, depth + 1);
        } else if (raw.isSealed()) {
            Class<?>[] permitted = raw.getPermittedSubclasses();
            return value(permitted[random.nextInt(permitted.length)], depth, nulls);
        } else if (raw == Object.class) {
            return anything(depth, nulls);
        }
        throw new IllegalArgumentException("no sample values for " + declared);
    }

    /** What an untyped component (a property-list value, say) may hold. */
    private Object anything(int depth, boolean nulls) {
        return switch (random.nextInt(depth > 2 ? 9 : 12)) {
            case 0 -> STRINGS[random.nextInt(STRINGS.length)];
            case 1 -> LONGS[random.nextInt(LONGS.length)];
            case 2 -> INTS[random.nextInt(INTS.length)];
            case 3 -> DOUBLES[random.nextInt(DOUBLES.length)];
            case 4 -> random.nextBoolean();
            case 5 -> value(byte[].class, depth, false);
            case 6 -> TIMES[random.nextInt(TIMES.length)];
            case 7 -> new BigDecimal("12345678901234567890.000000000001");
            case 8 -> new LinkedHashSet<>(List.of("b", "a"));
            case 9 -> value(List.class, depth + 1, nulls);
            case 10 -> {
                Map<Object, Object> map = new LinkedHashMap<>();
                map.put("nested", anything(depth + 1, nulls));
                map.put("null", null);
                map.put("list", new ArrayList<>(java.util.Arrays.asList(null, "x", null)));
                if (random.nextInt(4) == 0) {
                    map.put(7L, "a key that is not a string");
                }
                yield map;
            }
            default -> anything(depth + 1, nulls);
        };
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        } else if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
    }
}
