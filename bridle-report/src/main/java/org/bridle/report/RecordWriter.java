package org.bridle.report;

import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializer;
import com.fasterxml.jackson.databind.ser.PropertyWriter;
import java.io.IOException;
import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes the records of one class as databind's bean serializer does: the properties databind resolved for the class
 * (so the same names, snake_case and pre-encoded, in the same order), each read through its record accessor, every
 * null written as JSON null. Built once per class by {@link #of}.
 */
final class RecordWriter implements ValueWriter {
    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
    private static final MethodType MAKE_FUNCTION = MethodType.methodType(Function.class);

    private final Property[] properties;

    private RecordWriter(Property[] properties) {
        this.properties = properties;
    }

    /**
     * The writer of the record class {@code type}, or null when databind would not write it as a plain object of its
     * components: Jackson annotations on it, a serializer other than the standard bean serializer, a property that is
     * not a record component or that is filtered, typed or left out when null, or an accessor that cannot be reached.
     */
    static RecordWriter of(Class<?> type) {
        if (hasJacksonAnnotation(type)) {
            return null;
        }
        Map<String, RecordComponent> components = new HashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            if (hasJacksonAnnotation(component) || hasJacksonAnnotation(component.getAccessor())) {
                return null;
            }
            components.put(component.getName(), component);
        }
        try {
            JsonSerializer<Object> serializer = ReportJson.mapper().getSerializerProviderInstance()
                    .findValueSerializer(type);
            if (serializer.getClass() != BeanSerializer.class || serializer.usesObjectId()) {
                return null;
            }
            List<Property> properties = new ArrayList<>();
            for (Iterator<PropertyWriter> it = serializer.properties(); it.hasNext(); ) {
                Property property = property(it.next(), components);
                if (property == null) {
                    return null;
                }
                properties.add(property);
            }
            return new RecordWriter(properties.toArray(Property[]::new));
        } catch (Error e) {
            throw e;
        } catch (Throwable e) {
            return null; // databind could not describe it, or its accessors cannot be reached: databind writes it
        }
    }

    private static Property property(PropertyWriter writer, Map<String, RecordComponent> components)
            throws Throwable {
        if (!(writer instanceof BeanPropertyWriter bean) || bean.getClass() != BeanPropertyWriter.class
                || bean.willSuppressNulls() || !bean.hasNullSerializer() || bean.getTypeSerializer() != null) {
            return null;
        }
        RecordComponent component = components.get(bean.getMember().getName());
        if (component == null) {
            return null;
        }
        Method accessor = component.getAccessor();
        Class<?> declared = component.getType();
        // a value of a final type other than a record has the writer of that type: a standard one
        boolean exact = declared.isPrimitive() || Modifier.isFinal(declared.getModifiers()) && !declared.isRecord();
        StandardValueWriter value = exact ? (StandardValueWriter) EntryJson.writerFor(declared)
                : StandardValueWriter.BY_CLASS;
        byte[] quoted = bean.getSerializedName().asQuotedUTF8();
        byte[] name = new byte[quoted.length + 2 + Separators.NAME_VALUE.length];
        name[0] = '"';
        System.arraycopy(quoted, 0, name, 1, quoted.length);
        name[quoted.length + 1] = '"';
        System.arraycopy(Separators.NAME_VALUE, 0, name, quoted.length + 2, Separators.NAME_VALUE.length);
        return new Property(name, getter(accessor), value);
    }

    /** A function calling {@code accessor} directly (as a lambda would), boxing a primitive result. */
    @SuppressWarnings("unchecked")
    private static Function<Object, Object> getter(Method accessor) throws Throwable {
        Class<?> type = accessor.getDeclaringClass();
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        CallSite site = LambdaMetafactory.metafactory(lookup, "apply", MAKE_FUNCTION, GETTER,
                lookup.unreflect(accessor), MethodType.methodType(Object.class, type));
        return (Function<Object, Object>) site.getTarget().invokeExact();
    }

    /** Whether an element carries an annotation of Jackson's, which could change how databind writes it. */
    static boolean hasJacksonAnnotation(AnnotatedElement element) {
        for (var annotation : element.getAnnotations()) {
            if (annotation.annotationType().getName().startsWith("com.fasterxml.jackson.")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void write(Utf8JsonOutput out, Object record, int nesting) throws IOException {
        out.raw((byte) '{');
        int inner = nesting + 1;
        for (int i = 0; i < properties.length; i++) {
            Property property = properties[i];
            out.objectEntry(i == 0, inner, property.name());
            Object value = property.accessor().apply(record);
            if (value == null) {
                out.nullValue();
            } else {
                property.value().write(out, value, inner);
            }
        }
        Separators.endObject(out, properties.length > 0, nesting);
    }

    /** One property: its name as written ({@code "name" : }, UTF-8), its accessor and the writer of its values. */
    private record Property(byte[] name, Function<Object, Object> accessor, StandardValueWriter value) {
    }
}
