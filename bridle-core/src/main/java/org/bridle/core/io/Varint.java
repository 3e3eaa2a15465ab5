package org.bridle.core.io;

/**
 * Reads SQLite's variable-length integers: one to nine bytes, big-endian, seven bits from each of the first eight
 * (whose high bit says another byte follows) and all eight bits of a ninth. Remembers where the last one read ended.
 */
final class Varint {
    private int end;

    /**
     * The varint at {@code at}, which must end before {@code limit} ({@code where} names that bound in the damage
     * message, such as "its page").
     *
     * @throws EvidenceFormatException when it runs to {@code limit}
     */
    long read(byte[] bytes, int at, int limit, String where) throws EvidenceFormatException {
        long value = 0;
        for (int i = 0; i < 9; i++) {
            if (at + i >= limit) {
                throw SqliteDamage.damage("a varint runs past " + where);
            }
            int b = bytes[at + i] & 0xff;
            if (i == 8) {
                end = at + 9;
                return (value << 8) | b;
            }
            value = (value << 7) | (b & 0x7f);
            if (b < 0x80) {
                end = at + i + 1;
                return value;
            }
        }
        throw new AssertionError();
    }

    /** Where the last varint read ended. */
    int end() {
        return end;
    }
}
