package org.bridle.ios.artifacts;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.bridle.core.io.AppleTime;
import org.bridle.core.io.BinaryPlist;
import org.bridle.core.io.BinaryPlist.AsciiStrings;
import org.bridle.core.io.BinaryPlist.Kind;
import org.bridle.core.io.EvidenceFormatException;
import org.bridle.core.io.KeyedArchive;

/**
 * Reads the fields {@link Manifest} uses from an {@code MBFile} blob of Manifest.db straight from its binary
 * property list, for the plain shape iOS writes: the root object's fields inline or one reference away, dates as
 * {@code NS.time} objects, wrapped data as {@code NS.data}.
 *
 * <p>{@link #read} gives, for each {@link MbFileValues.Field} whose value is a number or a time, what
 * {@link KeyedArchive#decode} would give under that key (a {@code Long}, {@code Double} or {@code Instant}), and
 * throws what it would throw while resolving the root's fields. For any other shape it returns null, and the caller
 * decodes the blob with {@link KeyedArchive}: never a different answer, only a slower one. Keys are compared in
 * place, and the numbers of fields are not boxed.
 */
public final class MbFileFields {
    /** The keys of the archive's top dictionary that this reader follows. */
    private static final AsciiStrings TOP_KEYS = new AsciiStrings(List.of("$archiver", "$top", "$objects"));
    /** The key of the root object's reference in {@code $top}. */
    private static final AsciiStrings ROOT_ENTRY = new AsciiStrings(List.of("root"));
    /** The keys the root object's keys are told apart by: the fields' keys, then {@code $class}. */
    private static final AsciiStrings ROOT_KEYS = new AsciiStrings(
            Stream.concat(MbFileValues.Field.KEYS.stream(), Stream.of("$class")).toList());
    /** The index of {@code $class} in {@link #ROOT_KEYS}. */
    private static final int CLASS = MbFileValues.Field.KEYS.size();
    /** The keys a wrapper may have: its time, its class, and the keys of wrapped values from {@code WRAPPED} on. */
    private static final AsciiStrings WRAPPER_KEYS = new AsciiStrings(List.of("NS.time", "$class", "NS.string",
            "NS.bytes", "NS.data"));
    private static final int TIME = 0;
    private static final int WRAPPER_CLASS = 1;
    private static final int WRAPPED = 2;

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
    public static MbFileValues read(byte[] blob) {
        try {
            MbFileFields archive = open(blob);
            return archive == null ? null : archive.rootFields();
        } catch (EvidenceFormatException notPlain) {
            return null;
        }
    }

    private static MbFileFields open(byte[] blob) throws EvidenceFormatException {
        BinaryPlist plist = BinaryPlist.of(blob);
        int top = plist.top();
        if (plist.kind(top) != Kind.DICTIONARY) {
            return null;
        }
        int[] entries = entries(plist, top, TOP_KEYS);
        int roots = entries[1];
        int objects = entries[2];
        if (!plist.isString(entries[0], "NSKeyedArchiver") || plist.kind(roots) != Kind.DICTIONARY
                || plist.kind(objects) != Kind.ARRAY) {
            return null;
        }
        int root = entries(plist, roots, ROOT_ENTRY)[0];
        if (plist.kind(root) != Kind.UID) {
            return null;
        }
        return new MbFileFields(plist, objects, plist.size(objects), plist.uid(root));
    }

    /** The values under {@code keys}, each of which must be there once; else the shape is not plain. */
    private static int[] entries(BinaryPlist plist, int dictionary, AsciiStrings keys) throws EvidenceFormatException {
        int[] values = new int[keys.size()];
        int found = 0; // the keys met, a bit each
        int size = plist.size(dictionary);
        for (int i = 0; i < size; i++) {
            int key = plist.indexOfString(plist.key(dictionary, i), keys);
            if (key >= 0) {
                if ((found & 1 << key) != 0) {
                    throw new EvidenceFormatException("a key of the archive appears twice");
                }
                found |= 1 << key;
                values[key] = plist.value(dictionary, i);
            }
        }
        if (found != (1 << keys.size()) - 1) {
            throw new EvidenceFormatException("a key of the archive is missing");
        }
        return values;
    }

