package org.bridle.android.artifacts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Reads the fields of one protocol-buffer message, without a schema: each field's number, wire type and value
 * (a varint, or the bytes of a length-delimited field; fixed-width values are skipped).
 */
final class ProtoFields {
    /** One field: {@code varint} is set for wire type 0, {@code bytes} for wire type 2. */
    record Field(int number, long varint, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8).replace("\0", "");
        }
    }

    private ProtoFields() {
    }

    /**
     * Hands each field of {@code message} to {@code out}, in order.
     *
     * @throws IOException when the bytes are not a protocol-buffer message
     */
    static void read(byte[] message, Consumer<Field> out) throws IOException {
        int[] at = {0};
        while (at[0] < message.length) {
            long key = varint(message, at);
            int number = (int) (key >>> 3);
            int wire = (int) (key & 7);
            switch (wire) {
                case 0 -> out.accept(new Field(number, varint(message, at), null));
                case 1 -> skip(message, at, 8);
                case 5 -> skip(message, at, 4);
                case 2 -> {
                    long length = varint(message, at);
                    if (length < 0 || length > message.length - at[0]) {
                        throw new IOException("not a protobuf message: a field runs past the end");
                    }
                    byte[] bytes = Arrays.copyOfRange(message, at[0], at[0] + (int) length);
                    at[0] += (int) length;
                    out.accept(new Field(number, 0, bytes));
                }
                default -> throw new IOException("not a protobuf message: wire type " + wire);
            }
        }
    }

    private static void skip(byte[] message, int[] at, int count) throws IOException {
        if (count > message.length - at[0]) {
            throw new IOException("not a protobuf message: a field runs past the end");
        }
        at[0] += count;
    }

    private static long varint(byte[] message, int[] at) throws IOException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at[0] >= message.length) {
                throw new IOException("not a protobuf message: a number runs past the end");
            }
            byte b = message[at[0]++];
            value |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new IOException("not a protobuf message: a number is too long");
    }
}
