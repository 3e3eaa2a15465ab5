package org.bridle.core.indicators;

import java.util.Set;

/**
 * The hash codes of a set of keys in a table of bits: whether some characters might be one of the keys, asked
 * without making a string of them. A "no" is certain; a "maybe" is wrong for about one string in 100 that is no key.
 * Immutable.
 */
final class KeyFilter {
    private final long[] bits;
    /** How far a mixed hash code is shifted to give its bit's index. */
    private final int shift;

    KeyFilter(Set<String> keys) {
        // 64 to 128 bits a key: a "maybe" for one string in 64 to 128 of those that are no key
        int size = Integer.highestOneBit(Math.max(64, Math.min(1 << 26, keys.size() * 128)));
        bits = new long[size / 64];
        shift = 32 - Integer.numberOfTrailingZeros(size);
        for (String key : keys) {
            int bit = bit(key.hashCode());
            bits[bit >>> 6] |= 1L << bit;
        }
    }

    /** Whether a string of this {@link String#hashCode} might be one of the keys. */
    boolean mightContain(int hashCode) {
        int bit = bit(hashCode);
        return (bits[bit >>> 6] & 1L << bit) != 0;
    }

    /** Whether the characters {@code text[from, to)} might be one of the keys. */
    boolean mightContain(String text, int from, int to) {
        int hashCode = 0;
        for (int i = from; i < to; i++) {
            hashCode = 31 * hashCode + text.charAt(i);
        }
        return mightContain(hashCode);
    }

    private int bit(int hashCode) {
        return hashCode * 0x9E3779B9 >>> shift;
    }
}