    /**
     * The root's fields. The keys are looked at first, as the general decoder chooses how to decode an object and
     * resolves its class before its fields; then the fields are resolved in order.
     */
    private MbFileValues rootFields() throws EvidenceFormatException {
        int object = archived(root);
        if (plist.kind(object) != Kind.DICTIONARY) {
            return null;
        }
        int size = plist.size(object);
        byte[] keys = new byte[size]; // the index of each key in ROOT_KEYS, or -1
        int known = 0; // the ROOT_KEYS met, a bit each
        for (int i = 0; i < size; i++) {
            int key = plist.key(object, i);
            int index = plist.indexOfString(key, ROOT_KEYS);
            if (index < 0 && (plist.startsWith(key, "NS.") || appearsBefore(object, i, keys))
                    || index >= 0 && (known & 1 << index) != 0) {
                return null;
            }
            known |= index < 0 ? 0 : 1 << index;
            keys[i] = (byte) index;
            if (index == CLASS) {
                int value = plist.value(object, i);
                if (plist.kind(value) == Kind.UID) {
                    archived(plist.uid(value));
                }
            }
        }
        MbFileValues fields = new MbFileValues();
        for (int i = 0; i < size; i++) {
            if (keys[i] != CLASS && !resolve(plist.value(object, i), keys[i], fields)) {
                return null;
            }
        }
        return fields;
    }

    /**
     * True when the {@code i}th key of a dictionary, none of {@link #ROOT_KEYS}, is also one of the keys before it
     * that are none of them either ({@code keys} tells).
     */
    private boolean appearsBefore(int dictionary, int i, byte[] keys) throws EvidenceFormatException {
        int key = plist.key(dictionary, i);
        for (int j = 0; j < i; j++) {
            if (keys[j] < 0 && plist.sameString(plist.key(dictionary, j), key)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Resolves a field's value as the general decoder does and keeps it in {@code fields} under {@code field}
     * (when it is one of them, not -1) if it is a number or a time; false for what this reader does not follow.
     */
    private boolean resolve(int value, int field, MbFileValues fields) throws EvidenceFormatException {
        Kind kind = plist.kind(value);
        if (kind != Kind.UID) {
            return scalar(value, kind, field, fields);
        }
        long reference = plist.uid(value);
        if (reference == root) {
            return false;
        }
        int object = archived(reference);
        kind = plist.kind(object);
        if (kind != Kind.DICTIONARY) {
            return plist.isString(object, "$null") || scalar(object, kind, field, fields);
        }
        return wrapper(object, field, fields);
    }

    /** A value that is no reference, of the {@code kind}. */
    private boolean scalar(int object, Kind kind, int field, MbFileValues fields) throws EvidenceFormatException {
        switch (kind) {
            case INTEGER -> {
                if (field >= 0) {
                    fields.setWhole(field, plist.integer(object));
                }
            }
            case REAL -> {
                if (field >= 0) {
                    fields.setReal(field, plist.real(object));
                }
            }
            case DATE -> {
                return false;
            }
            default -> { }
        }
        return true;
    }

    /** A referenced dictionary: an archived date, or wrapped data or string. */
    private boolean wrapper(int object, int field, MbFileValues fields) throws EvidenceFormatException {
        int time = -1;
        int wrapped = -1;
        int size = plist.size(object);
        for (int i = 0; i < size; i++) {
            int key = plist.indexOfString(plist.key(object, i), WRAPPER_KEYS);
            if (key == TIME) {
                time = plist.value(object, i);
            } else if (key >= WRAPPED) {
                wrapped = wrapped < 0 ? plist.value(object, i) : -2;
            } else if (key != WRAPPER_CLASS) {
                return false;
            }
        }
        if (wrapped >= 0 && time < 0) {
            Kind kind = plist.kind(wrapped);
            return kind != Kind.UID && scalar(wrapped, kind, field, fields);
        }
        if (wrapped == -1 && time >= 0) {
            Kind kind = plist.kind(time);
            if (kind == Kind.INTEGER || kind == Kind.REAL) {
                Instant instant = AppleTime.fromCocoaSeconds(
                        kind == Kind.INTEGER ? (double) plist.integer(time) : plist.real(time));
                if (field >= 0) {
                    fields.setTime(field, instant);
                }
                return true;
            }
        }
        return false;
    }

    /** The object an archive reference names. */
    private int archived(long reference) throws EvidenceFormatException {
        if (reference >= objectCount) {
            throw new EvidenceFormatException("the archive refers to object " + reference + " of " + objectCount);
        }
        return plist.element(objects, (int) reference);
    }
}
