package org.bridle.core.io;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decodes an NSKeyedArchiver property list (as in Manifest.db's file blobs) into plain Java values, following
 * references: archived dictionaries become maps, arrays and sets lists, strings, data and dates their values, and any
 * other archived object a map of its keys, with its class name under {@code $classname}. A reference cycle or a
 * broken reference is a format error.
 */
public final class KeyedArchive {
    private static final int MAX_DEPTH = 256;

    private final List<Object> objects;
    private final Set<Long> inProgress = new HashSet<>();

    private KeyedArchive(List<Object> objects) {
        this.objects = objects;
    }

    /** Decodes the archive's root object from the raw property list bytes. */
    public static Object decode(byte[] data) throws EvidenceFormatException {
        Map<String, Object> top = Plists.parseMap(data);
        if (!"NSKeyedArchiver".equals(top.get("$archiver"))) {
            throw new EvidenceFormatException("not an NSKeyedArchiver archive");
        }
        Map<String, Object> roots = PlistValues.dictionary(top, "$top");
        Object root = roots.containsKey("root") ? roots.get("root") : roots.values().stream().findFirst().orElse(null);
        if (!(root instanceof ArchiveUid uid)) {
            throw new EvidenceFormatException("the archive has no root object");
        }
        return new KeyedArchive(PlistValues.list(top, "$objects")).resolve(uid, 0);
    }

    private Object resolve(ArchiveUid uid, int depth) throws EvidenceFormatException {
        Object raw = object(uid);
        if (depth > MAX_DEPTH || !inProgress.add(uid.index())) {
            throw new EvidenceFormatException("the archive's references form a cycle");
        }
        try {
            return value(raw, depth);
        } finally {
            inProgress.remove(uid.index());
        }
    }

    private Object object(ArchiveUid uid) throws EvidenceFormatException {
        if (uid.index() < 0 || uid.index() >= objects.size()) {
            throw new EvidenceFormatException("the archive refers to object " + uid.index() + " of " + objects.size());
        }
        return objects.get((int) uid.index());
    }

    private Object value(Object raw, int depth) throws EvidenceFormatException {
        if ("$null".equals(raw)) {
            return null;
        }
        if (!(raw instanceof Map<?, ?>)) {
            return raw;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) raw;
        if (object.containsKey("NS.keys") && object.containsKey("NS.objects")) {
            List<Object> keys = PlistValues.list(object, "NS.keys");
            List<Object> values = PlistValues.list(object, "NS.objects");
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < Math.min(keys.size(), values.size()); i++) {
                map.put(String.valueOf(follow(keys.get(i), depth)), follow(values.get(i), depth));
            }
            return map;
        }
        if (object.containsKey("NS.objects")) {
            List<Object> list = new ArrayList<>();
            for (Object item : PlistValues.list(object, "NS.objects")) {
                list.add(follow(item, depth));
            }
            return list;
        }
        for (String wrapped : List.of("NS.string", "NS.bytes", "NS.data")) {
            if (object.containsKey(wrapped)) {
                return follow(object.get(wrapped), depth);
            }
        }
        if (object.get("NS.time") instanceof Number seconds) {
            return AppleTime.fromCocoaSeconds(seconds.doubleValue());
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        String className = className(object);
        if (className != null) {
            fields.put("$classname", className);
        }
        for (Map.Entry<String, Object> field : object.entrySet()) {
            if (!field.getKey().equals("$class")) {
                fields.put(field.getKey(), follow(field.getValue(), depth));
            }
        }
        return fields;
    }

    private Object follow(Object value, int depth) throws EvidenceFormatException {
        return value instanceof ArchiveUid uid ? resolve(uid, depth + 1) : value;
    }

    private String className(Map<String, Object> object) throws EvidenceFormatException {
        if (!(object.get("$class") instanceof ArchiveUid uid)) {
            return null;
        }
        return object(uid) instanceof Map<?, ?> cls && cls.get("$classname") instanceof String name ? name : null;
    }
}
