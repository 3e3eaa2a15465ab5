package org.bridle.testkit;

import com.dd.plist.BinaryPropertyListWriter;
import com.dd.plist.NSArray;
import com.dd.plist.NSData;
import com.dd.plist.NSDate;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;
import com.dd.plist.UID;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes property lists from plain Java values: {@code Map} (dictionary), {@code List} (array), {@code String},
 * {@code Integer}/{@code Long}, {@code Double}, {@code Boolean}, {@code byte[]} (data) and {@code Instant} (date).
 */
public final class PlistFixture {
    private PlistFixture() {
    }

    /** A binary property list. */
    public static byte[] binary(Object root) {
        try {
            return BinaryPropertyListWriter.writeToArray(toPlist(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An XML property list. */
    public static byte[] xml(Object root) {
        return toPlist(root).toXMLPropertyList().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * An NSKeyedArchiver archive whose root is an object of class {@code className} with these fields. Field values
     * that are strings are stored as separate archived objects, as Apple's archiver does; numbers and dates inline.
     */
    public static byte[] keyedArchive(String className, Map<String, Object> fields) {
        List<NSObject> objects = new ArrayList<>();
        objects.add(new NSString("$null"));
        NSDictionary root = new NSDictionary();
        objects.add(root);
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            Object value = field.getValue();
            if (value instanceof String || value instanceof byte[]) {
                objects.add(value instanceof byte[] bytes ? wrappedData(bytes, objects) : new NSString((String) value));
                root.put(field.getKey(), uid(objects.size() - 1));
            } else {
                root.put(field.getKey(), toPlist(value));
            }
        }
        NSDictionary cls = new NSDictionary();
        cls.put("$classname", className);
        cls.put("$classes", new NSArray(new NSString(className), new NSString("NSObject")));
        objects.add(cls);
        root.put("$class", uid(objects.size() - 1));
        NSDictionary archive = new NSDictionary();
        archive.put("$version", 100000);
        archive.put("$archiver", "NSKeyedArchiver");
        NSDictionary top = new NSDictionary();
        top.put("root", uid(1));
        archive.put("$top", top);
        archive.put("$objects", new NSArray(objects.toArray(new NSObject[0])));
        try {
            return BinaryPropertyListWriter.writeToArray(archive);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static NSObject wrappedData(byte[] bytes, List<NSObject> objects) {
        NSDictionary data = new NSDictionary();
        data.put("NS.data", new NSData(bytes));
        NSDictionary cls = new NSDictionary();
        cls.put("$classname", "NSMutableData");
        cls.put("$classes", new NSArray(new NSString("NSMutableData"), new NSString("NSData"), new NSString("NSObject")));
        objects.add(cls);
        data.put("$class", uid(objects.size() - 1));
        return data;
    }

    private static UID uid(int index) {
        byte[] bytes = index < 0x100 ? new byte[] {(byte) index}
                : new byte[] {(byte) (index >> 8), (byte) index};
        return new UID("ref", bytes);
    }

    /** Converts a plain Java value to a dd-plist object. */
    public static NSObject toPlist(Object value) {
        if (value instanceof NSObject ns) {
            return ns;
        }
        if (value instanceof Map<?, ?> map) {
            NSDictionary dictionary = new NSDictionary();
            for (Map.Entry<?, ?> e : new LinkedHashMap<>(map).entrySet()) {
                dictionary.put(String.valueOf(e.getKey()), toPlist(e.getValue()));
            }
            return dictionary;
        }
        if (value instanceof List<?> list) {
            NSArray array = new NSArray(list.size());
            for (int i = 0; i < list.size(); i++) {
                array.setValue(i, toPlist(list.get(i)));
            }
            return array;
        }
        if (value instanceof String s) {
            return new NSString(s);
        }
        if (value instanceof Boolean b) {
            return new NSNumber(b);
        }
        if (value instanceof Integer || value instanceof Long) {
            return new NSNumber(((Number) value).longValue());
        }
        if (value instanceof Number n) {
            return new NSNumber(n.doubleValue());
        }
        if (value instanceof byte[] bytes) {
            return new NSData(bytes);
        }
        if (value instanceof Instant instant) {
            return new NSDate(Date.from(instant));
        }
        throw new IllegalArgumentException("no property list form for " + value);
    }
}
