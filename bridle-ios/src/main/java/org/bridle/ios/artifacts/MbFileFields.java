package org.bridle.ios.artifacts;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.bridle.core.io.AppleTime;
import org.bridle.core.io.BinaryPlist;
import org.bridle.core.io.BinaryPlist.Kind;
import org.bridle.core.io.EvidenceFormatException;
import org.bridle.core.io.KeyedArchive;

/**
 * Reads the fields {@link Manifest} uses from an {@code MBFile} blob of Manifest.db straight from its binary
 * property list, for the plain shape iOS writes: the root object's fields inline or one reference away, dates as
 * {@code NS.time} objects, wrapped data as {@code NS.data}.
 *
 * <p>{@link #read} gives, for each of {@link #FIELDS} whose value is a number or a time, what
 * {@link KeyedArchive#decode} would give under that key (a {@code Long}, {@code Double} or {@code Instant}),
 * and throws what it would throw while resolving the root's fields. For any other shape it returns null, and the
 * caller decodes the blob with {@link KeyedArchive}: never a different answer, only a slower one.
 */
public final class MbFileFields {
    /** The fields read; the others are resolved (as the general decoder does) and dropped. */
    public static final Set<String> FIELDS = Set.of("Birth", "LastModified", "LastStatusChange", "Mode", "UserID",
            "GroupID", "Size", "InodeNumber");

    private static final Set<String> WRAPPED = Set.of("NS.string", "NS.bytes", "NS.data");
    /** Marks a value whose shape this reader leaves to {@link KeyedArchive}. */
    private static final Object NOT_PLAIN = new Object();

    private final BinaryPlist plist;
    private final int objects;
    private final int objectCount;
    private final long root;

    private MbFileFields(BinaryPlist plist, int objects, int objectCount, long root) {
        this.plist = plist;
        this.objects = objects;
        this.objectCount = objectCount;
        this.root = root;
    }

    /**
     * The numeric and time fields of the archive's root object, or null when the blob is not of the plain shape.
     *
     * @throws RuntimeException what {@link KeyedArchive#decode} throws on such a blob besides its format error (a
     *     time out of {@link Instant}'s range)
     */
    public static Map<String, Object> read(byte[] blob) {
        try {
            MbFileFields archive = open(blob);
            return archive == null ? null : archive.rootFields();
        } catch (EvidenceFormatException notPlain) {
            return null;
        }
    }

    private static MbFileFields open(byte[] blob) throws EvidenceFormatException {
        BinaryPlist plist = BinaryPlist.of(blob);
        plist.checkTree();
        int top = plist.top();
        if (plist.kind(top) != Kind.DICTIONARY || !plist.isString(entry(plist, top, "$archiver"), "NSKeyedArchiver")) {
            return null;
        }
        int roots = entry(plist, top, "$top");
        int objects = entry(plist, top, "$objects");
        if (plist.kind(roots) != Kind.DICTIONARY || plist.kind(objects) != Kind.ARRAY) {
            return null;
        }
        int root = entry(plist, roots, "root");
        if (plist.kind(root) != Kind.UID) {
            return null;
        }
        return new MbFileFields(plist, objects, plist.size(objects), plist.uid(root));
    }

    /** The value under {@code key}, which must be there once; else the shape is not plain. */
    private static int entry(BinaryPlist plist, int dictionary, String key) throws EvidenceFormatException {
        int found = -1;
        for (int i = 0; i < plist.size(dictionary); i++) {
            if (plist.isString(plist.key(dictionary, i), key)) {
                if (found >= 0) {
                    throw new EvidenceFormatException("the key " + key + " appears twice");
                }
                found = plist.value(dictionary, i);
            }
        }
        if (found < 0) {
            throw new EvidenceFormatException("no " + key);
        }
        return found;
    }

    /**
     * The root's fields. The keys are looked at first, as the general decoder chooses how to decode an object and
     * resolves its class before its fields; then the fields are resolved in order.
     */
    private Map<String, Object> rootFields() throws EvidenceFormatException {
        int object = archived(root);
        if (plist.kind(object) != Kind.DICTIONARY) {
            return null;
        }
        int size = plist.size(object);
        String[] keys = new String[size];
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < size; i++) {
            keys[i] = plist.string(plist.key(object, i));
            if (keys[i].startsWith("NS.") || !distinct.add(keys[i])) {
                return null;
            }
            int value = plist.value(object, i);
            if (keys[i].equals("$class") && plist.kind(value) == Kind.UID) {
                archived(plist.uid(value));
            }
        }
        Map<String, Object> fields = new HashMap<>();
        for (int i = 0; i < size; i++) {
            if (keys[i].equals("$class")) {
                continue;
            }
            Object resolved = field(plist.value(object, i));
            if (resolved == NOT_PLAIN) {
                return null;
            }
            if (resolved != null && FIELDS.contains(keys[i])) {
                fields.put(keys[i], resolved);
            }
        }
        return fields;
    }

    /**
     * A field's value as the general decoder gives it when it is a number or a time; null for any other value it
     * resolves without error; {@link #NOT_PLAIN} for what this reader does not follow.
     */
    private Object field(int value) throws EvidenceFormatException {
        if (plist.kind(value) != Kind.UID) {
            return scalar(value);
        }
        long reference = plist.uid(value);
        if (reference == root) {
            return NOT_PLAIN;
        }
        int object = archived(reference);
        if (plist.kind(object) != Kind.DICTIONARY) {
            return plist.isString(object, "$null") ? null : scalar(object);
        }
        return wrapper(object);
    }

    private Object scalar(int object) throws EvidenceFormatException {
        return switch (plist.kind(object)) {
            case INTEGER -> plist.integer(object);
            case REAL -> plist.real(object);
            case DATE -> NOT_PLAIN;
            default -> null;
        };
    }

    /** A referenced dictionary: an archived date, or wrapped data or string. */
    private Object wrapper(int object) throws EvidenceFormatException {
        int time = -1;
        int wrapped = -1;
        int size = plist.size(object);
        for (int i = 0; i < size; i++) {
            String key = plist.string(plist.key(object, i));
            if (key.equals("NS.time")) {
                time = plist.value(object, i);
            } else if (WRAPPED.contains(key)) {
                wrapped = wrapped < 0 ? plist.value(object, i) : -2;
            } else if (key.startsWith("NS.") || !key.equals("$class")) {
                return NOT_PLAIN;
            }
        }
        if (wrapped >= 0 && time < 0 && plist.kind(wrapped) != Kind.UID) {
            return scalar(wrapped);
        }
        if (wrapped == -1 && time >= 0) {
            Kind kind = plist.kind(time);
            if (kind == Kind.INTEGER) {
                return AppleTime.fromCocoaSeconds((double) plist.integer(time));
            }
            if (kind == Kind.REAL) {
                return AppleTime.fromCocoaSeconds(plist.real(time));
            }
        }
        return NOT_PLAIN;
    }

    /** The object an archive reference names. */
    private int archived(long reference) throws EvidenceFormatException {
        if (reference >= objectCount) {
            throw new EvidenceFormatException("the archive refers to object " + reference + " of " + objectCount);
        }
        return plist.element(objects, (int) reference);
    }
}
