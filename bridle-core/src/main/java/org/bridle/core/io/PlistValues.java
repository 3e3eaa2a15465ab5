package org.bridle.core.io;

import com.dd.plist.NSArray;
import com.dd.plist.NSData;
import com.dd.plist.NSDate;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSObject;
import com.dd.plist.NSSet;
import com.dd.plist.NSString;
import com.dd.plist.UID;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns dd-plist objects into plain Java values: {@code Map<String,Object>} (insertion order), {@code List<Object>},
 * {@code String}, {@code Long}, {@code Double}, {@code Boolean}, {@code byte[]}, {@code java.time.Instant}, and
 * {@code Long} for a keyed-archive UID.
 */
public final class PlistValues {
    private PlistValues() {
    }

    /** Converts one object and everything it contains. */
    public static Object toJava(NSObject object) {
        if (object == null) {
            return null;
        }
        if (object instanceof NSDictionary dictionary) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, NSObject> e : dictionary.getHashMap().entrySet()) {
                map.put(e.getKey(), toJava(e.getValue()));
            }
            return map;
        }
        if (object instanceof NSArray array) {
            List<Object> list = new ArrayList<>(array.count());
            for (NSObject o : array.getArray()) {
                list.add(toJava(o));
            }
            return list;
        }
        if (object instanceof NSSet set) {
            List<Object> list = new ArrayList<>(set.count());
            for (NSObject o : set.allObjects()) {
                list.add(toJava(o));
            }
            return list;
        }
        if (object instanceof NSString string) {
            return string.getContent();
        }
        if (object instanceof NSNumber number) {
            if (number.isBoolean()) {
                return number.boolValue();
            }
            return number.isInteger() ? (Object) number.longValue() : (Object) number.doubleValue();
        }
        if (object instanceof NSData data) {
            return data.bytes();
        }
        if (object instanceof NSDate date) {
            return date.getDate().toInstant();
        }
        if (object instanceof UID uid) {
            return new ArchiveUid(new BigInteger(1, uid.getBytes()).longValue());
        }
        return object.toString();
    }

    /** The string under {@code key}, or null when it is absent or not a string. */
    public static String string(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value instanceof String s ? s : null;
    }

    /** The whole number under {@code key}, or null when it is absent or not a number. */
    public static Long number(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (value instanceof Long l) {
            return l;
        }
        if (value instanceof Double d) {
            return d.longValue();
        }
        return null;
    }

    /** The boolean under {@code key}, or null when it is absent or not a boolean. */
    public static Boolean bool(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value instanceof Boolean b ? b : null;
    }

    /** The dictionary under {@code key}, or an empty one. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> dictionary(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** The list under {@code key}, or an empty one. */
    @SuppressWarnings("unchecked")
    public static List<Object> list(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /**
     * A time as Apple's property lists store it: a date as it is, a number as Cocoa seconds (many preferences keep
     * times as plain numbers); null for anything else.
     */
    public static Instant time(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Number seconds) {
            return AppleTime.fromCocoaSeconds(seconds.doubleValue());
        }
        return null;
    }
}
